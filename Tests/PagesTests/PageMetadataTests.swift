import Foundation
import Pages
import Testing

/// Headline and publication day, in each form a page may give them.
@Suite struct PageMetadataTests {
    static let url = URL(string: "https://kfq.example.gov.cn/xwdt/1.html")!
    static let body = "<p>开发区今年共完成固定资产投资八十亿元，同比增长百分之十二，新开工项目三十个。</p>"

    private func read(head: String = "", body: String) throws -> ReadPage {
        let html = "<html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
        return try PageReader.read(Array(html.utf8), url: Self.url)
    }

    @Test func cmsMetaTagsGiveTitleAndDay() throws {
        let page = try PageReader.read(Array(CMSPages.article.utf8), url: Self.url)
        #expect(page.title == "滨湖科创园新材料中试基地投入使用")
        #expect(page.published?.iso == "2024-05-10")
    }

    @Test(arguments: [
        ("<meta name=\"PubDate\" content=\"2024-05-10 09:30\">", ""),
        ("<meta property=\"article:published_time\" content=\"2024-05-10T09:30:00+08:00\">", ""),
        ("", "<time datetime=\"2024-05-10\">5月10日</time>"),
        ("<meta name=\"publishdate\" content=\"2024/05/10\">", ""),
        ("", "<h1>开发区投资数据发布</h1><div>发布时间：2024-05-10 09:30 来源：开发区经发局</div>"),
        ("", "<h1>开发区投资数据发布</h1><div>发布日期：2024年5月10日</div>"),
        ("", "<h1>开发区投资数据发布</h1><div>信息来源：经发局　发布日期: 2024/05/10</div>"),
    ])
    func thePublicationDayIsFoundInEachForm(head: String, lead: String) throws {
        let page = try read(head: head, body: lead + Self.body)
        #expect(page.published == PublishedDate(year: 2024, month: 5, day: 10))
    }

    @Test func aPublicationLineFarFromTheHeadlineIsNotTaken() throws {
        let filler = (1...12).map { "<p>第\($0)段：开发区加快推进项目建设，各项指标稳中有进。</p>" }.joined()
        let page = try read(body: "<h1>开发区投资数据发布</h1>" + filler + "<div>发布日期：2020-01-01</div>")
        #expect(page.published == nil)
    }

    @Test func theTitleComesFromOgTitle() throws {
        let page = try read(head: "<meta property=\"og:title\" content=\"开发区一季度投资数据\"><title>首页</title>", body: Self.body)
        #expect(page.title == "开发区一季度投资数据")
    }

    @Test func theTitleComesFromTheFirstHeading() throws {
        let page = try read(head: "<title>首页</title>", body: "<h1>开发区一季度投资数据</h1>" + Self.body)
        #expect(page.title == "开发区一季度投资数据")
    }

    @Test(arguments: [
        ("开发区一季度投资数据_新闻动态_某某市人民政府", "开发区一季度投资数据"),
        ("开发区一季度投资数据 - 某市政府", "开发区一季度投资数据"),
        ("某市政府 | 开发区一季度投资数据发布", "开发区一季度投资数据发布"),
        ("Kaifaqu News — Home", "Kaifaqu News"),
    ])
    func theTitleTagLosesItsSiteName(title: String, expected: String) throws {
        let page = try read(head: "<title>\(title)</title>", body: Self.body)
        #expect(page.title == expected)
    }

    @Test(arguments: [
        ("2024-05-10", "2024-05-10"), ("2024-5-9 08:00:00", "2024-05-09"), ("2024/05/10", "2024-05-10"),
        ("2024.5.10", "2024-05-10"), ("2024年5月10日", "2024-05-10"), ("２０２４年５月１０日", "2024-05-10"),
        ("20240510", "2024-05-10"), ("Fri, 10 May 2024 09:30:00 +0800", "2024-05-10"),
        ("2024-05-10T09:30:00Z", "2024-05-10"), ("发布时间：2024年 5月 10日", "2024-05-10"),
        ("Thu, 09 May 2024 20:00:00 GMT", "2024-05-10"), ("2024-05-09T17:30:00Z", "2024-05-10"),
        ("2024-05-10T01:00:00+09:00", "2024-05-10"), ("2024-05-31T23:00:00-02:00", "2024-06-01"),
        ("2024-12-31 20:00:00 UTC", "2025-01-01"), ("2024-03-01T02:00:00+12:00", "2024-02-29"),
        ("2024-05-10 23:30", "2024-05-10"),
    ])
    func publishedDatesParseInEveryWrittenForm(text: String, iso: String) {
        #expect(PublishedDate(parsing: text)?.iso == iso)
    }

    @Test(arguments: ["2023-02-30", "0510-12345678", "浏览次数：128", "2024-13-01"])
    func whatIsNotADayIsNotParsed(text: String) {
        #expect(PublishedDate(parsing: text) == nil)
    }
}

extension PageMetadataTests {
    @Test func anArticlesOwnHeaderGivesTitleAndDayWhileThePagesHeaderIsChrome() throws {
        let page = try read(body: """
            <header><h1>青山经济开发区</h1><p>今天是2024年6月1日 星期六</p></header>
            <article>
            <header><h1>开发区一季度投资数据发布</h1><p>发布日期：2024-05-10</p></header>
            <div class="content">\(Self.body)</div>
            </article>
            <footer><p>发布日期：2020-01-01</p></footer>
            """)
        #expect(page.title == "开发区一季度投资数据发布")
        #expect(page.published?.iso == "2024-05-10")
        #expect(page.text == "开发区今年共完成固定资产投资八十亿元，同比增长百分之十二，新开工项目三十个。")
    }
}
