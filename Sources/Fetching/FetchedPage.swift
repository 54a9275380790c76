import Foundation

/// What a fetch brought back.
public enum FetchOutcome: Sendable {
    /// The page, as the server sent it (decompressed).
    case page(FetchedPage)
    /// The server says the page has not changed since the validators were taken.
    case notModified(url: String)
}

public struct FetchedPage: Sendable {
    /// The address asked for.
    public var requestedURL: String
    /// Where the page was found (after redirects).
    public var url: String
    public var contentType: String?
    public var body: Data
    /// For a conditional GET next time.
    public var validators: Validators
}

/// `ETag` and `Last-Modified` of a fetched page: sent back, they let the
/// server answer 304 when nothing changed.
public struct Validators: Sendable, Codable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
