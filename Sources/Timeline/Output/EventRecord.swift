import Extraction
import Foundation

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
        id = event.id.uuidString.lowercased()
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

    /// One line of JSON, keys sorted (stable output for diffs and pipes).
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
