import EventStore
import Extraction
import Foundation
import Logging
import TimelineEvents

/// Documents in, events out: extracts every document first (so a bad one
/// stops the call before anything is written), then appends all documents'
/// streams in one transaction.
///
/// One stream per document, `document-<sha256 of normalised text>`: a
/// `DocumentIngested` then a `TimelineEventExtracted` per event. Reading the
/// same text again with the same extractor writes nothing; a newer extractor
/// appends what it now finds, corrects what it finds differently and
/// retracts what it no longer finds.
public struct Ingestor: Sendable {
    let store: EventStore
    let extractor: Extractor
    /// Where new reports are matched with the events the timeline shows;
    /// `nil`: every report is its own event.
    let resolution: ReportResolution?
    let logger: Logger
    /// Look candidates up and decide while documents are extracted
    /// (`ReportResolution.lookAhead`); off, every decision is taken under the
    /// resolve lock from what it reads there (tests compare the two).
    var looksAhead = true

    public init(store: EventStore, extractor: Extractor, resolution: ReportResolution? = nil, logger: Logger) {
        self.store = store
        self.extractor = extractor
        self.resolution = resolution
        self.logger = logger
    }

    public enum Outcome: Sendable, Equatable {
        case new(events: Int)
        case unchanged
        case reread(added: Int, corrected: Int, retracted: Int)
    }

    public struct Report: Sendable {
        public var document: String
        public var stream: String
        public var outcome: Outcome
        /// Everything the extractor found in the document (written or not).
        public var events: [ExtractedEvent]
        /// Where its last appended event sits in the log; `nil` when nothing was written.
        public var cursor: LogCursor? = nil
    }

    public func ingest(_ documents: [SourceDocument], progress: (Int, Int) -> Void = { _, _ in }) async throws -> [Report] {
        // Each document's reports are looked up by the resolver while the next is extracted.
        let (found, lookups) = AsyncStream.makeStream(of: [TimelineEventPayload].self)
        defer { lookups.finish() }
        async let lookahead = looksAhead ? await resolution?.lookAhead(found) : nil
        var extracted: [(SourceDocument, ExtractionResult)] = []
        /// Each document's reports, as the resolver reads them (`written` below).
        var payloads: [[TimelineEventPayload]] = []
        for (index, document) in documents.enumerated() {
            let result = try extractor.extract(document)
            extracted.append((document, result))
            // As a new document's reports (one read before is not resolved again).
            if resolution != nil {
                payloads.append(result.events.map { Self.payload($0, outlet: document.source) })
                lookups.yield(payloads[index])
            }
            progress(index + 1, documents.count)
        }
        lookups.finish()
        var appends: [EventStore.StreamAppend] = []
        var reports: [Report] = []
        var seenStreams: Set<String> = []
        /// New documents' reports by the id of the log event that records each: resolution need not decode them again.
        var written: [UUID: TimelineEventPayload] = [:]
        for (index, (document, result)) in extracted.enumerated() {
            let stream = try StreamName(category: "document", id: result.documentHash)
            guard seenStreams.insert(stream.rawValue).inserted else {
                reports.append(Report(document: document.name, stream: stream.rawValue, outcome: .unchanged, events: result.events))
                continue
            }
            let history = try await store.read(stream: stream, limit: 100_000)
            let (events, outcome) = try plan(document: document, result: result, history: history,
                                             payloads: resolution != nil ? payloads[index] : nil)
            if history.isEmpty, resolution != nil {
                // A new document's reports are recorded in the order found.
                let recorded = events.filter { $0.type == DomainEventType.timelineEventExtracted.rawValue }
                for (logEvent, payload) in zip(recorded, payloads[index]) { written[logEvent.id] = payload }
            }
            if !events.isEmpty {
                appends.append(.init(stream: stream, expectedVersion: history.isEmpty ? .noStream : .exact(Int64(history.count)), events: events))
            }
            reports.append(Report(document: document.name, stream: stream.rawValue, outcome: outcome, events: result.events))
        }
        let ahead = await lookahead
        guard !appends.isEmpty else { return reports }
        let results: [AppendResult]
        if let resolution {
            // One resolver at a time per database: each sees every report appended before it.
            // Each resolving append sees every report appended before it (the resolve lock).
            results = try await resolution.append(appends, written: written, ahead: ahead ?? nil, to: store, logger: logger)
        } else {
            results = try await store.append(appends)
        }
        let cursors = Dictionary(results.map { ($0.stream.rawValue, $0.lastCursor) }, uniquingKeysWith: { _, last in last })
        for index in reports.indices { reports[index].cursor = cursors[reports[index].stream] }
        return reports
    }

