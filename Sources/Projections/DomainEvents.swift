import EventStore
import Foundation

/// The event types of Parkline's log and their JSON bodies.
///
/// The shapes are Parkline's own (not the extractor's types): the log must
/// stay readable after the extractor changes.
public enum DomainEventType: String, Sendable, CaseIterable {
    case documentIngested = "DocumentIngested"
    case timelineEventExtracted = "TimelineEventExtracted"
    case timelineEventRecorded = "TimelineEventRecorded"
    case timelineEventCorrected = "TimelineEventCorrected"
    case timelineEventRetracted = "TimelineEventRetracted"
}

/// A park as events carry it.
public struct ParkPayload: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var city: String?

    public init(id: String, name: String, aliases: [String], city: String?) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.city = city
    }
}

/// A timeline event's state: what `TimelineEventExtracted` and `…Recorded` carry.
public struct TimelineEventPayload: Codable, Sendable, Hashable {
    public struct Source: Codable, Sendable, Hashable {
        public var document: String?
        public var documentHash: String?
        public var offset: [Int]?
        public var published: String?
        public var extractorVersion: String?
        public var recordedBy: String?

        public init(document: String? = nil, documentHash: String? = nil, offset: [Int]? = nil,
                    published: String? = nil, extractorVersion: String? = nil, recordedBy: String? = nil) {
            self.document = document
            self.documentHash = documentHash
            self.offset = offset
            self.published = published
            self.extractorVersion = extractorVersion
            self.recordedBy = recordedBy
        }
    }

    public struct Money: Codable, Sendable, Hashable {
        public var value: Double
        public var currency: String
        public var text: String

        public init(value: Double, currency: String, text: String) {
            self.value = value
            self.currency = currency
            self.text = text
        }
    }

    public var eventId: UUID
    public var type: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var date: String
    public var precision: String
    public var lower: String
    public var upper: String
    public var expression: String?
    public var park: ParkPayload
    public var title: String
    public var evidence: String?
    public var subjects: [String]
    public var amounts: [Money]
    public var source: Source

    public init(eventId: UUID, type: String, date: String, precision: String, lower: String, upper: String,
                expression: String?, park: ParkPayload, title: String, evidence: String?, subjects: [String],
                amounts: [Money], source: Source) {
        self.eventId = eventId
        self.type = type
        self.date = date
        self.precision = precision
        self.lower = lower
        self.upper = upper
        self.expression = expression
        self.park = park
        self.title = title
        self.evidence = evidence
        self.subjects = subjects
        self.amounts = amounts
        self.source = source
    }
}

public struct DocumentIngested: Codable, Sendable, Hashable {
    public var document: String
    public var documentHash: String
    public var source: String?
    public var published: String
    public var publishedFrom: String
    public var title: String
    public var extractorVersion: String
    public var eventCount: Int
    public var characters: Int

    public init(document: String, documentHash: String, source: String?, published: String, publishedFrom: String,
                title: String, extractorVersion: String, eventCount: Int, characters: Int) {
        self.document = document
        self.documentHash = documentHash
        self.source = source
        self.published = published
        self.publishedFrom = publishedFrom
        self.title = title
        self.extractorVersion = extractorVersion
        self.eventCount = eventCount
        self.characters = characters
    }
}

/// A change to a timeline event: the fields given replace the current ones.
public struct TimelineEventCorrected: Codable, Sendable, Hashable {
    public var eventId: UUID
    /// The event's park, so subscribers can filter without a lookup (absent in old logs).
    public var parkId: String?
    public var type: String?
    public var date: String?
    public var precision: String?
    public var lower: String?
    public var upper: String?
    public var title: String?
    public var reason: String

    public init(eventId: UUID, parkId: String? = nil, type: String? = nil, date: String? = nil, precision: String? = nil,
                lower: String? = nil, upper: String? = nil, title: String? = nil, reason: String) {
        self.eventId = eventId
        self.parkId = parkId
        self.type = type
        self.date = date
        self.precision = precision
        self.lower = lower
        self.upper = upper
        self.title = title
        self.reason = reason
    }
}

public struct TimelineEventRetracted: Codable, Sendable, Hashable {
    public var eventId: UUID
    public var parkId: String?
    public var reason: String

    public init(eventId: UUID, parkId: String? = nil, reason: String) {
        self.eventId = eventId
        self.parkId = parkId
        self.reason = reason
    }
}

extension TimelineEventPayload {
    /// The state after `correction`: the fields it gives replace these.
    public func applying(_ correction: TimelineEventCorrected) -> TimelineEventPayload {
        var result = self
        if let type = correction.type { result.type = type }
        if let date = correction.date { result.date = date }
        if let precision = correction.precision { result.precision = precision }
        if let lower = correction.lower { result.lower = lower }
        if let upper = correction.upper { result.upper = upper }
        if let title = correction.title { result.title = title }
        return result
    }
}

/// The park a timeline event of the log concerns, for filtering streams.
public enum TimelineEventPark {
    public static func of(_ event: RecordedEvent) -> String? {
        switch DomainEventType(rawValue: event.type) {
        case .timelineEventExtracted, .timelineEventRecorded:
            return (try? event.decode(TimelineEventPayload.self))?.park.id
        case .timelineEventCorrected:
            return (try? event.decode(TimelineEventCorrected.self))?.parkId ?? parkOfStream(event.stream)
        case .timelineEventRetracted:
            return (try? event.decode(TimelineEventRetracted.self))?.parkId ?? parkOfStream(event.stream)
        case .documentIngested, nil:
            return nil
        }
    }

    static func parkOfStream(_ stream: StreamName) -> String? {
        stream.category == "park" ? stream.id : nil
    }
}
