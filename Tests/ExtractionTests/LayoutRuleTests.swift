import Extraction
import Testing

/// Dates from the page's layout: chronicles, anaphora, datelines, regional
/// calendars and dates split across lines.
@Suite struct LayoutRuleTests {
    private func dated(_ text: String, published: String = "2024-05-20") throws -> [String] {
        try extract(text, published: published, gazetteer: .empty).map { "\($0.date.formatted) \($0.type.rawValue)" }
    }

    @Test func aNumberedChroniclesItemsAreThePageParksActsWhoeverTheyName() throws {
        let events = try extract("""
            白河经济开发区发展大事记
            1、2002年,白河经济开发区成立。
            2、2012年,星河公司年产10万吨新材料项目投产。
            3、2015年,蓝湾公司与省研究院签署合作协议。
            4、2016年,青禾公司二期项目开工。
            """, published: "2019-06-25", gazetteer: .empty)
        #expect(events.map(\.date.formatted) == ["2002", "2012", "2015", "2016"])
        #expect(Set(events.map(\.park.name)) == ["白河经济开发区"])
    }

    @Test func aNumberedListOfYearsIsAChronicle() throws {
        let text = """
            白河经济开发区发展大事记
            1、2002年,白河经济开发区成立。
            2、2012年,省政府准许白河工业园区更名为白河经济开发区。
            3、2012年,省商务厅准许白河经济开发区设立星河工业园。
            4、2019年,白河经济开发区入选省级重点园区名单。
            """
        let events = try extract(text, published: "2019-06-25", gazetteer: .empty)
        // Each item its own act, two of one kind in one year too.
        #expect(events.map(\.date.formatted) == ["2002", "2012", "2012", "2019"])
        // Two numbered years are not yet a chronicle: the year of publication alone is still a summary there.
        let two = try extract(text.split(separator: "\n").enumerated().filter { [1, 4].contains($0.offset) }.map(\.element).joined(separator: "\n"),
                              published: "2019-06-25", gazetteer: .empty)
        #expect(two.map(\.date.formatted) == ["2002"])
    }

    @Test func aYearHeadingGovernsTheLinesBelowIt() throws {
        let events = try dated("""
            白河新区大事记
            2017年
            ●新区成立行政审批服务局
            ●新区出台人才新政“30条”
            2018年
            ●6月7日，白河新区管理委员会正式挂牌
            ●新区与省监督局签署合作备忘录
            """)
        #expect(events == ["2017 opening", "2017 policy", "2018-06-07 opening", "2018 signing"])
    }

    @Test func aDateAloneOnItsLineGovernsTheLinesUntilTheNext() throws {
        let events = try dated("""
            【2021年】
            3.5
            筹备处召开用地协调会议。
            3.8
            日本商会一行到湖西园区参访。
            省科技厅领导前往湖西园区视察。
            """)
        #expect(events == ["2021-03-05 meeting", "2021-03-08 visit", "2021-03-08 visit"])
    }

    @Test func aMonthHeadingDatesBareDaysAndSameDayRefersBack() throws {
        let events = try dated("""
            青川开发区2021年大事记
            1月
            5日 开发区年度工作会议召开。
            18日 市领导在开发区会见来访的德国商会代表。
            同日 开发区首家外资银行支行开业。
            次日 开发区与两家企业签订投资协议。
            """)
        #expect(events == ["2021-01-05 meeting", "2021-01-18 visit", "2021-01-18 opening", "2021-01-19 signing"])
    }

    @Test func anaphoraResolveAgainstTheDayJustNamed() throws {
        let events = try dated("""
            9月24日，白河新区水系工程开工建设。4天后，新区体育中心也开工兴建。
            10月9日，新区召开项目推进会。当天，三个项目集中签约。
            """)
        #expect(events == ["2023-09-24 groundbreaking", "2023-09-28 groundbreaking", "2023-10-09 meeting", "2023-10-09 signing"])
    }

    @Test func aDatelineDatesTodayNotAnAct() throws {
        let events = try dated("""
            本报讯 4月9日讯 今天，青川经开区举行改革经验发布会。
            新华社临江3月22日电 记者21日从临江综保区获悉：临江综保区正式封关运行。
            """)
        #expect(events == ["2024-04-09 meeting", "2024-03-21 opening"])
    }

    @Test func aDispatchWithItsPlaceBeforeTheMarkIsADateline() throws {
        let events = try dated("白河网1月6日临江消息 日前，白河新区举办建区20周年庆祝晚会。", published: "2013-01-06")
        #expect(events == ["2013-01 meeting"])
    }

