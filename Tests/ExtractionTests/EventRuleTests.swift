import Extraction
import Testing

/// Which sentences are acts: ceremonies and their verbs, several acts in one
/// sentence, and the negatives that stay negative.
@Suite struct EventRuleTests {
    private func types(_ text: String, published: String = "2024-05-20") throws -> [EventType] {
        try extract(text, published: published, gazetteer: .empty).map(\.type)
    }

    @Test(arguments: [
        ("5月8日，白河新区举行二季度重大项目集中开工仪式。", EventType.groundbreaking),
        ("5月8日，白河新区组织举行光电产业园奠基仪式。", .groundbreaking),
        ("5月8日，白河新区与星海集团签署战略合作框架协议。", .signing),
        ("5月8日，白河新区与临港集团签订合作备忘录。", .signing),
        ("5月8日，白河新区召开2024年项目建设推进会。", .meeting),
        ("5月8日，白河新区举行投资环境说明会。", .meeting),
        ("5月8日，白河新区招商团赴德国慕尼黑考察交流。", .visit),
        ("5月8日，白河新区入选国家级绿色工业园区名单。", .award),
        ("5月8日，白河新区被省工信厅认定为省级特色产业园。", .award),
        ("5月8日，白河新区获评全省营商环境十强园区。", .award),
        ("5月8日，白河新区印发《产业扶持办法》。", .policy),
        ("5月8日，白河新区制定了《高质量发展三年行动方案》。", .policy),
        ("5月8日，白河新区人才新政正式发布。", .policy),
        ("5月8日，白河新区数字产业园正式开园。", .opening),
        ("5月8日，白河新区首家外资医院开业。", .opening),
        ("5月8日，白河新区电池项目实现投产。", .completion),
        ("5月8日，白河新区综合保税区通过国家正式验收。", .completion),
        ("5月8日，国务院批复同意设立白河新区。", .policy),
        // Approved as, or to be set up, with no other act after it: the approval is the act.
        ("2023年5月，白河新区经国务院批准为国家级开发区。", .policy),
        ("白河新区今年5月经省政府批复设立，规划面积10平方公里。", .policy),
    ])
    func ceremoniesAndTheirVerbs(text: String, type: EventType) throws {
        #expect(try types(text).first == type)
    }

    @Test func oneSentenceSeveralActs() throws {
        #expect(try types("2月22日，白河新区20个重点项目集中签约、开工、投产。") == [.signing, .groundbreaking, .completion])
        #expect(try types("5月24日，白河新区举行重大项目集中开工签约仪式。") == [.groundbreaking, .signing])
        #expect(try types("7月31日，白河新区召开开发者大会，会上高新区揭牌成立。") == [.meeting, .opening])
    }

    @Test func oneActWithSeveralVerbsIsOne() throws {
        #expect(try types("5月8日，白河新区管委会揭牌成立。") == [.opening])
        #expect(try types("5月8日，白河新区电子项目开工建设并投产。") == [.groundbreaking])
        #expect(try types("5月8日，省领导到白河新区考察调研。") == [.visit])
        // A ceremony starting and completing projects: its `开工或竣工` is that ceremony's.
        #expect(try types("5月8日，白河新区举行集中开竣工仪式，一批重大项目同时开工或竣工。") == [.groundbreaking])
    }

    @Test func detailsOfAListKeepTheirOwnSubjects() throws {
        let events = try extract("""
            6月15日，白河新区举办集中签约活动。
            其中，星海科技有限公司、蓝湾精密项目分别与新区签约。
            """, gazetteer: .empty)
        #expect(events.filter { $0.type == .signing }.flatMap(\.subjects) == ["星海科技有限公司", "蓝湾精密项目"])
    }

