import Extraction
import Testing

/// Another outlet retells an act a day later in its own words: the date must
/// still resolve to the day of the act, and asides must not become acts, or
/// the second report stands beside the first as a duplicate.
@Suite struct SecondWordingTests {
    private func dated(_ text: String, published: String) throws -> [String] {
        try extract(text, published: published, gazetteer: .empty).map { "\($0.type.rawValue) \($0.date.formatted)" }
    }

    @Test func aRecentDayInBracketsCountsBackFromTheDispatch() throws {
        // `昨(28)日` published on the 1st of the next month is the 28th of the month before.
        #expect(try dated("白河新区预定今年底开园。主任委员昨(28)日率队视察白河新区筹建进度。", published: "2021-12-01")
            == ["visit 2021-11-28"])
        #expect(try dated("白河新区与星海集团前(12)日签署合作协议。", published: "2021-06-14") == ["signing 2021-06-12"])
    }

    @Test func aNumberedThingIsNotADay() throws {
        #expect(try dated("该项目2020年4月8日签约,去年9月20日,2号装配车间便实现投产。", published: "2021-03-02")
            == ["signing 2020-04-08", "completion 2020-09-20"])
    }

    @Test func aSpanBetweenTwoActsIsNeither() throws {
        #expect(try dated("3月5日,白河新区电池项目投产,从签约到投产仅用了八个月。", published: "2021-03-06") == ["completion 2021-03-05"])
    }

    @Test func whereThingsStoodByAYearsEndIsNoAct() throws {
        #expect(try dated("1月20日,白河新区举行项目签约大会。到去年底,首批40个项目全部启动。", published: "2021-01-21")
            == ["signing 2021-01-20", "meeting 2021-01-20"].sorted { $0 > $1 })
    }

    @Test func plansGoalsAndFieldsOfWorkAreNotActs() throws {
        #expect(try dated("白河新区原定明年6月竣工的3个项目有望提前完工。", published: "2021-03-06").isEmpty)
        #expect(try dated("3月5日,白河新区召开大会,提出新区要建成一流的智造基地。", published: "2021-03-06") == ["meeting 2021-03-05"])
        #expect(try dated("去年3月,白河新区在体制改革与招商参访上成效明显。", published: "2021-03-06").isEmpty)
        #expect(try dated("3月5日,白河新区举行首批集中开工重点项目观摩。", published: "2021-03-06").isEmpty)
    }

    @Test func aPressConferenceThatToldTheNewsIsNotTheAct() throws {
        #expect(try dated("发布会透露,国务院已于今年4月2日正式批复白河新区总体方案。", published: "2021-06-02") == ["policy 2021-04-02"])
    }

    @Test func anEarlyYearOpensItsClause() throws {
        #expect(try dated("早在2016年,省委和省政府就决定建设白河新区,2017年3月新区挂牌成立。", published: "2021-06-02")
            == ["policy 2016", "opening 2017-03"])
    }

    @Test func aYearInAGatheringsNameDoesNotDateIt() throws {
        #expect(try dated("昨天,2021年白河新区开发者大会在省城召开。", published: "2021-06-02") == ["meeting 2021-06-01"])
    }

    @Test func sameDayInAHeadlineMeansTogether() throws {
        let text = """
            城市晚报 2021年3月25日 第3版
            白河新区12个重点项目同日开工
            本报讯 3月23日,白河新区12个重点建设项目集中开工。
            """
        #expect(try dated(text, published: "2021-03-25") == ["groundbreaking 2021-03-23"])
    }
}

/// Asides of a retelling that name an act without reporting it.
@Suite struct SecondWordingAsideTests {
    private func dated(_ text: String, published: String = "2021-06-02") throws -> [String] {
        try extract(text, published: published, gazetteer: .empty).map { "\($0.type.rawValue) \($0.date.formatted)" }
    }

