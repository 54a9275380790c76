import Extraction
import Fetching
import Foundation
import Logging

/// Pages from the web into the log: `parkline ingest URL`, `POST
/// /v1/documents {"url"}` and `parkline watch` all go through here.
///
/// Pages a person names are fetched first, all of them; if one fails,
/// nothing is written and the error names it. A watcher's round reads each
/// feed or news list and ingests the articles it has not fetched before, one
/// at a time, so one broken article costs only itself.
public struct WebIngest: Sendable {
    let fetcher: PageFetcher
    let documents: DocumentIngest
    let pages: FetchedPages
    let read: WebReader
    let logger: Logger

    public init(fetcher: PageFetcher, documents: DocumentIngest, pages: FetchedPages, read: @escaping WebReader, logger: Logger) {
        self.fetcher = fetcher
        self.documents = documents
        self.pages = pages
        self.read = read
        self.logger = logger
    }

    /// A page named by a person is an article (feeds and lists are watched).
    public struct NotAnArticle: Error, CustomStringConvertible {
        public let url: String
        public let kind: FetchedPages.Kind

        public var description: String {
            "\(url) is a \(kind == .feed ? "feed" : "news list"), not an article: follow it with `parkline watch \(url)` "
                + "(or the daemon's --watch), which ingests its articles as they appear"
        }
    }

    /// Fetch `urls` and ingest them, with `files` (documents read from disk),
    /// as one ingest: all or nothing. A page fetched before that answers 304
    /// is reported unchanged.
    public func ingest(urls: [String], with files: [SourceDocument] = [], published: CivilDate? = nil, source: String? = nil,
                       progress: (Int, Int) -> Void = { _, _ in }) async throws -> DocumentIngest.Summary {
        let known = try await pages.entries(urls)
        var fetched: [(url: String, page: FetchedPage, document: SourceDocument)] = []
        var unchanged: [String] = []
        for url in urls {
            let validators = known[url].flatMap { $0.documentHash == nil ? nil : $0.validators }
            switch try await fetcher.fetch(url, validators: validators) {
            case .notModified:
                unchanged.append(url)
            case .page(let page):
                switch try read(page) {
                case .article(let article):
                    fetched.append((url, page, article.document(url: page.url, published: published, source: source)))
                case .links(let kind, _):
                    throw NotAnArticle(url: url, kind: kind)
                }
            }
        }
        var summary = try await documents.ingest(files + fetched.map(\.document), progress: progress)
        for (url, page, _) in fetched {
            let report = summary.reports.first { $0.document == page.url }
            try await pages.record(url, kind: .page, status: 200, validators: page.validators, documentHash: report?.documentHash)
        }
        for url in unchanged {
            try await pages.record(url, kind: .page, status: 304)
            summary.reports.append(Ingestor.Report(document: url, stream: known[url]?.documentHash.map { "document-\($0)" } ?? "",
                                                   outcome: .unchanged, events: []))
        }
        return summary
    }

    /// What one round of watching did.
    public struct Round: Sendable {
        /// Watched addresses read (feeds, lists, pages), and those unchanged since last time (304).
        public var sources = 0
        public var unchangedSources = 0
        /// Articles found for the first time and ingested, and the events they gave.
        public var newArticles = 0
        public var newEvents = 0
        /// Addresses that failed this round, with what went wrong.
        public var failures: [(url: String, error: String)] = []

        public var line: String {
            var parts = ["\(sources) watched (\(unchangedSources) unchanged)", "\(newArticles) new articles", "\(newEvents) new events"]
            if !failures.isEmpty { parts.append("\(failures.count) failed: " + failures.map(\.error).joined(separator: "; ")) }
            return parts.joined(separator: ", ")
        }
    }

    /// Read each watched address once: a feed's or a list's new articles are
    /// ingested; a watched article is ingested when it changed.
    /// `progress` is told about each article as it is done.
    public func watchRound(_ urls: [String], progress: @Sendable (String) -> Void = { _ in }) async -> Round {
        var round = Round()
        for url in urls {
            do {
                let known = try await pages.entries([url])[url]
                round.sources += 1
                switch try await fetcher.fetch(url, validators: known?.validators) {
                case .notModified:
                    round.unchangedSources += 1
                    try await pages.record(url, kind: known?.kind ?? .page, status: 304)
                case .page(let page):
                    switch try read(page) {
                    case .article(let article):
                        round.newEvents += try await ingest(article, of: page, as: url).newEvents
                    case .links(let kind, let links):
                        try await ingestNew(links, into: &round, progress: progress)
                        try await pages.record(url, kind: kind, status: 200, validators: page.validators)
                    }
                }
            } catch {
                round.failures.append((url, "\(error)"))
                try? await pages.record(url, kind: .page, status: Self.status(of: error), error: "\(error)")
                logger.warning("watch: \(error)")
            }
        }
        return round
    }

    /// Ingest the articles among `links` not fetched successfully before.
    private func ingestNew(_ links: [String], into round: inout Round, progress: @Sendable (String) -> Void) async throws {
        let known = try await pages.entries(links)
        for link in links where known[link]?.error != nil || known[link] == nil {
            do {
                guard case .page(let page) = try await fetcher.fetch(link) else { continue }
                guard case .article(let article) = try read(page) else {
                    try await pages.record(link, kind: .list, status: 200, validators: page.validators)
                    continue
                }
                let summary = try await ingest(article, of: page, as: link)
                round.newArticles += 1
                round.newEvents += summary.newEvents
                progress("\(link): \(summary.newEvents) new events")
            } catch {
                round.failures.append((link, "\(error)"))
                try await pages.record(link, kind: .page, status: Self.status(of: error), error: "\(error)")
            }
        }
    }

    /// A watched article on its own: ingested, and remembered with its validators and document.
    private func ingest(_ article: WebArticle, of page: FetchedPage, as url: String) async throws -> DocumentIngest.Summary {
        let summary = try await documents.ingest([article.document(url: page.url, published: nil, source: nil)])
        try await pages.record(url, kind: .page, status: 200, validators: page.validators, documentHash: summary.reports.first?.documentHash)
        return summary
    }

    static func status(of error: any Error) -> Int? {
        if case .status(let status) = (error as? FetchError)?.code { return status }
        return nil
    }
}

extension Ingestor.Report {
    /// The document's hash, which names its stream (`document-<hash>`).
    public var documentHash: String { String(stream.dropFirst("document-".count)) }
}
