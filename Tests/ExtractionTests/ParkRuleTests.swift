import Extraction
import Testing

/// Park attribution: names of every kind, short forms, the page's own park
/// winning over one met in passing, the bundled catalogue.
@Suite struct ParkRuleTests {
    private func parks(_ text: String, published: String = "2024-05-20", gazetteer: ParkGazetteer = .bundled) throws -> [String] {
        try extract(text, published: published, gazetteer: gazetteer).map(\.park.name)
    }

    @Test(arguments: [
        ("5月8日，青川经开区与两家企业签约。", "青川经开区"),
        ("5月8日，白河新区举行项目推介会。", "白河新区"),
        ("5月8日，临江综合保税区正式封关运行。", "临江综合保税区"),
        ("5月8日，临江综保区召开招商推介会。", "临江综保区"),
        ("5月8日，东港保税港区与物流企业签约。", "东港保税港区"),
        ("5月8日，云岭数字产业园举行开园仪式。", "云岭数字产业园"),
        ("5月8日，湖西科技城举行重点项目集中开工仪式。", "湖西科技城"),
        ("5月8日，川渝合作示范区举行揭牌仪式。", "川渝合作示范区"),
        ("5月8日，粤桂合作特别试验区与港企签约。", "粤桂合作特别试验区"),
        ("5月8日，北岸航空自由贸易港区开幕营运。", "北岸航空自由贸易港区"),
    ])
    func namesOfEveryKindAreParks(text: String, name: String) throws {
        #expect(try parks(text, gazetteer: .empty).first == name)
    }

    @Test func anAimIsNoParkName() throws {
        let events = try extract("白河经济开发区于2月12日召开推进会，动员全区早日建成现代产业园区的标杆。", published: "2024-02-14", gazetteer: .empty)
        #expect(events.map(\.park.name) == ["白河经济开发区"])
    }

    @Test func aNameThatEndsAKnownOneIsThatPark() throws {
        // `西岭园区` ends `东山科学园区西岭园区` only; the key `西岭|园区` would also fit `西岭科技园区`.
        let gazetteer = ParkGazetteer(parks: [
            Park(id: "science-west", name: "东山科学园区西岭园区", aliases: ["东科西岭园区"], city: "西岭"),
            Park(id: "export", name: "西岭科技产业园区", aliases: ["西岭科技园区"], city: "西岭"),
        ])
        let events = try extract("2021年1月12日，某公司一行到西岭园区参访。", gazetteer: gazetteer)
        #expect(events.map(\.park.id) == ["science-west"])
    }

    @Test func ofTwoLongerSpellingsThePlacesOneHoldsTheShortName() throws {
        let names = try parks("""
            沈北浑南科技城重大项目集中开工
            9月12日，沈北浑南科技城秋季重大项目集中开工。
            按计划，年底前浑南科技城将有10个项目建成。
            4月，浑南科技城核心区建设全面启动。
            """, gazetteer: ParkGazetteer(parks: [Park(id: "place", name: "沈北开发区", city: "沈北")]))
        #expect(Set(names) == ["沈北浑南科技城"])
    }

    @Test func aShortFormAfterOneFullMentionIsThatPark() throws {
        let names = try parks("""
            青川经济技术开发区简讯
            5月8日，经开区举行一季度重大项目集中开工仪式。
            5月9日，该区召开营商环境推进会。
            """, gazetteer: .empty)
        #expect(names == ["青川经济技术开发区", "青川经济技术开发区"])
    }

    @Test func aShortFormAloneIsTheKnownParkOfItsKindInTheCityThePageNames() throws {
        let gazetteer = ParkGazetteer(parks: [
            Park(id: "qinghe-hitech", name: "青禾高新技术产业开发区", aliases: ["青禾高新区"], city: "青禾"),
            Park(id: "qinghe-etdz", name: "青禾经济技术开发区", aliases: ["青禾经开区"], city: "青禾"),
            Park(id: "baisha-hitech", name: "白沙高新技术产业开发区", aliases: ["白沙高新区"], city: "白沙"),
        ])
        // The page never names the park: a project park named in passing does not take it.
        let text = """
            重点项目巡礼
            青禾智造港建设项目位于高新区东部。2023年9月，一期工程在高新区开工建设，投资12亿元。
            """
        #expect(try extract(text, published: "2023-12-30", gazetteer: gazetteer).map(\.park.id) == ["qinghe-hitech"])
        // Two named cities with such a park: no guess.
        let both = "2023年9月，高新区一期工程开工建设，青禾与白沙两地企业参与。"
        #expect(try extract(both, published: "2023-12-30", gazetteer: gazetteer).map(\.park.id) != ["qinghe-hitech"])
    }

