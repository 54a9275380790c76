import Foundation
import HTTPTypes
import Hummingbird
import Timeline

/// Reading what clients send in the URI and headers. Values are parsed by
/// `TimelineInput`, as the CLI parses its flags.
extension Request {
    /// The query and path parameters' parser.
    static let input = TimelineInput(.parameter)

    /// A query parameter; `nil` when absent or empty.
    func query(_ name: String, maxLength: Int = 200) throws -> String? {
        guard let value = uri.queryParameters.get(name) else { return nil }
        if value.isEmpty { return nil }
        guard value.count <= maxLength else { throw APIError.badRequest("the \(name) parameter is longer than \(maxLength) characters") }
        try Self.refuseControlCharacters(value, in: "the \(name) parameter")
        return value
    }

    /// Control characters (NUL above all) are never part of a name, date or
    /// cursor, and PostgreSQL refuses NUL in text: refuse them up front.
    static func refuseControlCharacters(_ value: String, in what: String) throws {
        if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw APIError.badRequest("\(what) contains the control character \(String(format: "U+%04X", control.value)): remove it")
        }
    }

    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        if uri.queryParameters.get(name)?.isEmpty == true {
            throw APIError.badRequest("\(name)= is empty: give a number from \(range.lowerBound) to \(range.upperBound), or leave it out")
        }
        guard let text = try query(name, maxLength: 12) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest("\(name)=\(text) is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The `q` parameter: text to search titles, subjects and evidence for.
    func searchText() throws -> String? {
        TextSearch.needle(try query("q", maxLength: TextSearch.maximumLength))
    }

    var idempotencyKey: String? {
        get throws {
            guard let key = headers[.idempotencyKey] else { return nil }
            guard (1...200).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F }) else {
                throw APIError.badRequest("the Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID works)")
            }
            return key
        }
    }
}

/// The `{id}` path segment, percent-decoded (park names arrive as UTF-8 escapes).
func pathParameter(_ context: some RequestContext) throws -> String {
    let raw = try context.parameters.require("id")
    let value = raw.removingPercentEncoding ?? raw
    try Request.refuseControlCharacters(value, in: "the path")
    return value
}

/// The `{id}` path segment as an event id; an id that is not a UUID names no event.
func eventIDParameter(_ context: some RequestContext) throws -> UUID {
    let text = try pathParameter(context)
    guard let id = UUID(uuidString: text) else {
        throw APIError.notFound("no event has the id \"\(text.prefix(40))\": ids are UUIDs, as listed by /v1/events")
    }
    return id
}

extension HTTPField.Name {
    public static let idempotencyKey = Self("Idempotency-Key")!
    public static let lastEventID = Self("Last-Event-ID")!
}
