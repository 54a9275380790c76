import Foundation

/// Why bytes fetched from a URL could not be read; the description names the
/// URL and says what to do.
public struct PageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that decide by it (skip, retry, re-route).
    public enum Reason: Sendable, Equatable {
        /// No bytes, or only white space.
        case empty
        /// Neither HTML nor an RSS or Atom feed (a PDF, an image, JSON…).
        case notPageOrFeed(contentType: String?)
        /// A feed was handed to the page reader.
        case isFeed
        /// An HTML page was handed to the feed reader.
        case isPage
        /// XML whose root element is not `<rss>`, `<feed>` or `<rdf:RDF>`.
        case notAFeed(root: String)
        /// libxml2 built no tree from the bytes.
        case unparsable
    }

    public var url: URL
    public var reason: Reason

    public init(url: URL, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    public var description: String {
        let what = url.absoluteString
        switch reason {
        case .empty:
            return "\(what) returned no content: fetch it again later, or drop it from the watch list if it stays empty"
        case let .notPageOrFeed(contentType):
            let type = contentType.map { " (Content-Type \($0))" } ?? ""
            return "\(what)\(type) is neither an HTML page nor an RSS or Atom feed: watch the news page or the feed that links to it instead"
        case .isFeed:
            return "\(what) is an RSS or Atom feed, not an HTML page: read it with Feed(bytes:url:contentType:) and read each item's link as a page"
        case .isPage:
            return "\(what) is an HTML page, not a feed: read it with PageReader.read(_:url:contentType:) (a list page's links are in ReadPage.links)"
        case let .notAFeed(root):
            return "\(what) is XML with a <\(root)> root, not an RSS or Atom feed: check that the URL is the site's feed"
        case .unparsable:
            return "\(what) could not be parsed as HTML or XML: check that the URL serves a page, not a download"
        }
    }
}
