import Foundation

/// How a fetcher behaves towards the sites it reads and what it accepts.
public struct FetchLimits: Sendable {
    /// Bodies larger than this (after decompression) are refused.
    public var maxBytes: Int
    /// The whole request, redirects and body included.
    public var timeout: Duration
    public var maxRedirects: Int
    /// Pause between two requests to one host (requests to a host never overlap).
    public var perHostDelay: Duration
    /// Fetch loopback and private addresses: what a user's own CLI may do, a
    /// server fetching what clients name may not.
    public var allowPrivateAddresses: Bool
    public var userAgent: String

    public init(maxBytes: Int = 5_000_000, timeout: Duration = .seconds(30), maxRedirects: Int = 5,
                perHostDelay: Duration = .seconds(1), allowPrivateAddresses: Bool,
                userAgent: String = FetchLimits.defaultUserAgent) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.perHostDelay = perHostDelay
        self.allowPrivateAddresses = allowPrivateAddresses
        self.userAgent = userAgent
    }

    /// Names Parkline, so site owners know who reads them and can say no in robots.txt.
    public static let defaultUserAgent = "Parkline/1.0 (industrial-park news timeline; honours robots.txt)"

    /// The token robots.txt groups are matched against.
    public static let robotsToken = "parkline"
}
