import Extraction
import Fetching
import Foundation

/// What a fetched body is to Parkline: an article to read, or a feed or a
/// news list that points to articles.
public enum WebContent: Sendable {
    case article(WebArticle)
    case links(kind: FetchedPages.Kind, [String])
}

/// An article's main text (navigation, sidebars, scripts and footers gone)
/// and what its page says of itself.
public struct WebArticle: Sendable {
    public var title: String?
    public var published: CivilDate?
    public var text: String

    public init(title: String?, published: CivilDate?, text: String) {
        self.title = title
        self.published = published
        self.text = text
    }

    /// The document Parkline ingests: the title as its first line (as in a
    /// text file), the page's address as its name, its site as its source
    /// unless one is given.
    func document(url: String, published fallback: CivilDate?, source: String?) -> SourceDocument {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = title.map { title in body.hasPrefix(title) ? body : title + "\n" + body } ?? body
        return SourceDocument(name: url, text: text, published: published ?? fallback, source: source ?? URL(string: url)?.host)
    }
}

/// Turns a fetched body into `WebContent`; errors name the page and the fix.
public typealias WebReader = @Sendable (FetchedPage) throws -> WebContent