    @Test func spellingsOfOneParkCountTogether() throws {
        let events = try extract("""
            5月8日，青川经开区举行开工仪式。
            5月9日，青川经济技术开发区召开推进会。
            """, published: "2024-05-20", gazetteer: .empty)
        #expect(Set(events.map(\.park.id)).count == 1)
        #expect(events.first?.park.names.contains("青川经开区") == true)
        #expect(events.first?.park.names.contains("青川经济技术开发区") == true)
    }

    @Test func aFormerNameInBracketsIsAnAlias() throws {
        let events = try extract("5月8日，青川经开区（原青川工业开发区）与三家企业签约。", gazetteer: .empty)
        #expect(events.first?.park.aliases.contains("青川工业开发区") == true)
    }

    @Test func aParkNamedOnlyInTheTitleOwnsTheBody() throws {
        let names = try parks("""
            白河新区：重点项目建设提速
            5月8日，园区举行二季度项目集中开工仪式。
            5月12日，区内首家研发中心揭牌。
            """, gazetteer: .empty)
        #expect(names == ["白河新区", "白河新区"])
    }

    @Test func aParkMetInPassingDoesNotCaptureThePage() throws {
        // 苏州工业园区 is in the catalogue; the page is about 青川经开区, which is not.
        let names = try parks("""
            青川经开区考察团赴苏州学习
            5月8日，青川经开区考察团赴苏州工业园区考察。
            5月10日，青川经开区召开学习交流会。
            5月11日，青川经开区与两家企业签约。
            """)
        #expect(names.allSatisfy { $0 == "青川经开区" })
        #expect(names.count == 3)
    }

    @Test func noEventOfAPageThatNamesAParkIsUnknown() throws {
        let events = try extract("""
            白河新区重点项目巡礼
            5月8日，三个项目签约。6月1日，两家企业投产。
            """, gazetteer: .empty)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.park.id != "unknown" })
    }

    @Test func aCountyActingIsNotThePark() throws {
        let events = try extract("""
            5月8日，青川经开区举办集中签约活动。
            其中：青川经开区签约6个项目；
            河口县签约2个项目；
            兴庆区签约7个项目；
            临江综保区签约3个项目。
            """, gazetteer: .empty)
        #expect(Set(events.map(\.park.name)) == ["青川经开区", "临江综保区"])
    }

    @Test func aDetailOfACitysActIsTheCitys() throws {
        let events = try extract("""
            白河高新区3个项目亮相全市集中签约
            4月29日，河口市组织一季度招商引资项目集中签约活动。
            此次活动共有29个项目签约，总投资约234亿元。
            其中，白河高新区共有3个项目在活动中签约。
            """, published: "2024-04-30", gazetteer: .empty)
        #expect(events.map(\.evidence) == ["其中，白河高新区共有3个项目在活动中签约。"])
    }

    @Test func theBundledCatalogueKnowsNationalZonesAndTheirShortForms() throws {
        let gazetteer = ParkGazetteer.bundled
        #expect(gazetteer.parks.count > 900)
        #expect(Set(gazetteer.parks.map(\.id)).count == gazetteer.parks.count)
        #expect(gazetteer.park(named: "天津经济技术开发区")?.id == "tianjin-teda")
        #expect(gazetteer.park(named: "苏锡通科技产业园区")?.id == "suxitong")
        let events = try extract("5月8日，泰达举行集中签约仪式。", gazetteer: .bundled)
        #expect(events.first?.park.id == "tianjin-teda")
        let shortForm = try extract("5月8日，郑州高新区举行集中签约仪式。", gazetteer: .bundled)
        #expect(shortForm.first?.park.name == "郑州高新技术产业开发区")
    }

    @Test func aUsersParksAddToTheCatalogue() throws {
        let gazetteer = ParkGazetteer.bundled.adding([Park(id: "qingchuan", name: "青川经济技术开发区", aliases: ["青川经开区"])])
        #expect(gazetteer.park(named: "青川经开区")?.id == "qingchuan")
        #expect(gazetteer.park(named: "天津经济技术开发区") != nil)
    }
}
