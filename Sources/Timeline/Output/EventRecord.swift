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
    /// The first report's source.
    public var source: Source
    /// Every report of the event, oldest first (one for most events).
    public var reports: [Report]
    /// The earliest publication date among the reports.
    public var first_reported: String
    /// The days the reports give when they disagree; absent when they agree.
    public var dates_reported: [String]?

    /// One outlet's report: where it was read and what it said.
    public struct Report: Codable, Sendable, Equatable {
        /// The report's own event id (`parkline split` takes it).
        public var id: String
        public var document: String
        /// The outlet, when the document's manifest or request named one.
        public var outlet: String?
        public var published: String
        public var date: String
        /// What this report says; absent for the first report, whose
        /// evidence is the event's own (`evidence`).
        public var evidence: String?
        public var offset: [Int]
    }

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
        reports = [Report(id: id, document: source.document, outlet: nil, published: source.published, date: date,
                          evidence: nil, offset: source.offset)]
        first_reported = source.published
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
        reports = payload.allReports.enumerated().map { index, report in
            Report(id: report.eventId.uuidString.lowercased(), document: report.source.document ?? report.source.recordedBy ?? "",
                   outlet: report.source.outlet, published: report.source.published ?? "", date: report.date,
                   evidence: index == 0 ? nil : report.evidence, offset: report.source.offset ?? [])
        }
        first_reported = payload.firstReported ?? ""
        dates_reported = payload.datesReported
    }
}

