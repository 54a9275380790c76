import ArgumentParser
import EventStore
import Foundation

/// A log event as `replay` and `subscribe` print it: one JSON object a line.
struct LogLine: Encodable {
    var position: Int64
    var cursor: String
    var stream: String
    var version: Int64
    var type: String
    var recordedAt: Date
    var id: String
    var data: AnyJSON

    init(_ event: RecordedEvent) {
        position = event.position
        cursor = event.cursor.description
        stream = event.stream.rawValue
        version = event.streamVersion
        type = event.type
        recordedAt = event.recordedAt
        id = event.id.uuidString.lowercased()
        data = AnyJSON(raw: event.data)
    }

    func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Already-encoded JSON embedded as is.
struct AnyJSON: Encodable {
    var raw: Data
    func encode(to encoder: any Encoder) throws {
        let value = try JSONSerialization.jsonObject(with: raw, options: [.fragmentsAllowed])
        try JSONValue(value).encode(to: encoder)
    }
}

/// A JSONSerialization value made Encodable.
enum JSONValue: Encodable {
    case null, bool(Bool), number(Double), integer(Int), string(String), array([JSONValue]), object([String: JSONValue])

    init(_ value: Any) {
        switch value {
        case let number as NSNumber where CFGetTypeIDIfAvailable(number) == "bool": self = .bool(number.boolValue)
        case let int as Int: self = .integer(int)
        case let double as Double: self = .number(double)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONValue.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init))
        case let bool as Bool: self = .bool(bool)
        default: self = .null
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}

private func CFGetTypeIDIfAvailable(_ number: NSNumber) -> String {
    String(cString: number.objCType) == "c" ? "bool" : "number"
}

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Print the raw log in log order, one JSON event a line (or rebuild the read models).",
        discussion: """
            Each line carries the event's position and the cursor to resume after it.

            Examples:
              parkline replay | head
              parkline replay --from 812-40 --category document
              parkline replay --rebuild
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Resume after this cursor (as printed on each line).") var from: String?
    @Option(help: "Only this stream (e.g. park-suxitong).") var stream: String?
    @Option(help: "Only streams of this category (e.g. document).") var category: String?
    @Option(help: "Stop after this many events.") var limit: Int?
    @Flag(help: "Replay the whole log into fresh read models instead of printing it.") var rebuild = false

    func run() async throws {
        try await Session.with(global, project: false) { session in
            if rebuild {
                let count = try await session.projector.rebuild()
                print("rebuilt the timeline read models from \(count) log events")
                return
            }
            if let stream {
                let name = try StreamName(stream)
                for event in try await session.database.store.read(stream: name, limit: limit ?? 1_000_000) {
                    print(LogLine(event).jsonLine())
                }
                return
            }
            guard var cursor = from.map({ LogCursor($0) }) ?? .start else {
                throw EventStoreError.invalidCursor(from ?? "")
            }
            var printed = 0
            while true {
                let batch = try await session.database.store.readAll(after: cursor, limit: 1000, category: category)
                for event in batch {
                    print(LogLine(event).jsonLine())
                    printed += 1
                    if let limit, printed >= limit { return }
                }
                guard let last = batch.last else { return }
                cursor = last.cursor
            }
        }
    }
}
