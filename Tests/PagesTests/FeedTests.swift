import Foundation
import Pages
import Testing

/// RSS and Atom feeds: items' links, titles and days; no entity expansion.
@Suite struct FeedTests {
    static let url = URL(string: "https://www.gaoxin.example.gov.cn/rss/yqdt.xml")!

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>高新区园区动态</title>
          <link>https://www.gaoxin.example.gov.cn/yqdt/</link>
          <item>
            <title><![CDATA[高新区生物医药孵化器二期开园]]></title>
            <link>https://www.gaoxin.example.gov.cn/yqdt/202405/t20240510_5.html</link>
            <pubDate>Fri, 10 May 2024 09:30:00 +0800</pubDate>
            <description><![CDATA[<p>孵化器二期新增面积两万平方米。</p>]]></description>
          </item>
          <item>
            <title>高新区召开企业服务专员工作会</title>
            <link>/yqdt/202405/t20240502_4.html</link>
            <dc:date>2024-05-02T16:00:00+08:00</dc:date>
          </item>
          <item>
            <title>高新区公布首批专精特新企业名单</title>
            <guid isPermaLink="true">https://www.gaoxin.example.gov.cn/yqdt/202404/t20240426_3.html</guid>
            <pubDate>2024-04-26 10:00:00</pubDate>
          </item>
        </channel>
        </rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>新区通知公告</title>
          <entry>
            <title>关于新区标准厂房租赁补贴申报的通知</title>
            <link rel="alternate" type="text/html" href="https://www.gaoxin.example.gov.cn/tzgg/2024/0508.html"/>
            <link rel="enclosure" href="https://www.gaoxin.example.gov.cn/tzgg/2024/0508.pdf"/>
            <published>2024-05-08T08:00:00+08:00</published>
            <updated>2024-05-09T10:00:00+08:00</updated>
          </entry>
          <entry>
            <title>新区二〇二四年第一批科技项目立项公示</title>
            <link href="2024/0421.html"/>
            <updated>2024-04-21T12:00:00Z</updated>
          </entry>
        </feed>
        """

    @Test func rssItemsGiveTitleLinkAndDay() throws {
        let feed = try Feed(bytes: Array(Self.rss.utf8), url: Self.url, contentType: "application/rss+xml")
        #expect(feed.format == .rss)
        #expect(feed.title == "高新区园区动态")
        #expect(feed.items.map(\.title) == ["高新区生物医药孵化器二期开园", "高新区召开企业服务专员工作会", "高新区公布首批专精特新企业名单"])
        #expect(feed.items.map { $0.link?.absoluteString ?? "" } == [
            "https://www.gaoxin.example.gov.cn/yqdt/202405/t20240510_5.html",
            "https://www.gaoxin.example.gov.cn/yqdt/202405/t20240502_4.html",
            "https://www.gaoxin.example.gov.cn/yqdt/202404/t20240426_3.html",
        ])
        #expect(feed.items.map { $0.published?.iso ?? "" } == ["2024-05-10", "2024-05-02", "2024-04-26"])
    }

    @Test func atomEntriesGiveTheirAlternateLinkAndPublishedDay() throws {
        let feed = try Feed(bytes: Array(Self.atom.utf8), url: Self.url, contentType: "application/atom+xml")
        #expect(feed.format == .atom)
        #expect(feed.title == "新区通知公告")
        #expect(feed.items.map { $0.link?.absoluteString ?? "" } == [
            "https://www.gaoxin.example.gov.cn/tzgg/2024/0508.html",
            "https://www.gaoxin.example.gov.cn/rss/2024/0421.html",
        ])
        #expect(feed.items.map { $0.published?.iso ?? "" } == ["2024-05-08", "2024-04-21"])
    }

    @Test func aFeedServedAsHTMLIsStillAFeed() throws {
        let feed = try Feed(bytes: Array(Self.rss.utf8), url: Self.url, contentType: "text/html; charset=utf-8")
        #expect(feed.items.count == 3)
    }

    @Test func externalEntitiesAreNeitherLoadedNorExpanded() throws {
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
            <rss version="2.0"><channel><title>园区&secret;动态&remote;</title>
            <item><title>园区新闻&secret;</title><link>https://www.gaoxin.example.gov.cn/a.html</link></item>
            </channel></rss>
            """
        let feed = try Feed(bytes: Array(hostile.utf8), url: Self.url)
        #expect(feed.title == "园区动态")
        #expect(feed.items.map(\.title) == ["园区新闻"])
        #expect(!(feed.title ?? "").contains("root:"))
    }
}

extension FeedTests {
    @Test func nestedInternalEntitiesAreNotExpanded() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            <!ENTITY a "园区园区园区园区园区园区园区园区园区园区">
            <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
            <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
            ]>
            <rss version="2.0"><channel><title>园区&g;</title>
            <item><title>园区新闻</title><link>https://www.gaoxin.example.gov.cn/a.html</link></item></channel></rss>
            """
        // libxml2 stops at the amplification, so what follows may be lost: the point is it returns, small.
        let feed = try Feed(bytes: Array(laughs.utf8), url: Self.url)
        #expect((feed.title ?? "").count < 100)
        #expect(feed.items.allSatisfy { $0.title.count < 100 })
    }
}
