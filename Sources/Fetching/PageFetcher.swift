import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// Fetches news pages and feeds politely: robots.txt honoured, one request
/// at a time per host with a pause, at most `maxRedirects` redirects (each
/// hop checked like the first), gzip, a size cap, a deadline, and a
/// conditional GET when validators of an earlier fetch are given.
public final class PageFetcher: Sendable {
    let client: HTTPClient
    let limits: FetchLimits
    let logger: Logger
    private let pacer: HostPacer
    private let robots: RobotsCache

    public init(limits: FetchLimits, logger: Logger) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,  // followed here, so every hop is checked
            timeout: .init(connect: .seconds(10), read: .seconds(20)),
            decompression: .enabled(limit: .size(limits.maxBytes)))
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.limits = limits
        self.logger = logger
        pacer = HostPacer(delay: limits.perHostDelay)
        robots = RobotsCache()
    }

    /// Close the connections; call once when done.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Fetch `url`; with `validators`, a page unchanged since gives `.notModified`.
    public func fetch(_ url: String, validators: Validators? = nil) async throws -> FetchOutcome {
        var current = url
        for _ in 0...limits.maxRedirects {
            let target = try await check(current, requestedAs: url)
            let response = try await request(target, validators: validators, requestedAs: url)
            switch response {
            case .redirect(let location):
                guard let next = URL(string: location, relativeTo: target)?.absoluteURL.absoluteString else {
                    throw FetchError(url, .network("a redirect to an unreadable address (\(location))"))
                }
                logger.debug("redirected", metadata: ["from": "\(current)", "to": "\(next)"])
                current = next
            case .notModified:
                return .notModified(url: url)
            case .page(var page):
                page.requestedURL = url
                return .page(page)
            }
        }
        throw FetchError(url, .tooManyRedirects(limits.maxRedirects))
    }

    /// The URL, parsed, if its scheme, address and robots.txt allow fetching it.
    private func check(_ address: String, requestedAs original: String) async throws -> URL {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw FetchError(original, .invalidURL)
        }
        guard scheme == "http" || scheme == "https" else { throw FetchError(original, .unsupportedScheme(scheme)) }
        if !limits.allowPrivateAddresses {
            let addresses = (try? await AddressGuard.addresses(of: host)) ?? []
            guard !addresses.isEmpty else { throw FetchError(original, .network("\(host) does not resolve: check the address")) }
            guard addresses.allSatisfy(AddressGuard.isPublic) else { throw FetchError(original, .blockedAddress(host)) }
        }
        let rules = try await robotsRules(for: url, requestedAs: original)
        guard rules.allows(Self.pathAndQuery(of: url)) else { throw FetchError(original, .blockedByRobots) }
        return url
    }

    private func robotsRules(for url: URL, requestedAs original: String) async throws -> RobotsTxt {
        let origin = Self.origin(of: url)
        // The first caller for an origin reads its robots.txt; the others wait for that reading.
        if let known = await robots.claim(origin) { return known }
        do {
            let rules = try await readRobots(of: origin, requestedAs: original)
            await robots.store(rules, for: origin)
            return rules
        } catch {
            await robots.abandon(origin)
            throw error
        }
    }

    private func readRobots(of origin: String, requestedAs original: String) async throws -> RobotsTxt {
        let robotsURL = URL(string: origin + "/robots.txt")!
        let rules: RobotsTxt
        do {
            switch try await request(robotsURL, validators: nil, requestedAs: robotsURL.absoluteString, acceptAnything: true) {
            case .page(let page):
                rules = RobotsTxt(String(decoding: page.body, as: UTF8.self), agent: FetchLimits.robotsToken)
            case .redirect, .notModified:
                rules = .allowAll  // a robots.txt that moves elsewhere: treated as none (RFC 9309 allows following; few sites do this)
            }
        } catch let error as FetchError {
            switch error.code {
            case .status(let status) where status < 500:
                rules = .allowAll  // no robots.txt: nothing is forbidden
            default:
                throw FetchError(original, .robotsUnavailable(Self.brief(error)))
            }
        }
        return rules
    }

    private enum Response {
        case redirect(String)
        case notModified
        case page(FetchedPage)
    }

    /// One request, paced per host, under the fetch's deadline.
    private func request(_ url: URL, validators: Validators?, requestedAs original: String,
                         acceptAnything: Bool = false) async throws -> Response {
        let host = url.host ?? ""
        let limits = self.limits
        let client = self.client
        return try await pacer.withTurn(host) {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "User-Agent", value: limits.userAgent)
            request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
            request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let modified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
            let (seconds, attoseconds) = limits.timeout.components
            let deadline = NIODeadline.now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: deadline)
            } catch {
                throw FetchError(original, Self.code(for: error))
            }
            let status = Int(response.status.code)
            switch status {
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "Location") else {
                    throw FetchError(original, .network("a redirect (\(status)) without a Location"))
                }
                return .redirect(location)
            case 304:
                return .notModified
            case 200..<300:
                break
            default:
                throw FetchError(original, .status(status))
            }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maxBytes {
                throw FetchError(original, .tooLarge(limit: limits.maxBytes))
            }
            let contentType = response.headers.first(name: "Content-Type")
            if !acceptAnything, let contentType, !Self.isReadable(contentType) {
                throw FetchError(original, .notAPage(contentType: contentType))
            }
            var body = Data()
            do {
                for try await chunk in response.body {
                    guard body.count + chunk.readableBytes <= limits.maxBytes else { throw FetchError(original, .tooLarge(limit: limits.maxBytes)) }
                    body.append(contentsOf: chunk.readableBytesView)
                    guard NIODeadline.now() < deadline else { throw FetchError(original, .timeout) }
                }
            } catch let error as FetchError {
                throw error
            } catch {
                throw FetchError(original, Self.code(for: error, limit: limits.maxBytes))
            }
            return .page(FetchedPage(
                requestedURL: original, url: url.absoluteString, contentType: contentType, body: body,
                validators: Validators(etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"))))
        }
    }

    /// Pages and feeds (and a server that does not say what it sends); not images, PDFs or archives.
    static func isReadable(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.isEmpty || type.hasPrefix("text/") || type.hasSuffix("xml") || type.hasSuffix("+xml")
            || type == "application/xhtml+xml" || type == "application/octet-stream"
    }

    static func code(for error: Error, limit: Int = 0) -> FetchError.Code {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: return .timeout
            default: break
            }
        }
        if error is NIOHTTPDecompression.DecompressionError { return .tooLarge(limit: limit) }
        return .network("could not be fetched (\(error)); check the address and the network")
    }

    static func brief(_ error: FetchError) -> String {
        switch error.code {
        case .status(let status): "status \(status)"
        case .timeout: "timed out"
        default: "unreachable"
        }
    }

    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "http"
        let host = url.host ?? ""
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// The path and query as sent (percent-encoded), which robots.txt rules are written against.
    static func pathAndQuery(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? ""
        let query = components?.percentEncodedQuery
        return (path.isEmpty ? "/" : path) + (query.map { "?" + $0 } ?? "")
    }
}

/// Each origin's robots.txt, read once per fetcher: while one caller reads
/// it, the others for that origin wait for the result.
actor RobotsCache {
    private var rules: [String: RobotsTxt] = [:]
    private var reading: [String: [CheckedContinuation<RobotsTxt?, Never>]] = [:]

    /// The origin's rules if known (waiting for a reading under way); `nil`
    /// when the caller is to read them and then `store` or `abandon`.
    func claim(_ origin: String) async -> RobotsTxt? {
        if let known = rules[origin] { return known }
        guard reading[origin] != nil else {
            reading[origin] = []
            return nil
        }
        if let read = await withCheckedContinuation({ reading[origin]!.append($0) }) { return read }
        return await claim(origin)  // that reading failed: try again (one caller reads)
    }

    func store(_ value: RobotsTxt, for origin: String) {
        rules[origin] = value
        for waiter in reading.removeValue(forKey: origin) ?? [] { waiter.resume(returning: value) }
    }

    func abandon(_ origin: String) {
        for waiter in reading.removeValue(forKey: origin) ?? [] { waiter.resume(returning: nil) }
    }
}