    @Test func aProjectDescribedByItsStartIsNoSecondAct() throws {
        #expect(try dated("5月21日,白河新区星海粮油项目正式动工。本月21日动工的星海粮油项目年加工能力达80万吨。")
            == ["groundbreaking 2021-05-21"])
    }

    @Test func theTopicOfAPressConferenceIsNotAnAct() throws {
        #expect(try dated("昨天,省政府新闻办召开发布会,通报白河新区挂牌成立有关情况。") == ["meeting 2021-06-01"])
    }

    @Test func whatAnActMeansIsNoOtherAct() throws {
        #expect(try dated("5月28日,白河新城举行奠基仪式,标志着白河新城正式启动建设。") == ["groundbreaking 2021-05-28"])
    }

    @Test func aGatheringThatOpensIsAGathering() throws {
        #expect(try dated("第8届白河国际电子博览会暨论坛昨(1日)开幕。") == ["meeting 2021-06-01"])
    }

    @Test func aGatheringJoinedToASigningCeremonyIsTheSigning() throws {
        // One ceremony under two names: one outlet says `推介会暨签约仪式举行`, the next
        // `推介会暨签约仪式上，…签署协议`; each is one signing, as the first page told it.
        #expect(try dated("6月1日,白河新区项目推介会暨签约仪式举行,星海集团与新区签署协议。") == ["signing 2021-06-01"])
        #expect(try dated("6月1日举办的白河新区项目推介会暨重点项目签约仪式上,星海集团与新区签署协议。") == ["signing 2021-06-01"])
        // A gathering beside a signing, each named on its own, is still two acts.
        #expect(try dated("6月1日,白河新区召开项目推介会,会上星海集团与新区签署协议。").sorted() == ["meeting 2021-06-01", "signing 2021-06-01"])
    }

    @Test func aBatchSigningAtTheSigningCeremonyJustToldIsThatCeremony() throws {
        // The ceremony, then who signed at it (`现场`): one act, as the outlet that wrote `当场` told it.
        #expect(try dated("6月1日,白河新区企业入驻签约仪式在省城举行。星海科技有限公司、蓝湾电缆有限公司等9家企业现场与新区签署入驻协议。")
            == ["signing 2021-06-01"])
        // Companies named one by one at the ceremony are acts of their own, and so is a signing at a meeting.
        #expect(try dated("6月1日,白河新区企业入驻签约仪式在省城举行。星海科技有限公司、蓝湾电缆有限公司现场与新区签署入驻协议。").count == 3)
        #expect(try dated("6月1日,白河新区招商推介会在省城举行。星海科技有限公司、蓝湾电缆有限公司等9家企业现场与新区签署入驻协议。").sorted()
            == ["meeting 2021-06-01", "signing 2021-06-01"])
        // On its day (`同日`), projects counted but not named are the ceremony's too; a company named is its own act.
        #expect(try dated("1月17日,白河新区举行重大项目签约大会。另外,同日白河新区宣布落户28个项目,总投资逾100亿元。", published: "2021-01-18").sorted()
            == ["meeting 2021-01-17", "signing 2021-01-17"])
        #expect(try dated("1月17日,白河新区举行重大项目签约大会。同日,星海科技有限公司与白河新区签约。", published: "2021-01-18").count == 3)
    }

    @Test func aBodyRaisedByADecreeIsRaisedByThatDecree() throws {
        // `自此…升格` was one act already; so is the upgrade told as the decree's next clause.
        #expect(try dated("2007年1月24日,总统令公布《白河园区管理局组织法》,白河园区正式由筹备处升格为管理局。", published: "2007-12-31")
            == ["policy 2007-01-24"])
        #expect(try dated("2007年1月24日,白河园区由筹备处升格为管理局。", published: "2007-12-31") == ["award 2007-01-24"])
    }

    @Test func aGatheringNamedOnlyAsWhereAnActTookPlaceIsItsCircumstance() throws {
        // `将` before a quoted name marks what was passed (把), not a plan.
        #expect(try dated("1月9日,第6届第4次会议上,市议会将「白河园区管理条例草案」三读通过。") == ["policy 2021-01-09"])
        #expect(try dated("1月9日,市议会将于下月审议「白河园区管理条例草案」。").isEmpty)
        // A gathering reported as held is an act of its own, whatever happened at it.
        #expect(try dated("1月9日,白河新区召开招商大会,会议上星海集团与新区签约。").sorted() == ["meeting 2021-01-09", "signing 2021-01-09"])
    }

    @Test func aMeetingThatPassesAPolicyIsThePolicysActor() throws {
        #expect(try dated("本月13日,省政府常务会议审议通过了《白河新区总体规划》。", published: "2021-06-14") == ["policy 2021-06-13"])
    }

    @Test func meetingsReferredToAreNotHeld() throws {
        #expect(try dated("为落实省委有关会议的部署要求,5月23日,白河新区召开高质量发展大会。") == ["meeting 2021-05-23"])
    }
}