    @Test func namesKeepAPlaceInBracketsAndLatinLetters() throws {
        // `(中国)` inside a company's name; a phase's sentence names no one, so the paragraph's company is its subject.
        let phase = try extract("""
            北岸汽车(中国)有限公司在白河新区投资建设整车基地。一期工程于2022年3月开工建设。
            """, gazetteer: .empty)
        #expect(phase.map(\.subjects) == [["北岸汽车(中国)有限公司"]])
        #expect(try extract("2022年5月，蓝湾(宁波)新材料有限公司在白河新区签约。", gazetteer: .empty).map(\.subjects)
            == [["蓝湾(宁波)新材料有限公司"]])
        // One character in brackets names a part of the thing built: the name goes on through it.
        #expect(try extract("2022年5月，白河新区正(负)极材料项目开工。", gazetteer: .empty).map(\.subjects) == [["正(负)极材料项目"]])
        #expect(try extract("2022年5月，白河新区软x光装置项目开工。", gazetteer: .empty).map(\.subjects) == [["软x光装置项目"]])
    }

    @Test func projectsListedAfterTheSigningJustReportedAreEachTheParksSigning() throws {
        let gazetteer = ParkGazetteer(parks: [Park(id: "baihe", name: "白河经济技术开发区", aliases: ["白河经开区"])])
        let listed = try extract("""
            5月31日，白河市在深圳举行重点项目集中签约仪式。本县此次签约的3个项目依次为:星海新材料有限公司与白河经开区管委会的电子粉体项目、\
            白河经开区管委会与蓝湾生物科技有限公司的植物胶提取项目,以及青禾防护用品有限公司与石桥镇人民政府的医疗用品项目。
            """, gazetteer: gazetteer)
        // The two items that name the park are its signings, of the day just reported; the town's item is not the park's.
        let items = listed.filter { $0.subjects.contains { $0.hasSuffix("有限公司") } }
        #expect(items.map(\.subjects.first) == ["星海新材料有限公司", "蓝湾生物科技有限公司"])
        #expect(items.allSatisfy { $0.type == .signing && $0.date.formatted == "2023-05-31" && $0.park.id == "baihe" })
        // A list of fields names no project: no signing of its own.
        let fields = try extract("""
            5月31日，白河经开区举行重点项目集中签约仪式。此次签约的项目包括:新材料、生物医药、电子信息等领域。
            """, gazetteer: gazetteer)
        #expect(fields.count == 1)
    }

    @Test func aSigningToldAtItsCeremonyIsOneEventTitledByWhatWasSigned() throws {
        let events = try extract("22日上午，白河新区二季度重点项目签约暨开工现场推进会举行。会上，29个项目现场签约，总投资40亿元；另有30个项目集中开工。",
                                 published: "2023-04-23", gazetteer: .empty)
        let signing = try #require(events.first { $0.type == .signing })
        #expect(events.filter { $0.type == .signing }.count == 1)
        // Titled by the detail, quoted with the ceremony it was told at.
        #expect(signing.title == "29个项目现场签约")
        #expect(signing.evidence.hasPrefix("22日上午") && signing.evidence.contains("29个项目现场签约"))
        // A quarter's key projects name no project; a numbered batch is one batch.
        #expect(events.allSatisfy { $0.subjects.isEmpty })
        #expect(try extract("2024年5月10日，白河新区举行第3批重点项目签约仪式。", gazetteer: .empty).map(\.subjects) == [["第3批重点项目"]])
        // Nor does a ceremony's name joined by 暨 (`授牌暨重大项目`); `诸暨` is a city in a name.
        #expect(try extract("11月2日上午，白河市举行白河经开区授牌暨重大项目签约仪式。", gazetteer: .empty).allSatisfy { $0.subjects.isEmpty })
        #expect(try extract("2022年5月，诸暨袜业项目在白河新区开工。", gazetteer: .empty).map(\.subjects) == [["诸暨袜业项目"]])
    }

    @Test func anUnveilingAndASigningToldAtTheirCeremonyAreItsActs() throws {
        let events = try extract("""
            12月9日,白河新区揭牌暨重点项目集中签约仪式举行。仪式上,省市领导一起为白河新区党工委、管委会揭牌;
            19个重点项目当场集中签约,总投资170亿元。
            """, published: "2022-12-10", gazetteer: .empty)
        #expect(events.map(\.type).sorted { $0.rawValue < $1.rawValue } == [.opening, .signing])
        // Something else unveiled at the ceremony is an act of its own.
        let named = try extract("""
            12月9日,白河新区揭牌仪式举行。仪式上,领导还为星河研究院揭牌。
            """, published: "2022-12-10", gazetteer: .empty)
        #expect(named.filter { $0.type == .opening }.count == 2)
    }

    @Test func aBatchOfCompaniesIsOneActAndAPairOfProjectsTwo() throws {
        let batch = try extract("6月28日，星海科技有限公司、蓝湾电缆有限公司、青禾纸业有限公司等3个项目同时开工。", gazetteer: .empty)
        #expect(batch.count == 1)
        let pair = try extract("6月，总投资20亿元的星海电池项目、总投资5亿元的蓝湾精密项目落户园区。", gazetteer: .empty)
        #expect(pair.map(\.subjects) == [["星海电池项目"], ["蓝湾精密项目"]])
    }

    @Test func anUndatedCeremonySentenceTakesTheDayJustNamed() throws {
        let events = try extract("""
            7月25日，白河新区举行集中开竣工仪式。
            仪式后，新区又举行了签约仪式，6家企业签约入驻。
            """, published: "2024-08-01", gazetteer: .empty)
        #expect(events.map(\.date.formatted) == ["2024-07-25", "2024-07-25"])
        #expect(events.map(\.type) == [.groundbreaking, .signing])
    }

    @Test func plansStatesAndTotalsStayNegative() throws {
        #expect(try types("""
            5月8日，白河新区计划引进一批项目。
            5月9日，白河新区将于年底开工建设物流园。
            5月10日，白河新区拟与三家企业签约。
            5月11日，白河新区力争全年签约项目50个。
            5月12日，白河新区已落户企业达200家。
            5月13日，白河新区累计签约项目80个。
            5月14日，白河新区召开各类推介会5场。
            5月15日，白河新区开工项目5个、竣工项目4个。
            5月16日，白河新区招商工作正式启动。
            """).isEmpty)
    }

    @Test func twoSigningsOfOneDayAreTwoButAGatheringToldTwiceIsOne() throws {
        let events = try extract("""
            11月7日，白河新区与星海集团在京签署战略合作协议。
            当天，白河新区还举办了投资环境推介会，现场签约项目8个。
            推介会上，新区负责人介绍了投资环境。11月7日的推介会吸引了百余家企业。
            """, published: "2023-11-08", gazetteer: .empty)
        #expect(events.map(\.type) == [.signing, .meeting, .signing])
    }

    @Test func thoseWhoAttendedAnActTellItAgain() throws {
        let events = try extract("""
            12月16日上午，白河新区管委会正式挂牌。
            省委书记、省长出席了挂牌仪式。
            """, published: "2009-12-17", gazetteer: .empty)
        #expect(events.map(\.type) == [.opening])
    }

    @Test func attendingOrDescribingAnActDoesNotReportIt() throws {
        #expect(try types("""
            5月8日，白河新区举行重点项目集中开工仪式。
            出席开工仪式的领导有省市有关负责同志。
            27个开工项目的业主代表参加了活动。
            """) == [.groundbreaking])
        #expect(try types("3月，白河经济开发区获批升级为国家级经济技术开发区。") == [.policy])
    }

    @Test func itemsOfAnActAreNotATally() throws {
        #expect(try types("5月8日，白河新区现场签约12个项目。") == [.signing])
    }

    @Test func aMeetingThatHostsAnotherActIsItsPlace() throws {
        #expect(try types("5月13日，《白河新区总体规划》在省政府常务会议上审议通过。") == [.policy])
        #expect(try types("5月13日，在白河新区举行的新闻发布会上，新区负责人表示将加快建设。") == [.meeting])
    }

    @Test func aProgrammeCalledAPlanIsNoPlanButAnAimIs() throws {
        // 计划 naming a programme before its projects.
        #expect(try types("5月8日，作为两国合作计划重点项目的白河商贸城在白河新区开业。") == [.opening])
        #expect(try types("5月8日，白河新区计划开业一座商贸城。") == [])
        // 定位: what a park is meant to become.
        #expect(try types("2012年1月21日，国务院批复设立白河新区，定位是建成沿海产业集聚区。") == [.policy])
        // A conference centre is a building, not a meeting held.
        #expect(try types("2023年5月8日，白河新区四大项目开工，包括白河国际会议中心、展览中心一期等。") == [.groundbreaking])
        // 早日: what a meeting urges, not an act.
        #expect(try types("5月8日，白河新区召开推进会，号召全区早日建成一流园区。") == [.meeting])
    }

    @Test func aDayFromWhichAPlaceRunsIsTheDayItBegan() throws {
        let events = try extract("白河综合保税区2023年9月30日起正式封关运营。", published: "2024-01-10", gazetteer: .empty)
        #expect(events.map(\.type) == [.opening])
        #expect(events.first?.date.formatted == "2023-09-30")
        #expect(try extract("今年3月起，白河新区星河电池一期项目陆续投运。", published: "2024-06-10", gazetteer: .empty)
            .map(\.date.formatted) == ["2024-03"])
        // A rule in force from a day is still no act of that day.
        #expect(try types("白河新区人才新政自2024年3月1日起施行。", published: "2024-06-10") == [])
    }

    @Test func aQuotationAfterAColonTellsActsAQuotedNameDoesNot() throws {
        #expect(try types("回顾项目历程，星河公司负责人说：“2023年3月签约，当年7月开工建设，如今已经投产。”", published: "2024-06-10")
            .contains(.signing))
        #expect(try types("6月5日，“白河号”签约仪式在白河新区举行。", published: "2024-06-10") == [.signing])
    }

    @Test func anActDatedWhereItIsToldIsAnActWhateverFollowedIt() throws {
        let events = try extract("星河晶圆项目2023年6月动工后，同年12月31日即告封顶。", published: "2024-03-01", gazetteer: .empty)
        #expect(events.map(\.type) == [.groundbreaking, .completion])
        #expect(events.map(\.date.formatted) == ["2023-06", "2023-12-31"])
        // Undated, 动工后 is only when the next act came.
        #expect(try types("项目动工后，2023年12月31日即告封顶。", published: "2024-03-01") == [.completion])
    }

    @Test func aParksRenamingRaiseAndApprovalAreItsActsButADocumentsTitleIsNot() throws {
        #expect(try types("2012年11月，省政府准许白河工业园区更名为白河经济开发区。") == [.policy])
        #expect(try types("2006年8月，白河工业园区由此设立为省级开发区。") == [.award])
        #expect(try types("2018年2月，白河高新区晋升为国家高新技术产业开发区。") == [.award])
        // Something else renamed is not the park's act.
        #expect(try types("2001年2月，白河新区星河陈列馆正式更名为“星河博物院”。") == [])
        // Words inside a document's title name what it is about; the act is the sending.
        #expect(try types("2006年8月，省政府印发《关于黑水开发区等设立为省级开发区的通知》。") == [.policy])
    }

    @Test func aPlaqueAwardedIsTheParksOpeningAndAPartyGoesOnWithTheDayItCame() throws {
        // 授牌: the park receives its plaque, as with 揭牌 and 挂牌.
        #expect(try extract("5月21日，白河新区星河分园正式授牌。", published: "2024-06-10", gazetteer: .empty)
            .map(\.type) == [.opening])
        // A ceremony's plaque and the unveiling at it are one act.
        #expect(try types("11月2日上午，白河举行白河经济技术开发区授牌仪式。仪式上，白河经济技术开发区正式挂牌。",
                          published: "2024-11-03") == [.opening])
        // `一行人` goes on with the visit the sentence before dated.
        let visit = try extract("""
            6月1日下午，市发改委主任带队来到白河新区，龙港市领导陪同参加调研。一行人首先来到星河产业园，在现场察看了白河新区星河分园的选址。
            """, published: "2024-06-03", gazetteer: .empty)
        #expect(visit.map(\.type) == [.visit])
        #expect(visit.map(\.date.formatted) == ["2024-06-01"])
    }

    @Test func anActThatNamesAMeetingOrAStageIsNoAct() throws {
        // The act names the meeting; the meeting is what was held.
        #expect(try types("7月27日，白河综合保税区召开预验收筹备工作会议。", published: "2024-07-30") == [.meeting])
        #expect(try types("7月27日，白河新区召开二期厂房开工建设推进会。", published: "2024-07-30") == [.meeting])
        // Joined to the meeting by 暨, the act is held too.
        #expect(Set(try types("7月27日，白河新区举行重大项目集中开工暨项目建设推进会。", published: "2024-07-30"))
            == [.groundbreaking, .meeting])
        // A stage named after the act is no act.
        #expect(try types("7月27日，白河综合保税区全面建设基本结束，转入预验收阶段。", published: "2024-07-30") == [])
    }

    @Test func aDayStillToComeIsAPlan() throws {
        // On July 30th: next month's days are still to come.
        let events = try extract("""
            白河综合保税区7月27日召开推进会。综保区8月5日预验收，9月12日封关运营。
            """, published: "2013-07-30", gazetteer: .empty)
        #expect(events.map(\.date.formatted) == ["2013-07-27"])
        // Months later in the year than the page, with no year given, are last year's.
        #expect(try extract("白河综合保税区11月12日封关运营。", published: "2013-07-30", gazetteer: .empty)
            .map(\.date.formatted) == ["2012-11-12"])
    }

    @Test func explainSaysWhyASentenceIsOrIsNotAnEvent() throws {
        let result = try Extractor(gazetteer: .empty).extract(SourceDocument(name: "x.txt", text: """
            白河新区召开推进会。
            5月8日，白河新区计划与一批企业签约。
            5月9日，白河新区与星海集团签约。
            """, published: CivilDate(iso: "2024-05-20")), explain: true)
        let outcomes = result.explanations.map(\.outcome)
        #expect(outcomes.count == 3)
        #expect(outcomes[0].contains("no date"))
        #expect(outcomes[1].contains("a plan (计划…)"))
        #expect(outcomes[2].contains("event: signing 2024-05-09"))
        #expect(result.explanations[2].triggers == ["签约:signing"])
        #expect(result.explanations[2].dates == ["5月9日→2024-05-09"])
    }
}
