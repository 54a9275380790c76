import Extraction
import Foundation
import TimelineEvents

/// A timeline event as programs receive it (`--format json|ndjson`, HTTP):
/// the field names of the extraction evaluation contract.
public struct EventRecord: Codable, Sendable, Equatable {
    public struct ParkRef: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var aliases: [String]
    }

    public struct Source: Codable, Sendable, Equatable {
        public var document: String
        public var offset: [Int]
        public var published: String
        public var extractorVersion: String?
    }

    public var id: String
    public var type: String
    public var date: String
    public var precision: String
    public var label: String
    public var lower: String
    public var upper: String
    public var expression: String
    public var park: ParkRef
    public var title: String
    public var evidence: String
    public var subjects: [String]
    public var amounts: [Amount]
    public var source: Source

    public init(_ event: ExtractedEvent) {
        id = DeterministicID.timelineEvent(identity: event.identity).uuidString.lowercased()
        type = event.type.rawValue
        date = event.date.formatted
        precision = event.date.precision.rawValue
        label = event.date.label
        lower = event.date.lower.description
        upper = event.date.upper.description
        expression = event.expression
        park = ParkRef(id: event.park.id, name: event.park.name, aliases: event.park.aliases)
        title = event.title
        evidence = event.evidence
        subjects = event.subjects
        amounts = event.amounts
        source = Source(
            document: event.provenance.document,
            offset: [event.provenance.start, event.provenance.end],
            published: event.provenance.published.description,
            extractorVersion: event.provenance.extractorVersion
        )
    }
}

extension EventRecord {
    /// From the read model's stored state.
    public init(_ payload: TimelineEventPayload) {
        id = payload.eventId.uuidString.lowercased()
        type = payload.type
        date = payload.date
        precision = payload.precision
        switch payload.precision {
        case "quarter":
            label = "\(payload.lower.prefix(4)) Q\(((Int(payload.lower.dropFirst(5).prefix(2)) ?? 1) - 1) / 3 + 1)"
        case "half":
            label = "\(payload.lower.prefix(4)) H\(payload.lower.dropFirst(5).hasPrefix("01") ? 1 : 2)"
        default:
            label = payload.date
        }
        lower = payload.lower
        upper = payload.upper
        expression = payload.expression ?? ""
        park = ParkRef(id: payload.park.id, name: payload.park.name, aliases: payload.park.aliases)
        title = payload.title
        evidence = payload.evidence ?? ""
        subjects = payload.subjects
        amounts = payload.amounts.map { Amount(value: $0.value, currency: $0.currency, text: $0.text) }
        source = Source(
            document: payload.source.document ?? payload.source.recordedBy ?? "",
            offset: payload.source.offset ?? [],
            published: payload.source.published ?? "",
            extractorVersion: payload.source.extractorVersion
        )
    }
}

