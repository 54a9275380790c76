import EventStore
import Foundation
import Projections
import Timeline

/// Request and response bodies of the HTTP API (snake_case on the wire).
enum API {
    struct ParkList: Encodable {
        var parks: [TimelineQueries.ParkSummary]
    }

    struct EventPage: Encodable {
        var park: TimelineQueries.ParkSummary?
        var events: [EventRecord]
        var next_cursor: String?
    }

    struct Version: Encodable {
        var version: Int
        var known_from: Date
        var known_until: Date?
        var retracted: Bool
        var event: EventRecord
    }

    struct EventDetail: Encodable {
        var event: EventRecord
        var retracted: Bool
        var history: [Version]
    }

    struct LogEntry: Encodable {
        var position: Int64
        var cursor: String
        var stream: String
        var stream_version: Int64
        var id: String
        var type: String
        var recorded_at: Date
        var data: RawJSON
        var metadata: RawJSON
    }

    struct LogPage: Encodable {
        var events: [LogEntry]
        var next_cursor: String
    }

    struct DocumentRequest: Decodable {
        var text: String
        var published: String?
        var source: String?
        var name: String?
    }

    struct DocumentResponse: Encodable {
        var document: String
        var stream: String
        var outcome: String
        var events: [EventRecord]
    }

    struct RecordRequest: Decodable {
        var type: String
        var date: String
        var title: String
        var evidence: String?
        var source: String?
    }

    struct RetractRequest: Decodable {
        var reason: String
    }

    struct CorrectRequest: Decodable {
        var date: String?
        var type: String?
        var title: String?
        var reason: String
    }

    struct ChangeResponse: Encodable {
        var event: EventRecord
        var retracted: Bool
        var cursor: String
        var duplicate: Bool
    }

    struct StreamMessage: Encodable {
        var type: String
        var cursor: String
        var position: Int64
        var park: String?
        var recorded_at: Date
        /// The event's state, for extracted and recorded events.
        var event: EventRecord?
        /// What changed, for corrections and retractions.
        var change: RawJSON?
    }

    struct Health: Encodable {
        var status: String
        var database: String?
        var projector_lag: Int?
        var projector_role: String?
    }
}

/// JSON stored in the log, passed through as it is.
struct RawJSON: Encodable {
    let data: Data

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        try container.encode(value)
    }
}

/// Any JSON value, to re-encode stored JSON inside a response.
enum JSONValue: Codable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}
