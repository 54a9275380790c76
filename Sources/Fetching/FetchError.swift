import Foundation

/// Why a page could not be fetched: the URL, what went wrong and what to do.
/// Nothing is written for a page that failed.
public struct FetchError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        case invalidURL
        case unsupportedScheme(String)
        /// The server answered with this status (404, 500, …).
        case status(Int)
        case timeout
        case tooLarge(limit: Int)
        case notAPage(contentType: String)
        case blockedByRobots
        /// robots.txt could not be read (a server error or timeout): the site is not fetched for now.
        case robotsUnavailable(String)
        case blockedAddress(String)
        case tooManyRedirects(Int)
        case network(String)
    }

    public let url: String
    public let code: Code

    public init(_ url: String, _ code: Code) {
        self.url = url
        self.code = code
    }

    public var description: String {
        switch code {
        case .invalidURL:
            "\(url) is not a URL: give an absolute http:// or https:// address"
        case .unsupportedScheme(let scheme):
            "\(url): \(scheme): URLs are not fetched; give an http:// or https:// address (or a file path)"
        case .status(404):
            "\(url): 404 Not Found: check the address (the page may have moved)"
        case .status(let status) where status >= 500:
            "\(url): the server answered \(status): try again later"
        case .status(let status):
            "\(url): the server answered \(status), not a page"
        case .timeout:
            "\(url): timed out: the server is slow or unreachable; try again later"
        case .tooLarge(let limit):
            "\(url): larger than \(limit / 1_000_000) MB, not read: a news page is smaller; check the address"
        case .notAPage(let contentType):
            "\(url): is \(contentType), not an HTML page or a feed"
        case .blockedByRobots:
            "\(url): the site's robots.txt does not allow fetching this path; Parkline respects it"
        case .robotsUnavailable(let why):
            "\(url): the site's robots.txt could not be read (\(why)), so nothing is fetched from it for now; try again later"
        case .blockedAddress(let host):
            "\(url): \(host) is a loopback or private address, which this server does not fetch "
                + "(set PARKLINE_FETCH_PRIVATE=true to allow it on a trusted network)"
        case .tooManyRedirects(let count):
            "\(url): more than \(count) redirects: give the final address"
        case .network(let why):
            "\(url): \(why)"
        }
    }
}
