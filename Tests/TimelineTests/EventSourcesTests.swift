import Testing
import Timeline

/// The pure parts of checking an event: its evidence's paragraph, whether a
/// document name is a web address, and activity periods.
struct EventSourcesTests {
    @Test func theParagraphRunsFromLineBreakToLineBreakAroundTheEvidence() throws {
        let text = "标题\n\n◆2022年6月24日,项目签约。项目总投资5亿元。\n第二段。"
        let start = Array(text.unicodeScalars).firstIndex(of: "2")!
        let evidence = "2022年6月24日,项目签约。"
        let paragraph = try #require(EventSources.paragraph(in: text, offset: [start, start + evidence.unicodeScalars.count]))
        #expect(paragraph == EventSources.Paragraph(before: "◆", evidence: evidence, after: "项目总投资5亿元。"))
    }

    @Test func aLongParagraphIsCutAndMarked() throws {
        let text = String(repeating: "甲", count: 50) + "证据句。" + String(repeating: "乙", count: 50)
        let paragraph = try #require(EventSources.paragraph(in: text, offset: [50, 54], context: 10))
        #expect(paragraph.before == "…" + String(repeating: "甲", count: 10))
        #expect(paragraph.evidence == "证据句。")
        #expect(paragraph.after == String(repeating: "乙", count: 10) + "…")
    }

    @Test func offsetsOutsideTheTextGiveNoParagraph() {
        #expect(EventSources.paragraph(in: "短", offset: [0, 5]) == nil)
        #expect(EventSources.paragraph(in: "短文本", offset: [2, 1]) == nil)
        #expect(EventSources.paragraph(in: "短文本", offset: [1]) == nil)
    }

    @Test func onlyHTTPAddressesAreLinks() {
        #expect(EventSources.webAddress("https://www.sxt.gov.cn/news/1.html") == "https://www.sxt.gov.cn/news/1.html")
        #expect(EventSources.webAddress("HTTP://example.com/a") != nil)
        for name in ["000_b6a704a289e67a8d.txt", "javascript:alert(1)", "file:///etc/passwd", "https://", "南通日报", ""] {
            #expect(EventSources.webAddress(name) == nil, "\(name)")
        }
    }

    @Test func periodsHaveTheirLabelAndLastDay() {
        #expect(TimelineQueries.Bucket.month.period(startingOn: "2024-02-01")! == ("2024-02", "2024-02-29"))
        #expect(TimelineQueries.Bucket.quarter.period(startingOn: "2022-07-01")! == ("2022-Q3", "2022-09-30"))
        #expect(TimelineQueries.Bucket.year.period(startingOn: "2023-01-01")! == ("2023", "2023-12-31"))
        #expect(TimelineQueries.Bucket.month.period(startingOn: "not a day") == nil)
    }

    @Test func searchTextIsTrimmedAndEmptyMeansNone() {
        #expect(TextSearch.needle("  懋略 \n") == "懋略")
        #expect(TextSearch.needle("   ") == nil)
        #expect(TextSearch.needle(nil) == nil)
        #expect(TextSearch.needle("%_") == "%_")
    }
}
