import Extraction
import Fetching
import Foundation
import Pages

/// Fetched bytes as Parkline reads them (`Pages` does the reading): a feed's
/// items, a news list's article links, or an article's main text with the
/// title and publication day its page gives.
public enum PageReading {
    public static func read(_ page: FetchedPage) throws -> WebContent {
        guard let url = URL(string: page.url) else { throw FetchError(page.url, .invalidURL) }
        let bytes = [UInt8](page.body)
        switch try DocumentKind.of(bytes, url: url, contentType: page.contentType) {
        case .feed:
            let feed = try Feed(bytes: bytes, url: url, contentType: page.contentType)
            return .links(kind: .feed, feed.items.compactMap { $0.link?.absoluteString })
        case .html:
            let read = try PageReader.read(bytes, url: url, contentType: page.contentType)
            switch read.kind {
            case .article: return .article(article(read))
            case .list: return .links(kind: .list, read.links.map(\.absoluteString))
            }
        }
    }

    /// An HTML file on disk, read as the page it was saved from.
    public static func article(file bytes: [UInt8], path: String) throws -> WebArticle {
        let page = try PageReader.read(bytes, url: URL(fileURLWithPath: path))
        return article(page)
    }

    static func article(_ page: ReadPage) -> WebArticle {
        WebArticle(title: page.title, published: page.published.map { CivilDate(year: $0.year, month: $0.month, day: $0.day) },
                   text: page.text)
    }
}
