import Foundation

/// Reads a fetched HTML page into a `ReadPage`. Pure: no network, no files;
/// the caller fetches and passes the bytes, the URL and the `Content-Type`.
///
/// ```swift
/// let page = try PageReader.read(body, url: url, contentType: response.headers["Content-Type"])
/// print(page.title ?? "", page.published?.iso ?? "", page.text)
/// ```
public enum PageReader {
    /// An article shorter than this, or with fewer sentences, is taken for a list page when it links to enough headlines.
    static let articleCharacters = 120
    static let articlePunctuation = 3
    static let listLinks = 3

    /// Reads the page fetched from `url`.
    /// - Parameter contentType: the HTTP `Content-Type` header, if any; its charset wins over the page's own.
    /// - Throws: `PageError` when the bytes are empty, a feed, or not HTML.
    public static func read(_ bytes: [UInt8], url: URL, contentType: String? = nil) throws(PageError) -> ReadPage {
        switch try DocumentKind.of(bytes, url: url, contentType: contentType) {
        case .feed: throw PageError(url: url, reason: .isFeed)
        case .html: break
        }
        let decoded = CharsetSniffer.decode(bytes, contentType: contentType)
        guard let document = MarkupParser.html(decoded.text) else { throw PageError(url: url, reason: .unparsable) }
        let body = PageChrome.removed(from: document.first(named: "body") ?? document)

        let title = PageTitle.find(document: document, body: body)
        let published = PublishedDateFinder.find(document: document, body: body, title: title)
        let blocks = MainContentFinder.blocks(in: body)
        let lines = blocks.flatMap(PlainTextRenderer.lines(of:))
        let stats = blocks.reduce(into: MainContentFinder.Stats()) { total, block in
            let stats = MainContentFinder.stats(of: block)
            total.characters += stats.characters
            total.punctuation += stats.punctuation
        }

        let base = ArticleLinks.base(of: document, url: url)
        let mainList = ArticleLinks.mainList(in: body, base: base, page: url)
        let isArticle = (stats.characters >= articleCharacters && stats.punctuation >= articlePunctuation) || mainList.count < listLinks
        return ReadPage(
            url: url,
            kind: isArticle ? .article : .list,
            title: title,
            published: published,
            text: lines.joined(separator: "\n"),
            charset: decoded.charset,
            charsetSource: decoded.source,
            links: isArticle ? ArticleLinks.all(in: blocks, base: base, page: url) : mainList
        )
    }
}
