import EventStore
import Extraction
import Foundation
import Logging

/// Ingesting documents, as the CLI (`parkline ingest`), the API
/// (`POST /v1/documents`) and a daemon seeding an empty log all do it: read
/// every document (all or nothing), match each new report with the events
/// the timeline shows (`ReportResolution`), append the reports and the
/// merges in one transaction, then bring the read models past the appends
/// so the caller's next query shows them.
public struct DocumentIngest: Sendable {
    let store: EventStore
    let readModel: ReadModel
    let extractor: Extractor
    /// How long to wait for the read models after appending before answering anyway.
    let settleTimeout: Duration
    let logger: Logger
    /// One for every ingest through this value, so what it keeps (the park
    /// directory's spellings) is worked out once.
    let resolution: ReportResolution

    public init(store: EventStore, readModel: ReadModel, extractor: Extractor, settleTimeout: Duration = .seconds(2), logger: Logger) {
        self.init(store: store, readModel: readModel, extractor: extractor, settleTimeout: settleTimeout, logger: logger,
                  resolution: ReportResolution(queries: TimelineQueries(client: store.client, logger: logger), readModel: readModel))
    }

    init(store: EventStore, readModel: ReadModel, extractor: Extractor, settleTimeout: Duration, logger: Logger, resolution: ReportResolution) {
        self.store = store
        self.readModel = readModel
        self.extractor = extractor
        self.settleTimeout = settleTimeout
        self.logger = logger
        self.resolution = resolution
    }

    /// What one call recorded.
    public struct Summary: Sendable {
        public var reports: [Ingestor.Report]

        public init(reports: [Ingestor.Report]) {
            self.reports = reports
        }

        /// Log events appended (documents' own `DocumentIngested` included).
        public var appendedEvents: Int {
            reports.reduce(0) { total, report in
                switch report.outcome {
                case .new(let events): total + events + 1
                case .unchanged: total
                case let .reread(added, corrected, retracted): total + added + corrected + retracted + 1
                }
            }
        }

        /// Timeline events new to the log.
        public var newEvents: Int {
            reports.reduce(0) { total, report in
                switch report.outcome {
                case .new(let events): total + events
                case .unchanged: total
                case .reread(let added, _, _): total + added
                }
            }
        }
    }

    /// Ingest `documents`; `progress` is told after each one is read.
    public func ingest(_ documents: [SourceDocument], progress: (Int, Int) -> Void = { _, _ in }) async throws -> Summary {
        let reports = try await Ingestor(store: store, extractor: extractor, resolution: resolution, logger: logger)
            .ingest(documents, progress: progress)
        if let last = reports.compactMap(\.cursor).max() {
            await readModel.settle(past: last, timeout: settleTimeout)
        }
        return Summary(reports: reports)
    }

    /// Ingest the documents of `paths` (files or folders, with their manifests).
    public func ingest(paths: [String], published: CivilDate? = nil, source: String? = nil,
                       progress: (Int, Int) -> Void = { _, _ in }) async throws -> Summary {
        try await ingest(DocumentSet.load(paths: paths, published: published, source: source).documents, progress: progress)
    }

    /// Ingest `folder` when the log is empty, so a first start shows
    /// timelines; `nil` when the log holds events or there is no such folder.
    public func seed(from folder: String) async throws -> Summary? {
        guard try await store.headCursor() == .start else { return nil }
        guard FileManager.default.fileExists(atPath: folder) else {
            logger.notice("log is empty and there is no seeds folder to ingest", metadata: ["folder": "\(folder)"])
            return nil
        }
        let summary = try await ingest(paths: [folder])
        logger.notice("seeded an empty log", metadata: ["folder": "\(folder)", "documents": "\(summary.reports.count)"])
        return summary
    }
}
