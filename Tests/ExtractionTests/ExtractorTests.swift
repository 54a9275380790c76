import Extraction
import Foundation
import Testing

let testGazetteer = ParkGazetteer(parks: [
    Park(id: "alpha", name: "甲乙高新技术产业开发区", aliases: ["甲乙高新区"], city: "甲市"),
    Park(id: "beta", name: "丙丁经济技术开发区", aliases: ["丙丁开发区"], city: "丙市"),
])

func extract(_ text: String, published: String = "2023-06-15", gazetteer: ParkGazetteer = testGazetteer) throws -> [ExtractedEvent] {
    try Extractor(gazetteer: gazetteer).extract(SourceDocument(name: "test.txt", text: text, published: CivilDate(iso: published))).events
}

@Suite struct ExtractorTests {
    @Test func typedEventsWithDatesSubjectsAndAmounts() throws {
        let events = try extract("""
            甲乙高新区2023年工作回顾
            3月8日，总投资12亿元的星河新能源电池项目在甲乙高新区签约。
            4月2日，园区召开营商环境推进会。
            5月20日，市长带队到甲乙高新区调研。
            """)
        #expect(events.map(\.type) == [.signing, .meeting, .visit])
        #expect(events.map(\.date.formatted) == ["2023-03-08", "2023-04-02", "2023-05-20"])
        #expect(events.allSatisfy { $0.park.id == "alpha" })
        #expect(events[0].subjects == ["星河新能源电池项目"])
        #expect(events[0].amounts.first?.value == 1_200_000_000)
        #expect(events[0].evidence.contains("星河新能源"))
    }

    @Test func listedDatesAndSubjectsPairUp() throws {
        let events = try extract("2023年1月5日、9日，海蓝科技有限公司、山川精密项目与园区签署投资协议。")
        #expect(events.count == 2)
        #expect(events.map(\.date.formatted) == ["2023-01-05", "2023-01-09"])
        #expect(events.map(\.subjects) == [["海蓝科技有限公司"], ["山川精密项目"]])
        #expect(events[0].identity != events[1].identity)
    }

    @Test func plansStatesAndCircumstancesAreNotEvents() throws {
        let events = try extract("""
            3月，园区计划引进一批项目。
            4月，已落户企业增至20家。
            5月，在商会成立之际，园区与商会签订合作协议。
            6月，项目建成后将年产10万吨。
            """)
        #expect(events.map(\.type) == [.signing])
        #expect(events.first?.date.formatted == "2023-05")
    }

    @Test func sentencesWithoutDatesPeriodsAndYearReviewsGiveNoEvents() throws {
        let events = try extract("""
            园区召开多次座谈会。
            今年以来，园区构建红色联盟，启动人才项目。
            2022年，园区围绕营商环境总目标，持续推进各项改革，创新设立服务日，开通政企通专线。
            2021年，园区召开推进会5场。
            """)
        #expect(events.isEmpty)
    }

    @Test func aYearAloneDatesAnActInItsOwnClause() throws {
        let events = try extract("""
            2016年，甲乙高新区党工委决定建设科创走廊。
            2019年甲乙高新区一期河道全部建成。
            """)
        #expect(events.map(\.type) == [.policy, .completion])
        #expect(events.map(\.date.formatted) == ["2016", "2019"])
        #expect(events.allSatisfy { $0.date.precision == .year })
    }

    @Test func detailsAfterASummaryInheritItsDate() throws {
        let events = try extract("""
            6月10日，年度科技奖揭晓，本区企业获得一等奖2个。
            其中，海蓝科技有限公司获得科技进步奖一等奖。同样，山川精密有限公司获得科技进步奖一等奖。
            """)
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.type == .award && $0.date.formatted == "2023-06-10" })
    }

    @Test func theSameEventReportedTwiceIsOne() throws {
        let events = try extract("""
            首届人才大会今日召开
            本报讯 今日，甲乙高新区首届人才大会召开。
            """, published: "2023-06-15")
        #expect(events.count == 1)
        #expect(events.first?.date.formatted == "2023-06-15")
    }

    @Test func transcriptHeaderDatesItsTopicAndItsToday() throws {
        let events = try extract("""
            发布时间：2023-03-30
            时间：2023年3月29日下午16:00
            主题：甲乙高新区营商环境新闻发布会
            主持人：张三：今天的发布会就到这里。
            """, published: "2023-04-01")
        #expect(events.count == 1)
        #expect(events.first?.type == .meeting)
        #expect(events.first?.date.formatted == "2023-03-29")
        #expect(events.first?.provenance.published.description == "2023-03-30")
    }

    @Test func parksAreAttributedByMentionOrDefaultToTheMainPark() throws {
        let events = try extract("""
            甲乙高新区发展纪实
            甲乙高新区坚持项目为王。
            3月1日，丙丁开发区举行招商推介会。
            3月2日，园区举行人才座谈会。
            3月3日，绿洲生态工业园揭牌。
            """)
        // A park the clause names as its subject owns the act, even one the gazetteer lacks.
        #expect(events.map(\.park.id) == ["beta", "alpha", events.last?.park.id])
        #expect(events.last?.park.name == "绿洲生态工业园")
        #expect(events.last?.park.id.hasPrefix("discovered-") == true)
        let discovered = try extract("""
            白云新区纪实
            白云新区发展迅速。3月1日，白云新区举行人才座谈会。
            """, gazetteer: .empty)
        #expect(discovered.first?.park.name == "白云新区")
    }

    @Test func traditionalChineseIsReadAndQuotedAsWritten() throws {
        let events = try extract("甲乙高新區(qū)發(fā)展報(bào)道\n5月25日，全國首個電子印章業(yè)務在甲乙高新區受理，這項業務很重要。", published: "2023-08-09")
        #expect(events.count == 1)
        #expect(events.first?.evidence.contains("電子印章") == true)
        #expect(events.first?.park.id == "alpha")
    }

    @Test func publicationDateFromThePageWinsAndItsAbsenceIsAnError() throws {
        let text = "發布日期: 2023-08-09 10:47:17 來源: 某網\n今日，園區舉行座談會。"
        let result = try Extractor(gazetteer: testGazetteer).extract(SourceDocument(name: "x.txt", text: text))
        #expect(result.published.description == "2023-08-09")
        #expect(result.events.first?.date.formatted == "2023-08-09")
        #expect(throws: ExtractionError.noPublicationDate(document: "y.txt")) {
            try Extractor(gazetteer: testGazetteer).extract(SourceDocument(name: "y.txt", text: "3月1日，园区举行座谈会。"))
        }
        #expect(ExtractionError.noPublicationDate(document: "y.txt").description.contains("--published"))
        #expect(throws: ExtractionError.emptyText(document: "z.txt")) {
            try Extractor(gazetteer: testGazetteer).extract(SourceDocument(name: "z.txt", text: " \n ", published: CivilDate(iso: "2023-01-01")))
        }
    }

    @Test func extractionIsDeterministic() throws {
        let text = "3月8日，星河项目签约。4月2日，园区召开推进会。"
        #expect(try extract(text) == extract(text))
    }

    @Test func hostileInputNeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["年", "月", "日", "号", "2022", "二〇", "十", "、", "至", "《", "》", "签约", "(", "ǎ", ")", "\n", "。", "近日", "去年", "第", "季度", "9999", "0", "-", ".", "😀", "\u{0}", "園區"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...200, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            _ = try? extract(text)
        }
        _ = try? extract(String(repeating: "9", count: 100_000) + "年")
        _ = try? extract(String(repeating: "2022年6月1日、", count: 2_000) + "签约。")
    }
}
