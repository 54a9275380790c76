import Foundation
import Pages
import Testing

/// Each way a page's charset is found: header, document, bytes.
@Suite struct CharsetTests {
    static let url = URL(string: "https://www.donghu.example.gov.cn/yqdt/2.html")!
    static let gbkParagraph = "记者从东湖高新区获悉，光电子产业园本月新增两条芯片封装生产线，全部投产后年产值预计超过十亿元。"

    @Test func aGBKPageDeclaringGB2312InItsMetaIsDecoded() throws {
        let page = try PageReader.read(EncodedPages.gbkDeclared, url: Self.url, contentType: "text/html")
        #expect(page.charset == .gb18030)
        #expect(page.charsetSource == .document)
        #expect(page.title == "东湖高新区光电子产业园新增两条生产线")
        #expect(page.text.split(separator: "\n").first.map(String.init) == Self.gbkParagraph)
        #expect(!page.text.contains("2022-06-06"))
    }

    @Test func theHeadersCharsetWins() throws {
        let page = try PageReader.read(EncodedPages.gbkUndeclared, url: Self.url, contentType: "text/html; charset=GBK")
        #expect(page.charset == .gb18030)
        #expect(page.charsetSource == .header)
        #expect(page.text.hasPrefix(Self.gbkParagraph))
    }

    @Test func aDefaultLatinHeaderGivesWayToTheMetaDeclaration() throws {
        let page = try PageReader.read(EncodedPages.gbkDeclared, url: Self.url, contentType: "text/html; charset=ISO-8859-1")
        #expect(page.charset == .gb18030)
        #expect(page.charsetSource == .document)
    }

    @Test func undeclaredGBKIsDetected() throws {
        let page = try PageReader.read(EncodedPages.gbkUndeclared, url: Self.url)
        #expect(page.charset == .gb18030)
        #expect(page.charsetSource == .detected)
        #expect(page.text.hasPrefix(Self.gbkParagraph))
    }

    @Test func undeclaredBig5IsDetected() throws {
        let page = try PageReader.read(EncodedPages.big5Undeclared, url: Self.url)
        #expect(page.charset == .big5)
        #expect(page.title == "科學園區新建研發大樓落成啟用")
        #expect(page.text.hasPrefix("科學園區新建的研發大樓於本週正式落成啟用，"))
    }

    @Test func undeclaredUTF8IsDetected() throws {
        let html = "<html><head><title>园区新闻</title></head><body><p>园区新建的污水处理厂本周通水试运行，日处理能力两万吨。</p></body></html>"
        let page = try PageReader.read(Array(html.utf8), url: Self.url)
        #expect(page.charset == .utf8)
        #expect(page.charsetSource == .detected)
        #expect(page.text == "园区新建的污水处理厂本周通水试运行，日处理能力两万吨。")
    }

    @Test func aUTF8PageStillLabelledGB2312IsReadAsUTF8() throws {
        let html = "<html><head><meta charset=\"gb2312\"></head><body><p>园区新建的污水处理厂本周通水试运行，日处理能力两万吨。</p></body></html>"
        let page = try PageReader.read(Array(html.utf8), url: Self.url)
        #expect(page.charset == .utf8)
        #expect(page.text == "园区新建的污水处理厂本周通水试运行，日处理能力两万吨。")
    }

    @Test(arguments: [("gb2312", PageCharset.gb18030), ("GBK", .gb18030), ("x-gbk", .gb18030), ("UTF8", .utf8), ("big5-hkscs", .big5)])
    func encodingLabelsMapToCharsets(label: String, charset: PageCharset) {
        #expect(PageCharset(label: label) == charset)
    }

    @Test func aStrayInvalidByteInADeclaredGBKPageCostsOnlyThatCharacter() {
        var bytes = EncodedPages.gbkUndeclared
        let paragraph = bytes.firstRange(of: Array("<p>".utf8))!.upperBound
        bytes.insert(0xFF, at: paragraph)
        let decoded = PageCharset.decode(bytes, contentType: "text/html; charset=gbk")
        #expect(decoded.charset == .gb18030)
        #expect(decoded.text.contains("<p>\u{FFFD}" + Self.gbkParagraph))
    }

    @Test func aByteOrderMarkMeansUTF8() {
        let decoded = PageCharset.decode([0xEF, 0xBB, 0xBF] + Array("<p>园区</p>".utf8), contentType: "text/html; charset=gbk")
        #expect(decoded == PageCharset.Decoded(text: "<p>园区</p>", charset: .utf8, source: .byteOrderMark))
    }

    @Test func aDefaultUTF8HeaderGivesWayToTheMetaOfAGBKPage() throws {
        let page = try PageReader.read(EncodedPages.gbkDeclared, url: Self.url, contentType: "text/html; charset=utf-8")
        #expect(page.charset == .gb18030)
        #expect(page.charsetSource == .document)
        #expect(page.text.hasPrefix(Self.gbkParagraph))
    }

    @Test func aLatinHeaderOnUndeclaredGBKGivesWayToDetection() throws {
        let page = try PageReader.read(EncodedPages.gbkUndeclared, url: Self.url, contentType: "text/html; charset=ISO-8859-1")
        #expect(page.charset == .gb18030)
        #expect(page.charsetSource == .detected)
    }

    @Test func aLatinHeaderOnLatinBytesIsBelieved() {
        let decoded = PageCharset.decode(Array("<p>Caf".utf8) + [0xE9] + Array("</p>".utf8), contentType: "text/html; charset=ISO-8859-1")
        #expect(decoded == PageCharset.Decoded(text: "<p>Café</p>", charset: .windows1252, source: .header))
    }

    @Test func utf8BytesThatAreAlsoValidGB18030AreReadAsUTF8() {
        // 园区 in UTF-8 (E5 9B AD E5 8C BA) is three valid GBK pairs as well.
        let decoded = PageCharset.decode(Array("<p>园区</p>".utf8), contentType: "text/html; charset=gbk")
        #expect(decoded.text == "<p>园区</p>")
        #expect(decoded.charset == .utf8)
    }
}
