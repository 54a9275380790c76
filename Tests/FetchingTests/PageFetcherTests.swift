import Fetching
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParklineTestSupport
import Synchronization
import Testing

/// A small site served on 127.0.0.1 for the fetcher to read: pages, a
/// redirect and a loop, a 404, a slow page, an oversized page, an image, a
/// gzipped page and a robots.txt that forbids a path.
final class TestSite: Sendable {
    static let page = "<html><head><title>园区新闻</title></head><body><p>5月10日，苏锡通园区举行签约仪式。</p></body></html>"

    /// Requests in flight, and the most ever at once.
    let inFlight = Mutex((now: 0, most: 0))
    let robotsFetches = Mutex(0)
    /// Finishing it lets `/slow.html` answer.
    let slowRelease = AsyncStream<Void>.makeStream()

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("robots.txt") { _, _ in
            self.robotsFetches.withLock { $0 += 1 }
            return "User-agent: *\nDisallow: /private/\n"
        }
        router.get("news/page.html") { request, _ in
            try await self.counted {
                if request.headers[.ifNoneMatch] == "\"v1\"" { return Response(status: .notModified) }
                return Self.html(Self.page, headers: [.eTag: "\"v1\"", .lastModified: "Fri, 10 May 2024 08:00:00 GMT"])
            }
        }
        router.get("news/slowish.html") { _, _ in
            try await self.counted {
                // The behaviour under test: a request held open a while, so two
                // requests to this host would overlap if the fetcher let them.
                try await Task.sleep(for: .milliseconds(200))
                return Self.html(Self.page)
            }
        }
        router.get("moved") { _, _ in Response(status: .found, headers: [.location: "/news/page.html"]) }
        router.get("loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("private/page.html") { _, _ in Self.html(Self.page) }
        router.get("slow.html") { _, _ in
            // Answers only once the test has seen the fetch give up: no sleep to outlast.
            for await _ in self.slowRelease.stream { break }
            return Self.html(Self.page)
        }
        router.get("big.html") { _, _ in Self.html(String(repeating: "园区新闻。", count: 40_000)) }
        router.get("logo.png") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47])))
        }
        router.get("zipped.html") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentEncoding: "gzip"],
                     body: .init(byteBuffer: ByteBuffer(bytes: try Self.gzip(Data(Self.page.utf8)))))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    private func counted(_ body: () async throws -> Response) async throws -> Response {
        inFlight.withLock { state in
            state.now += 1
            state.most = max(state.most, state.now)
        }
        defer { inFlight.withLock { $0.now -= 1 } }
        return try await body()
    }

    static func html(_ text: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// gzip's own output, as a server compressing on the fly sends it.
    static func gzip(_ data: Data) throws -> [UInt8] {
        try filtered(data, through: ["/bin/gzip", "-c"])
    }
}

struct PageFetcherTests {
    static func limits(maxBytes: Int = 100_000, timeout: Duration = .seconds(60)) -> FetchLimits {
        FetchLimits(maxBytes: maxBytes, timeout: timeout, perHostDelay: .milliseconds(20), allowPrivateAddresses: true)
    }

    /// Run `body` with a fetcher and the site's base URL.
    func withSite(_ site: TestSite = TestSite(), limits: FetchLimits = limits(),
                  _ body: @escaping @Sendable (PageFetcher, String) async throws -> Void) async throws {
        try await site.application().test(.live) { client in
            let fetcher = PageFetcher(limits: limits, logger: Logger(label: "test"))
            do {
                try await body(fetcher, "http://127.0.0.1:\(try #require(client.port))")
                try await fetcher.shutdown()
            } catch {
                try? await fetcher.shutdown()
                throw error
            }
        }
    }

    static func code(_ error: any Error) -> FetchError.Code? { (error as? FetchError)?.code }