    @Test func aDispatchWithItsHourIsDatedNearItsPublicationWhateverYearTheTitleSpeaksOf() throws {
        // The title's 2020 is a year of figures; the dispatch (`1月29日9时讯`) and its `昨(28)日` are the publication's.
        let events = try dated("""
            白河新区2020年产值增长7%
            白河网1月29日9时讯 白河新区2021年第一次全体会议昨(28)日召开。
            """, published: "2021-01-29")
        #expect(events == ["2021-01-28 meeting"])
        // Wire copy puts the day after the actor and before what it hosted (`30日承办了`).
        #expect(try dated("中新网白河6月30日电 白河经济开发区30日承办了电子信息行业论坛暨项目集中签约仪式。", published: "2022-07-01")
            == ["2022-06-30 signing"])
    }

    @Test func minguoYearsOnTaiwanesePagesOnly() throws {
        let taiwanese = try extract("""
            經建會表示，北岸航空自由貿易港區將於年底開幕營運，這是國際物流的新據點。
            民航局在92年 5月30日和遠翔公司簽訂興建營運契約。
            """, published: "2005-11-18", gazetteer: .empty)
        #expect(taiwanese.first?.date.formatted == "2003-05-30")
        let simplified = try extract("92年前，白河新区与企业签约。", published: "2005-11-18", gazetteer: .empty)
        #expect(simplified.allSatisfy { $0.date.lower.year != 2003 })
    }

    @Test func aDayInBracketsIsThisMonthsDay() throws {
        let events = try extract("湖西科學園區今(12)日舉辦招商論壇，8間廠商簽署進駐意向書。", published: "2022-08-13", gazetteer: .empty)
        #expect(events.map(\.date.formatted) == ["2022-08-12", "2022-08-12"])
    }

    @Test func aMonthAndItsDaySplitAcrossLinesAreOneDate() throws {
        let events = try dated("  12\n28日，白河新区举行重点项目集中开工仪式。", published: "2023-12-29")
        #expect(events == ["2023-12-28 groundbreaking"])
    }

    @Test func spacesInsideADateAreRead() throws {
        let events = try dated("2003 年 1 月8 日 自治区人民政府作出批复，同意建立白河经济技术开发区。", published: "2014-09-29")
        #expect(events == ["2003-01-08 policy"])
    }

    @Test func aPastDateInsideAClauseDoesNotDateTheNextParagraph() throws {
        let events = try dated("""
            青川经开区于2012年4月1日开园建设。
            7月15日，青川经开区代表团访问马来西亚。
            """, published: "2013-07-30")
        #expect(events == ["2012-04-01 opening", "2013-07-15 visit"])
    }

    @Test func aBareDayIsTheFullDateNamedBeforeWithThatDay() throws {
        let events = try dated("""
            首批项目于7月21日在青川经开区动工。
            青川经开区于2012年4月1日开园。21日开工的粮油项目年加工油料150万吨。
            """, published: "2013-07-30")
        #expect(events.contains("2013-07-21 groundbreaking"))
        #expect(!events.contains("2012-04-21 groundbreaking"))
    }

    @Test func relativeAndVagueExpressionsStillResolve() throws {
        let events = try dated("""
            近日，白河新区召开推进会。
            上周，白河新区与两家企业签约。
            去年底，白河新区获评国家级绿色园区。
            前年6月，白河新区管委会揭牌。
            前不久，白河新区与两家银行签署合作协议。
            5月16日，白河新区举行招商推介会。当晚，新区与客商签订3个项目合作协议。
            """)
        #expect(events == ["2024-05 meeting", "2024-05-13 signing", "2023-12 award", "2022-06 opening", "2024-05 signing",
                           "2024-05-16 meeting", "2024-05-16 signing"])
    }

    @Test func periodsAndLabelsAreNotActDates() throws {
        let events = try dated("""
            自去年6月设立以来，白河新区建成一批基础设施。
            截至2023年底，白河新区累计签约项目80个。
            5月8日，白河新区举行2024年一季度项目集中开工仪式。
            """)
        #expect(events == ["2024-05-08 groundbreaking"])
    }
}

@Suite struct TableRowTests {
    @Test func tableRowsTakeTheirMonthFromTheTitleAndATriangleRepeatsTheDay() throws {
        let events = try extract("""
            白河新区2024年3月工作动态
            日期 | 事项
            3日 | 白河新区召开一季度项目推进会
            △ | 白河新区与星海集团签订合作协议
            12日 | 白河新区招商团赴德国推介
            """, published: "2024-04-02", gazetteer: .empty)
        #expect(events.map { "\($0.date.formatted) \($0.type.rawValue)" } == ["2024-03-03 meeting", "2024-03-03 signing", "2024-03-12 visit"])
    }

    @Test func aParkNamedOnlyInThePageHeaderOwnsItsShortForms() throws {
        let events = try extract("""
            发布时间:2024-02-20 来源:青川经济技术开发区
            2月17日上午，经开区举行一季度重大项目集中开工仪式。
            """, published: "2024-02-20", gazetteer: .empty)
        #expect(events.map(\.park.name) == ["青川经济技术开发区"])
    }
}