    /// What to append for one document, given what its stream already holds.
    /// `payloads`: its events as the log records them, when already made (`payload(_:outlet:)`).
    func plan(document: SourceDocument, result: ExtractionResult, history: [RecordedEvent],
              payloads: [TimelineEventPayload]? = nil) throws -> ([NewEvent], Outcome) {
        let metadata = ["extractorVersion": Extractor.version, "actor": "parkline ingest", "document": document.name]
        let ingested = DocumentIngested(
            document: document.name, documentHash: result.documentHash, source: document.source,
            published: result.published.description, publishedFrom: result.publishedFrom, title: result.title,
            extractorVersion: Extractor.version, eventCount: result.events.count, characters: result.characterCount,
            text: document.text.utf8.count <= DocumentIngested.maximumTextBytes ? document.text : nil
        )
        let ingestedEvent = try NewEvent(
            id: DeterministicID.ingestion(documentHash: result.documentHash, extractorVersion: Extractor.version),
            type: DomainEventType.documentIngested.rawValue, body: ingested, metadata: metadata
        )
        if history.isEmpty {
            let payloads = payloads ?? result.events.map { Self.payload($0, outlet: document.source) }
            let events = try zip(result.events, payloads).map { try Self.extractedEvent($0, payload: $1, metadata: metadata) }
            return ([ingestedEvent] + events, .new(events: result.events.count))
        }
        let versions = history.filter { $0.type == DomainEventType.documentIngested.rawValue }
            .compactMap { try? $0.decode(DocumentIngested.self).extractorVersion }
        if versions.last == Extractor.version {
            return ([], .unchanged)
        }
        return try reread(result: result, history: history, ingested: ingestedEvent, metadata: metadata)
    }

    /// A newer extractor read a document again: what it finds at the same
    /// place with other details corrects the old event, what is new is added,
    /// and what it no longer finds is retracted.
    func reread(result: ExtractionResult, history: [RecordedEvent], ingested: NewEvent, metadata: [String: String]) throws -> ([NewEvent], Outcome) {
        var live: [UUID: TimelineEventPayload] = [:]
        var order: [UUID] = []
        for (id, state) in TimelineEventState.fold(history) where !state.retracted {
            live[id] = state.event
            order.append(id)
        }
        let reason = "re-read by \(Extractor.version)"
        var unmatched = order
        var added: [NewEvent] = []
        var corrected: [NewEvent] = []
        for event in result.events {
            let fresh = TimelineEventPayload(event)
            let match = live[fresh.eventId] != nil
                ? fresh.eventId
                : unmatched.first { id in live[id]?.source.offset == fresh.source.offset && live[id]?.park.id == fresh.park.id }
            guard let match, let old = live[match] else {
                added.append(try Self.extractedEvent(event, payload: Self.payload(event, outlet: nil), metadata: metadata))
                continue
            }
            unmatched.removeAll { $0 == match }
            let change = TimelineEventCorrected(
                eventId: match,
                parkId: old.park.id,
                type: old.type == fresh.type ? nil : fresh.type,
                date: old.date == fresh.date ? nil : fresh.date,
                precision: old.precision == fresh.precision ? nil : fresh.precision,
                lower: old.lower == fresh.lower ? nil : fresh.lower,
                upper: old.upper == fresh.upper ? nil : fresh.upper,
                title: old.title == fresh.title ? nil : fresh.title,
                reason: reason
            )
            guard old.applying(change) != old else { continue }
            corrected.append(try NewEvent(
                id: DeterministicID.reread(.timelineEventCorrected, of: match, extractorVersion: Extractor.version),
                type: DomainEventType.timelineEventCorrected.rawValue, body: change, metadata: metadata
            ))
        }
        let retracted = try unmatched.map { id in
            try NewEvent(
                id: DeterministicID.reread(.timelineEventRetracted, of: id, extractorVersion: Extractor.version),
                type: DomainEventType.timelineEventRetracted.rawValue,
                body: TimelineEventRetracted(eventId: id, parkId: live[id]?.park.id, reason: "not found when \(reason)"),
                metadata: metadata
            )
        }
        return ([ingested] + added + corrected + retracted,
                .reread(added: added.count, corrected: corrected.count, retracted: retracted.count))
    }

    /// The log event that records `event` (its payload made by `payload(_:outlet:)`).
    static func extractedEvent(_ event: ExtractedEvent, payload: TimelineEventPayload, metadata: [String: String]) throws -> NewEvent {
        try NewEvent(id: logEventID(event), type: DomainEventType.timelineEventExtracted.rawValue, body: payload, metadata: metadata)
    }

    /// The id of the log event that records `event` (the same for every reading of it).
    static func logEventID(_ event: ExtractedEvent) -> UUID {
        DeterministicID.extraction(of: DeterministicID.timelineEvent(identity: event.identity))
    }

    static func payload(_ event: ExtractedEvent, outlet: String?) -> TimelineEventPayload {
        var payload = TimelineEventPayload(event)
        payload.source.outlet = outlet
        return payload
    }
}
