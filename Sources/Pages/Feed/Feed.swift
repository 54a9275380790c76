import Foundation

/// An RSS (2.0 or 1.0) or Atom feed: its items' links, titles and days of
/// publication, in the feed's order. Parsed by libxml2 without loading DTDs,
/// expanding entities or touching the network, so a hostile feed cannot read
/// local files (XXE) or make Parkline fetch anything.
///
/// ```swift
/// let feed = try Feed(bytes: body, url: feedURL, contentType: "application/rss+xml")
/// for item in feed.items { print(item.published?.iso ?? "?", item.title, item.link?.absoluteString ?? "") }
/// ```
public struct Feed: Sendable, Equatable {
    public enum Format: String, Sendable, Hashable {
        case rss
        case atom
    }

    /// One entry of the feed.
    public struct Item: Sendable, Equatable {
        public var title: String
        /// The article's absolute URL (relative links are resolved against the feed's URL).
        public var link: URL?
        /// From `pubDate`, `dc:date`, `published` or `updated`.
        public var published: PublishedDate?

        public init(title: String, link: URL?, published: PublishedDate?) {
            self.title = title
            self.link = link
            self.published = published
        }
    }

    public var url: URL
    public var format: Format
    public var title: String?
    public var items: [Item]
    public var charset: PageCharset

    /// Reads the feed fetched from `url`.
    /// - Throws: `PageError` when the bytes are empty, an HTML page, or XML that is not a feed.
    public init(bytes: [UInt8], url: URL, contentType: String? = nil) throws(PageError) {
        switch try DocumentKind.of(bytes, url: url, contentType: contentType) {
        case .html: throw PageError(url: url, reason: .isPage)
        case .feed: break
        }
        let decoded = CharsetSniffer.decode(bytes, contentType: contentType)
        guard let root = MarkupParser.xml(decoded.text) else { throw PageError(url: url, reason: .unparsable) }
        self.url = url
        self.charset = decoded.charset
        switch root.name {
        case "rss", "rdf":
            format = .rss
            let channel = root.elements.first { $0.name == "channel" }
            title = channel.flatMap { Self.text(of: "title", in: $0) }
            // RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them beside it.
            let itemElements = (channel?.elements ?? []).filter { $0.name == "item" } + root.elements.filter { $0.name == "item" }
            items = itemElements.map { Self.rssItem($0, feed: url) }
        case "feed":
            format = .atom
            title = Self.text(of: "title", in: root)
            items = root.elements.filter { $0.name == "entry" }.map { Self.atomEntry($0, feed: url) }
        default:
            throw PageError(url: url, reason: .notAFeed(root: root.name))
        }
    }

    private static func rssItem(_ item: MarkupElement, feed: URL) -> Item {
        let permalink = item.elements.first { $0.name == "guid" && $0.attribute("ispermalink")?.lowercased() != "false" }
        let link = text(of: "link", in: item) ?? permalink.map { $0.text.trimmingQuotesAndSpaces() }
        let date = text(of: "pubdate", in: item) ?? text(of: "date", in: item)
        return Item(
            title: text(of: "title", in: item) ?? "",
            link: link.flatMap { resolve($0, against: feed) },
            published: date.flatMap(PublishedDate.init(parsing:))
        )
    }

    private static func atomEntry(_ entry: MarkupElement, feed: URL) -> Item {
        let links = entry.elements.filter { $0.name == "link" }
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first
        let date = text(of: "published", in: entry) ?? text(of: "updated", in: entry)
        return Item(
            title: text(of: "title", in: entry) ?? "",
            link: alternate?.attribute("href").flatMap { resolve($0, against: feed) },
            published: date.flatMap(PublishedDate.init(parsing:))
        )
    }

    /// The trimmed text of the first child with this (local, lower-cased) name.
    private static func text(of name: String, in element: MarkupElement) -> String? {
        guard let child = element.elements.first(where: { $0.name == name }) else { return nil }
        let text = PlainTextRenderer.lines(of: child).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    private static func resolve(_ link: String, against feed: URL) -> URL? {
        let link = link.trimmingQuotesAndSpaces()
        guard !link.isEmpty, let url = URL(string: link, relativeTo: feed)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return url
    }
}
