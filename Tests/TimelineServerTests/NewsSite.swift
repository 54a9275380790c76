import Foundation
import Hummingbird
import NIOCore
import ParklineTestSupport
import Synchronization

/// A park's news site on 127.0.0.1, shaped like a government CMS: pages
/// with meta tags, breadcrumbs, a sidebar of dated headlines, a script and
/// a footer full of dates; a GBK page; an RSS feed the test can extend; a
/// news list; a 404, an oversized page, a redirect loop, a PDF and a
/// robots.txt that forbids a path. The wording is ours.
final class NewsSite: Sendable {
    /// Article paths the feed lists, newest first.
    let feedItems = Mutex(["/xwzx/2024/0510a.html", "/xwzx/2024/0512b.html"])

    static let articles: [String: (title: String, date: String, body: [String])] = [
        "/xwzx/2024/0510a.html": ("苏锡通园区与星河新材料签署投资协议", "2024-05-10", [
            "5月10日，苏锡通科技产业园区与星河新材料有限公司签署投资协议，总投资20亿元。",
            "项目主要建设新能源材料生产线，预计2025年6月建成投产。",
        ]),
        "/xwzx/2024/0512b.html": ("苏锡通园区召开重点项目推进会", "2024-05-12", [
            "5月11日上午，苏锡通科技产业园区召开重点项目建设推进会，通报一季度项目进展。",
            "会议要求各部门加快手续办理，确保项目早日开工。",
        ]),
        "/xwzx/2024/0520c.html": ("苏锡通园区新能源产业园开工", "2024-05-20", [
            "5月18日，苏锡通科技产业园区新能源产业园项目举行开工仪式。",
            "该项目占地300亩，计划2026年竣工。",
        ]),
    ]

    /// The article's text as a clean text file would hold it.
    static func cleanText(_ path: String) -> String {
        let article = articles[path]!
        return ([article.title] + article.body).joined(separator: "\n")
    }

    /// The page as the CMS renders it: the article amid dated chrome.
    static func page(_ path: String, charset: String = "utf-8") -> String {
        let article = articles[path]!
        return """
            <!DOCTYPE html>
            <html><head>
            <meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
            <meta name="ArticleTitle" content="\(article.title)">
            <meta name="PubDate" content="\(article.date) 09:30">
            <title>\(article.title)_苏锡通科技产业园区管理委员会</title>
            <script>var updated = "2023年3月1日签约"; window.onload = function () {};</script>
            <style>.nav { color: red; }</style>
            </head><body>
            <div class="header"><a href="/">首页</a> | <a href="/xwzx/">新闻中心</a> | 今天是2024年5月20日</div>
            <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">园区动态</a></div>
            <div class="main">
              <div class="article">
                <h1>\(article.title)</h1>
                <div class="info">发布日期：\(article.date)　来源：园区管委会</div>
                <div class="content">
                  \(article.body.map { "<p>\($0)</p>" }.joined(separator: "\n      "))
                </div>
              </div>
              <div class="sidebar">
                <h3>相关新闻</h3>
                <ul>
                  <li><a href="/xwzx/2023/0401.html">苏锡通园区召开安全生产会议</a><span>2023-04-01</span></li>
                  <li><a href="/xwzx/2023/0315.html">园区与某公司签约</a><span>2023-03-15</span></li>
                  <li><a href="/xwzx/2022/1201.html">苏锡通园区获评省级示范园区</a><span>2022-12-01</span></li>
                </ul>
              </div>
            </div>
            <div class="footer">版权所有 © 2019-2024 苏锡通科技产业园区管理委员会　2024年1月1日起施行网站新版</div>
            </body></html>
            """
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("robots.txt") { _, _ in "User-agent: *\nDisallow: /private/\n" }
        router.get("xwzx/rss.xml") { _, _ in
            let items = self.feedItems.withLock { $0 }.map { path in
                "<item><title>\(Self.articles[path]!.title)</title><link>\(path)</link></item>"
            }
            return Self.response("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>园区动态</title>
                \(items.joined(separator: "\n"))
                </channel></rss>
                """, type: "application/rss+xml; charset=utf-8")
        }
        router.get("xwzx/index.html") { _, _ in
            let links = Self.articles.keys.sorted().map { path in
                "<li><a href=\"\(path)\">\(Self.articles[path]!.title)</a><span>\(Self.articles[path]!.date)</span></li>"
            }
            return Self.response("""
                <html><head><meta charset="utf-8"><title>园区动态_苏锡通科技产业园区</title></head><body>
                <div class="nav"><a href="/">首页</a></div>
                <div class="list"><ul>\(links.joined())</ul></div>
                <div class="footer">版权所有 © 2024</div></body></html>
                """, type: "text/html; charset=utf-8")
        }
        router.get("xwzx/2024/{file}") { request, _ in
            let path = request.uri.path
            guard Self.articles[path] != nil else { return Response(status: .notFound) }
            return Self.response(Self.page(path), type: "text/html; charset=utf-8", etag: "\"\(path.hashValue)\"",
                                 unchangedFor: request.headers[.ifNoneMatch])
        }
        router.get("gbk/0520c.html") { _, _ in
            let bytes = try Self.gbk(Self.page("/xwzx/2024/0520c.html", charset: "gbk"))
            return Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("xwzx/huge.html") { _, _ in
            Self.response(String(repeating: "<p>园区新闻。</p>", count: 400_000), type: "text/html; charset=utf-8")
        }
        router.get("xwzx/moved.html") { _, _ in Response(status: .movedPermanently, headers: [.location: "/xwzx/moved.html"]) }
        router.get("xwzx/report.pdf") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/pdf"], body: .init(byteBuffer: ByteBuffer(string: "%PDF-1.4")))
        }
        router.get("private/secret.html") { _, _ in Self.response(Self.page("/xwzx/2024/0510a.html"), type: "text/html") }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func response(_ text: String, type: String, etag: String? = nil,
                         unchangedFor validator: String? = nil) -> Response {
        if let etag, validator == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
        var headers: HTTPFields = [.contentType: type]
        if let etag { headers[.eTag] = etag }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The page in GBK, as iconv writes it.
    static func gbk(_ text: String) throws -> [UInt8] {
        // -c: a character GBK lacks is left out, as a CMS writing GBK would.
        try filtered(Data(text.utf8), through: ["/usr/bin/iconv", "-c", "-f", "UTF-8", "-t", "GBK"])
    }
}
