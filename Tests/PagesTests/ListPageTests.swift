import Foundation
import Pages
import Testing

/// A news list page: its articles' URLs, absolute, on its own host.
@Suite struct ListPageTests {
    static let url = URL(string: "https://www.qingshan.example.gov.cn/yqdt/index.html")!

    @Test func aListPageGivesItsHeadlinesAsAbsoluteURLsOnItsHost() throws {
        let page = try PageReader.read(Array(CMSPages.list.utf8), url: Self.url)
        #expect(page.kind == .list)
        #expect(page.links.map(\.absoluteString) == [
            "https://www.qingshan.example.gov.cn/yqdt/202405/t20240510_301.html",
            "https://www.qingshan.example.gov.cn/yqdt/202405/t20240506_298.html",
            "https://qingshan.example.gov.cn/yqdt/202404/t20240428_290.html",
            "https://www.qingshan.example.gov.cn/tzgg/202404/t20240420_288.html",
        ])
        #expect(page.title == "园区动态")
    }

    @Test func relativeLinksResolveAgainstThePageWithoutABase() throws {
        let html = CMSPages.list.replacingOccurrences(of: "<base href=\"https://www.qingshan.example.gov.cn/yqdt/\">", with: "")
        let page = try PageReader.read(Array(html.utf8), url: URL(string: "https://www.qingshan.example.gov.cn/yqdt/list/index.html")!)
        #expect(page.links.first?.absoluteString == "https://www.qingshan.example.gov.cn/yqdt/list/202405/t20240510_301.html")
    }
}

extension ListPageTests {
    @Test func hrefsWithChineseOrSpacesArePercentEncoded() throws {
        let html = """
            <html><body><ul>
            <li><a href="/yqdt/园区新闻 一.html">开发区召开项目推进会议</a></li>
            <li><a href="/yqdt/a%20b.html">开发区发布招商引资政策</a></li>
            <li><a href="/yqdt/c.html?id=3&amp;page=1">开发区举办企业培训活动</a></li>
            </ul></body></html>
            """
        let page = try PageReader.read(Array(html.utf8), url: Self.url)
        #expect(page.links.map(\.absoluteString) == [
            "https://www.qingshan.example.gov.cn/yqdt/%E5%9B%AD%E5%8C%BA%E6%96%B0%E9%97%BB%20%E4%B8%80.html",
            "https://www.qingshan.example.gov.cn/yqdt/a%20b.html",
            "https://www.qingshan.example.gov.cn/yqdt/c.html?id=3&page=1",
        ])
    }
}

extension ListPageTests {
    @Test func headlinesEachInTheirOwnBoxMakeOneList() throws {
        let items = (1...4).map { index in
            "<div class=\"item\"><a href=\"/yqdt/2024/\(index).html\">开发区第\(index)批重点项目集中开工</a><span>2024-0\(index)-1\(index)</span></div>"
        }
        let html = """
            <html><body><div class="menu-box"><a href="/zwgk/">开发区政务公开专栏</a><a href="/tzgg/">开发区通知公告专栏</a></div>
            <div class="news">\(items.joined())</div>
            <div class="page">共4条 <a href="index_1.html">下一页</a></div></body></html>
            """
        let page = try PageReader.read(Array(html.utf8), url: Self.url)
        #expect(page.kind == .list)
        #expect(page.links.map(\.path) == ["/yqdt/2024/1.html", "/yqdt/2024/2.html", "/yqdt/2024/3.html", "/yqdt/2024/4.html"])
    }
}
