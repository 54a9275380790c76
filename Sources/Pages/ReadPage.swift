import Foundation

/// What Parkline keeps of a news page: its headline, publication day, the
/// article's text (one line per paragraph, list item or table row, without
/// menus, sidebars, scripts or footers) and the article links it points at.
public struct ReadPage: Sendable, Equatable {
    /// Whether the page is an article or a list of them.
    public enum Kind: String, Sendable, Hashable {
        /// An article: `text` is its body.
        case article
        /// A news list (`新闻动态`, `通知公告`): `links` are its articles and
        /// `text` is whatever little prose it has.
        case list
    }

    public var url: URL
    public var kind: Kind
    public var title: String?
    public var published: PublishedDate?
    /// The article body, lines joined by "\n"; a data table's cells joined by " | ".
    public var text: String
    public var charset: PageCharset
    public var charsetSource: PageCharset.Source
    /// Absolute article URLs on the page's own host: a list page's main list,
    /// or the links inside an article's body.
    public var links: [URL]

    public init(
        url: URL, kind: Kind, title: String?, published: PublishedDate?, text: String,
        charset: PageCharset, charsetSource: PageCharset.Source, links: [URL]
    ) {
        self.url = url
        self.kind = kind
        self.title = title
        self.published = published
        self.text = text
        self.charset = charset
        self.charsetSource = charsetSource
        self.links = links
    }
}