/// How a retelling lays out the acts it reports.
@Suite struct SecondWordingLayoutTests {
    @Test func aBreakdownOpenedByAColonTakesTheActsDay() throws {
        let events = try extract("""
            12月11日,白河市重点项目集中签约大会举行。大会现场签约项目60个,总投资300亿元。
            从各县区和园区看:白河新区签约12个项目,投资90亿元;青川县签约8个项目,投资40亿元;
            """, published: "2022-12-13", gazetteer: .empty)
        let park = events.filter { $0.park.name == "白河新区" }
        #expect(park.map(\.date.formatted) == ["2022-12-11"])
        #expect(park.first?.evidence.contains("12个项目") == true)
    }

    @Test func everyItemOfAListAPastYearOpensIsAnActOfThatYear() throws {
        let events = try extract("""
            2017年,白河新区在全省率先推行“一网通办”;出台人才安居政策;组建招商服务局;入选第二批国家级示范基地。
            同年,新区托管青川园区;省政府出台《支持白河新区发展的意见》。
            """, published: "2022-12-17", gazetteer: .empty)
        #expect(events.map { "\($0.type.rawValue) \($0.date.formatted)" }
            == ["policy 2017", "award 2017", "policy 2017"])
    }

    @Test func aYearInsideAClauseDoesNotDateTheListAfterIt() throws {
        let events = try extract("在2021年全省园区评价中,白河新区获得4项表彰;\n同时获评国家绿色工业园区。", published: "2022-12-17", gazetteer: .empty)
        #expect(events.isEmpty)
    }

    @Test func aTitleGrantedOnApprovalIsAnAward() throws {
        let events = try extract("2017年,白河新区获批成为国家级“双创”示范基地。", published: "2022-12-17", gazetteer: .empty)
        #expect(events.map(\.type) == [.award])
    }

    @Test func whatIsAlreadySoIsNoAct() throws {
        #expect(try extract("5月8日,白河新区总装车间调试完毕,已有装配车辆下线。", published: "2022-12-17", gazetteer: .empty).isEmpty)
    }

    @Test func theItemsOfAPlanDecidedAreNotActs() throws {
        let events = try extract("5月8日,白河新区召开工作会议,确定了年度八件实事,包括设立创业基金、建成新交通系统等。",
                                 published: "2022-12-17", gazetteer: .empty)
        #expect(events.map(\.type) == [.meeting])
    }

    @Test func convokingAWorkMeetingBreaksNoGround() throws {
        let events = try extract("6月3日,白河新区召开工作推进会。", published: "2022-12-17", gazetteer: .empty)
        #expect(events.map(\.type) == [.meeting])
    }

    @Test func eachKindOfDetailReplacesItsSummary() throws {
        let events = try extract("""
            近日,白河新区在青川工业园举行项目开/竣工仪式,12个项目集中开工,5个项目竣工。
            其中,星海电池厂等项目宣告竣工,云岭物流园等项目正式动工。
            """, published: "2022-12-17", gazetteer: .empty)
        #expect(events.map(\.type).sorted() == [.groundbreaking, .completion])
        #expect(events.allSatisfy { $0.evidence.hasPrefix("其中") })
    }

    @Test func aNoticeOfRulesIsAPolicy() throws {
        let events = try extract("1月5日,白河新区筹备处公告「园区管理费收取办法」。", published: "2022-12-17", gazetteer: .empty)
        #expect(events.map(\.type) == [.policy])
    }

    @Test func beingNamedABaseIsAnAward() throws {
        let events = try extract("今年1月,白河新区被工信部确定为国家新型工业化产业示范基地。", published: "2022-04-17", gazetteer: .empty)
        #expect(events.map { "\($0.type.rawValue) \($0.date.formatted)" } == ["award 2022-01"])
    }

    @Test func aClauseJoinedByBingGoesOnWithThePlanBeforeIt() throws {
        let events = try extract("3月2日,白河新区与星海软件公司签约,星海软件将在新区设立区域总部,共建“星海创新中心”,并挂牌“星海云软件园”。",
                                 published: "2022-04-17", gazetteer: .empty)
        #expect(events.map(\.type) == [.signing])
    }
}
