import EventStore
import Extraction
import Fetching
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ParklineTestSupport
import Testing
import Timeline
import TimelineServer

/// Pages and feeds from a local news site into the log: the article alone
/// becomes events (never the chrome's dates), refused pages leave the log
/// as it was, and a watcher picks up what a feed adds.
@Suite struct WebIngestTests {
    /// A web ingest over a fresh database and the site at `base`.
    func withWeb(_ site: NewsSite = NewsSite(),
                 _ body: @escaping @Sendable (WebIngest, Database, String) async throws -> Void) async throws {
        try await site.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await withTestDatabase { db in
                let readModel = ReadModel(client: db.client, logger: db.logger)
                let documents = DocumentIngest(store: db.store, readModel: readModel, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)),
                                               settleTimeout: .seconds(10), logger: db.logger)
                let fetcher = PageFetcher(limits: FetchLimits(perHostDelay: .milliseconds(10), allowPrivateAddresses: true), logger: db.logger)
                let web = WebIngest(fetcher: fetcher, documents: documents, pages: FetchedPages(client: db.client, logger: db.logger),
                                    read: PageReading.read, logger: db.logger)
                do {
                    try await body(web, db, base)
                    try await fetcher.shutdown()
                } catch {
                    try? await fetcher.shutdown()
                    throw error
                }
            }
        }
    }

    /// What the extractor reads in a text: (type, date) pairs.
    static func acts(_ events: [ExtractedEvent]) -> [String] {
        events.map { "\($0.type.rawValue) \($0.date.formatted)" }.sorted()
    }

    @Test func aPageGivesTheEventsItsArticleTextGivesAndNoneOfItsChrome() async throws {
        try await withWeb { web, db, base in
            for path in ["/xwzx/2024/0510a.html", "/xwzx/2024/0512b.html"] {
                let summary = try await web.ingest(urls: [base + path])
                let fromPage = try #require(summary.reports.first).events
                let clean = try Extractor(gazetteer: try GazetteerFile.load(nil)).extract(SourceDocument(
                    name: "clean.txt", text: NewsSite.cleanText(path), published: CivilDate(iso: NewsSite.articles[path]!.date)))
                #expect(!fromPage.isEmpty)
                #expect(Self.acts(fromPage) == Self.acts(clean.events), "\(path)")
                // The sidebar's, the script's and the footer's dates are not events.
                #expect(!fromPage.contains { ["2023", "2022", "2019"].contains(String($0.date.formatted.prefix(4))) })
                #expect(fromPage.allSatisfy { $0.provenance.document == base + path })
                // The log keeps the article's text; each event's offsets point at its evidence there.
                let hash = try #require(summary.reports.first).documentHash
                let text = try #require(try await DocumentText.read(documentHash: hash, from: db.store))
                #expect(text.hasPrefix(NewsSite.articles[path]!.title))
                for event in fromPage {
                    #expect(DocumentText.marking(text, offset: [event.provenance.start, event.provenance.end]).contains("【\(event.evidence)】"))
                }
            }
        }
    }

    @Test func aGBKPageReadsAsItsText() async throws {
        try await withWeb { web, _, base in
            let summary = try await web.ingest(urls: [base + "/gbk/0520c.html"])
            let events = try #require(summary.reports.first).events
            #expect(events.contains { $0.type == .groundbreaking && $0.date.formatted == "2024-05-18" })
        }
    }

    @Test func aRefusedPageLeavesTheLogAsItWasAndNamesThePage() async throws {
        try await withWeb { web, db, base in
            let before = try await loggedEventCount(db)
            await #expect { try await web.ingest(urls: [base + "/xwzx/2024/0510a.html", base + "/xwzx/2024/missing.html"]) } throws: { error in
                (error as? FetchError)?.code == .status(404) && "\(error)".contains("missing.html")
            }
            await #expect { try await web.ingest(urls: [base + "/private/secret.html"]) } throws: { error in
                (error as? FetchError)?.code == .blockedByRobots
            }
            await #expect { try await web.ingest(urls: [base + "/xwzx/huge.html"]) } throws: { error in
                (error as? FetchError)?.code == .tooLarge(limit: 5_000_000)
            }
            await #expect { try await web.ingest(urls: [base + "/xwzx/moved.html"]) } throws: { error in
                (error as? FetchError)?.code == .tooManyRedirects(5)
            }
            await #expect { try await web.ingest(urls: [base + "/xwzx/report.pdf"]) } throws: { error in
                (error as? FetchError)?.code == .notAPage(contentType: "application/pdf")
            }
            await #expect { try await web.ingest(urls: [base + "/xwzx/rss.xml"]) } throws: { error in
                error is WebIngest.NotAnArticle && "\(error)".contains("parkline watch")
            }
            #expect(try await loggedEventCount(db) == before)
        }
    }

    @Test func aPageFetchedAgainUnchangedWritesNothing() async throws {
        try await withWeb { web, db, base in
            let url = base + "/xwzx/2024/0510a.html"
            _ = try await web.ingest(urls: [url])
            let after = try await loggedEventCount(db)
            let again = try await web.ingest(urls: [url])
            #expect(again.reports.map(\.outcome) == [.unchanged])
            #expect(try await loggedEventCount(db) == after)
        }
    }

    @Test func aWatcherIngestsNewArticlesOfAFeedAndOfAList() async throws {
        let site = NewsSite()
        try await withWeb(site) { web, db, base in
            let first = await web.watchRound([base + "/xwzx/rss.xml"])
            #expect(first.failures.isEmpty, "\(first.failures)")
            #expect(first.newArticles == 2)
            #expect(first.newEvents > 0)
            let logged = try await loggedEventCount(db)

            let quiet = await web.watchRound([base + "/xwzx/rss.xml"])
            #expect(quiet.newArticles == 0)
            #expect(try await loggedEventCount(db) == logged)

            site.feedItems.withLock { $0.insert("/xwzx/2024/0520c.html", at: 0) }
            let third = await web.watchRound([base + "/xwzx/rss.xml"])
            #expect(third.newArticles == 1, "\(third.line)")
            // The new article's groundbreaking is on the timeline.
            #expect(try await eventually {
                try await ReadModel(client: db.client, logger: db.logger).catchUp()
                let groundbreakings = try await TimelineQueries(client: db.client, logger: db.logger).events(.init(type: "groundbreaking"))
                return groundbreakings.contains { $0.date == "2024-05-18" && $0.source.document == base + "/xwzx/2024/0520c.html" }
            })

            // A news list pointing at the same articles has nothing new.
            let list = await web.watchRound([base + "/xwzx/index.html"])
            #expect(list.failures.isEmpty, "\(list.failures)")
            #expect(list.newArticles == 0, "\(list.line)")
        }
    }

    /// `POST /v1/documents {"url"}`: the daemon fetches the page when it may,
    /// and refuses its own machine's addresses unless told to allow them.
    @Test func theAPIFetchesAPageOnlyWhereItIsAllowedTo() async throws {
        try await NewsSite().application().test(.live) { site in
            let page = "http://127.0.0.1:\(try #require(site.port))/xwzx/2024/0510a.html"
            for allowed in [false, true] {
                try await withTestDatabase { db in
                    var configuration = serverConfiguration()
                    configuration.seedFolder = nil
                    configuration.fetchPrivateAddresses = allowed
                    let app = try await buildApplication(configuration: configuration, settings: db.settings, logger: db.logger)
                    try await app.test(.router) { client in
                        let before = try await logCount(db)
                        let response = try await client.post("/v1/documents", json: #"{"url": "\#(page)"}"#)
                        if allowed {
                            #expect(response.status == .created, "\(response.text)")
                            let events = try #require(try response.json()["events"] as? [[String: Any]])
                            #expect(events.contains { $0["type"] as? String == "signing" && $0["date"] as? String == "2024-05-10" })
                        } else {
                            #expect(response.status == .forbidden)
                            #expect(response.errorCode == "blocked_address")
                            #expect(response.text.contains("PARKLINE_FETCH_PRIVATE"))
                            #expect(try await logCount(db) == before)
                        }
                        let both = try await client.post("/v1/documents", json: #"{"url": "\#(page)", "text": "x"}"#)
                        #expect(both.status == .badRequest)
                    }
                }
            }
        }
    }

    /// `parkline watch --once`, the command a user types, run twice around
    /// the test adding an article to the feed: the second round ingests it alone.
    @Test func theWatchCommandPicksUpAnArticleAddedToTheFeed() async throws {
        let parkline = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parkline"
        try #require(FileManager.default.isExecutableFile(atPath: parkline), "parkline is not built next to the tests")
        let site = NewsSite()
        try await site.application().test(.live) { client in
            let feed = "http://127.0.0.1:\(try #require(client.port))/xwzx/rss.xml"
            try await withTestDatabase { db in
                let socket = try #require(db.settings.socketPath)
                let url = "postgres://\(db.settings.username)@/\(db.settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
                let watch = [parkline, "watch", feed, "--once", "--database-url", url]
                let first = try await runProcess(watch)
                #expect(first.status == 0, "\(first.output)")
                #expect(first.output.contains("2 new articles"), "\(first.output)")
                site.feedItems.withLock { $0.insert("/xwzx/2024/0520c.html", at: 0) }
                let second = try await runProcess(watch)
                #expect(second.status == 0, "\(second.output)")
                #expect(second.output.contains("1 new articles"), "\(second.output)")
                let timeline = try await runProcess([parkline, "events", "--type", "groundbreaking", "--format", "ndjson", "--database-url", url])
                #expect(timeline.output.contains("0520c.html"), "\(timeline.output)")
            }
        }
    }
}
