import EventStore
import Extraction
import Foundation
import Logging
import Projections

/// Documents in, events out: extracts every document first (so a bad one
/// stops the call before anything is written), then appends all documents'
/// streams in one transaction.
///
/// One stream per document, `document-<sha256 of normalised text>`: a
/// `DocumentIngested` then a `TimelineEventExtracted` per event. Reading the
/// same text again with the same extractor writes nothing; a newer extractor
/// appends what it now finds and retracts what it no longer does.
public struct Ingestor: Sendable {
    let store: EventStore
    let extractor: Extractor
    let logger: Logger

    public init(store: EventStore, extractor: Extractor, logger: Logger) {
        self.store = store
        self.extractor = extractor
        self.logger = logger
    }

    public enum Outcome: Sendable, Equatable {
        case new(events: Int)
        case unchanged
        case reread(added: Int, retracted: Int)
    }

    public struct Report: Sendable {
        public var document: String
        public var stream: String
        public var outcome: Outcome
    }

    public func ingest(_ documents: [SourceDocument], progress: (Int, Int) -> Void = { _, _ in }) async throws -> [Report] {
        var extracted: [(SourceDocument, ExtractionResult)] = []
        for (index, document) in documents.enumerated() {
            extracted.append((document, try extractor.extract(document)))
            progress(index + 1, documents.count)
        }
        var appends: [EventStore.StreamAppend] = []
        var reports: [Report] = []
        var seenStreams: Set<String> = []
        for (document, result) in extracted {
            let stream = try StreamName(category: "document", id: result.documentHash)
            guard seenStreams.insert(stream.rawValue).inserted else {
                reports.append(Report(document: document.name, stream: stream.rawValue, outcome: .unchanged))
                continue
            }
            let history = try await store.read(stream: stream, limit: 100_000)
            let (events, outcome) = try plan(document: document, result: result, history: history)
            if !events.isEmpty {
                appends.append(.init(stream: stream, expectedVersion: history.isEmpty ? .noStream : .exact(Int64(history.count)), events: events))
            }
            reports.append(Report(document: document.name, stream: stream.rawValue, outcome: outcome))
        }
        if !appends.isEmpty {
            _ = try await store.append(appends)
        }
        return reports
    }

    /// What to append for one document, given what its stream already holds.
    func plan(document: SourceDocument, result: ExtractionResult, history: [RecordedEvent]) throws -> ([NewEvent], Outcome) {
        let metadata = ["extractorVersion": Extractor.version, "actor": "parkline ingest", "document": document.name]
        let ingested = DocumentIngested(
            document: document.name, documentHash: result.documentHash, source: document.source,
            published: result.published.description, publishedFrom: result.publishedFrom, title: result.title,
            extractorVersion: Extractor.version, eventCount: result.events.count, characters: result.characterCount
        )
        let ingestedEvent = try NewEvent(
            id: Self.uuid("\(result.documentHash):ingested:\(Extractor.version)"),
            type: DomainEventType.documentIngested.rawValue, body: ingested, metadata: metadata
        )
        if history.isEmpty {
            let events = try result.events.map { try Self.extractedEvent($0, metadata: metadata) }
            return ([ingestedEvent] + events, .new(events: result.events.count))
        }
        let versions = history.filter { $0.type == DomainEventType.documentIngested.rawValue }
            .compactMap { try? $0.decode(DocumentIngested.self).extractorVersion }
        if versions.last == Extractor.version {
            return ([], .unchanged)
        }
        var live = Set<UUID>()
        for event in history {
            switch DomainEventType(rawValue: event.type) {
            case .timelineEventExtracted: if let p = try? event.decode(TimelineEventPayload.self) { live.insert(p.eventId) }
            case .timelineEventRetracted: if let r = try? event.decode(TimelineEventRetracted.self) { live.remove(r.eventId) }
            default: break
            }
        }
        let now = Set(result.events.map(\.id))
        let added = try result.events.filter { !live.contains($0.id) }.map { try Self.extractedEvent($0, metadata: metadata) }
        let retracted = try live.subtracting(now).sorted { $0.uuidString < $1.uuidString }.map { id in
            try NewEvent(
                id: Self.uuid("\(id):retracted:\(Extractor.version)"),
                type: DomainEventType.timelineEventRetracted.rawValue,
                body: TimelineEventRetracted(eventId: id, reason: "not found by \(Extractor.version)"),
                metadata: metadata
            )
        }
        return ([ingestedEvent] + added + retracted, .reread(added: added.count, retracted: retracted.count))
    }

    static func extractedEvent(_ event: ExtractedEvent, metadata: [String: String]) throws -> NewEvent {
        try NewEvent(
            id: uuid("\(event.id):extracted"),
            type: DomainEventType.timelineEventExtracted.rawValue,
            body: TimelineEventPayload(event),
            metadata: metadata
        )
    }

    /// Deterministic ids make a retried ingest a no-op in the log.
    static func uuid(_ key: String) -> UUID {
        var hash: (UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4)
        for byte in key.utf8 {
            hash.0 = (hash.0 ^ UInt64(byte)) &* 0x0100_0000_01b3
            hash.1 = (hash.1 ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37
        }
        var bytes = withUnsafeBytes(of: hash.0.bigEndian, Array.init) + withUnsafeBytes(of: hash.1.bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

extension TimelineEventPayload {
    init(_ event: ExtractedEvent) {
        self.init(
            eventId: event.id, type: event.type.rawValue, date: event.date.formatted,
            precision: event.date.precision.rawValue, lower: event.date.lower.description, upper: event.date.upper.description,
            expression: event.expression,
            park: ParkPayload(id: event.park.id, name: event.park.name, aliases: event.park.aliases, city: event.park.city),
            title: event.title, evidence: event.evidence, subjects: event.subjects,
            amounts: event.amounts.map { Money(value: $0.value, currency: $0.currency, text: $0.text) },
            source: .init(
                document: event.provenance.document, documentHash: event.provenance.documentHash,
                offset: [event.provenance.start, event.provenance.end],
                published: event.provenance.published.description, extractorVersion: event.provenance.extractorVersion
            )
        )
    }
}