    @Test func aPageComesWithItsValidatorsAndAnUnchangedPageCostsA304() async throws {
        try await withSite { fetcher, base in
            guard case .page(let page) = try await fetcher.fetch(base + "/news/page.html") else {
                Issue.record("no page")
                return
            }
            #expect(String(decoding: page.body, as: UTF8.self) == TestSite.page)
            #expect(page.validators == Validators(etag: "\"v1\"", lastModified: "Fri, 10 May 2024 08:00:00 GMT"))
            guard case .notModified = try await fetcher.fetch(base + "/news/page.html", validators: page.validators) else {
                Issue.record("an unchanged page was sent again")
                return
            }
        }
    }

    @Test func redirectsAreFollowedToTheirEndAndALoopIsRefused() async throws {
        try await withSite { fetcher, base in
            guard case .page(let page) = try await fetcher.fetch(base + "/moved") else {
                Issue.record("no page")
                return
            }
            #expect(page.url == base + "/news/page.html")
            #expect(page.requestedURL == base + "/moved")
            await #expect { try await fetcher.fetch(base + "/loop") } throws: { Self.code($0) == .tooManyRedirects(5) }
        }
    }

    @Test func refusalsNameTheURLAndTheReason() async throws {
        try await withSite(limits: Self.limits(timeout: .seconds(60))) { fetcher, base in
            await #expect { try await fetcher.fetch(base + "/missing.html") } throws: { error in
                Self.code(error) == .status(404) && "\(error)".contains(base + "/missing.html") && "\(error)".contains("404")
            }
            await #expect { try await fetcher.fetch(base + "/private/page.html") } throws: { Self.code($0) == .blockedByRobots }
            await #expect { try await fetcher.fetch(base + "/big.html") } throws: { Self.code($0) == .tooLarge(limit: 100_000) }
            await #expect { try await fetcher.fetch(base + "/logo.png") } throws: { Self.code($0) == .notAPage(contentType: "image/png") }
            await #expect { try await fetcher.fetch("ftp://example.org/a.html") } throws: { Self.code($0) == .unsupportedScheme("ftp") }
            await #expect { try await fetcher.fetch("not a url") } throws: { Self.code($0) == .invalidURL }
        }
    }

    @Test func aPageSlowerThanTheDeadlineTimesOut() async throws {
        let site = TestSite()
        // `/slow.html` answers only when released, so the deadline can leave room for the
        // first fetch on a loaded machine (2 s once ran out while robots.txt was read).
        try await withSite(site, limits: Self.limits(timeout: .seconds(5))) { fetcher, base in
            _ = try await fetcher.fetch(base + "/news/page.html")  // robots.txt read, within the deadline
            await #expect { try await fetcher.fetch(base + "/slow.html") } throws: { Self.code($0) == .timeout }
            site.slowRelease.continuation.finish()
        }
    }

    @Test func aGzippedPageArrivesDecompressed() async throws {
        try await withSite { fetcher, base in
            guard case .page(let page) = try await fetcher.fetch(base + "/zipped.html") else {
                Issue.record("no page")
                return
            }
            #expect(String(decoding: page.body, as: UTF8.self) == TestSite.page)
        }
    }

    @Test func aServerFetchingForItsClientsRefusesLoopbackAddresses() async throws {
        var limits = Self.limits()
        limits.allowPrivateAddresses = false
        try await withSite(limits: limits) { fetcher, base in
            await #expect { try await fetcher.fetch(base + "/news/page.html") } throws: { Self.code($0) == .blockedAddress("127.0.0.1") }
            await #expect { try await fetcher.fetch("http://localhost:1/") } throws: { Self.code($0) == .blockedAddress("localhost") }
        }
    }

    @Test func oneHostGetsOneRequestAtATimeAndItsRobotsTxtIsReadOnce() async throws {
        let site = TestSite()
        try await withSite(site) { fetcher, base in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { _ = try await fetcher.fetch(base + "/news/slowish.html") } }
                try await group.waitForAll()
            }
        }
        #expect(site.inFlight.withLock { $0.most } == 1)
        #expect(site.robotsFetches.withLock { $0 } == 1)
    }
}
