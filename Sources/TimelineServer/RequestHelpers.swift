import Crypto
import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import Timeline

/// Reading what clients send: query parameters, JSON bodies, the bearer token.
extension Request {
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
        guard let text = try query(name, maxLength: 12) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest("\(name)=\(text) is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The body as `T`, refusing bodies over `limit` bytes, invalid JSON and wrong types.
    mutating func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int, shape: String) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: limit)
        } catch {
            throw APIError(.contentTooLarge, "too_large", "the request body is over \(limit) bytes: send less")
        }
        let data = Data(buffer: buffer)
        guard String(data: data, encoding: .utf8) != nil else {
            throw APIError.badRequest("the request body is not UTF-8 text: send JSON encoded as UTF-8")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.badRequest("the field \"\(key.stringValue)\" is missing; send \(shape)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError.badRequest("the field \"\(field)\" has the wrong type; send \(shape)")
        } catch {
            throw APIError.badRequest("the request body is not valid JSON; send \(shape)")
        }
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

/// Writes need `Authorization: Bearer <token>`; compared in constant time.
struct WriteAuthorization: Sendable {
    let expectedDigest: [UInt8]?

    init(token: String?) {
        expectedDigest = token.map { Array(SHA256.hash(data: Data($0.utf8))) }
    }

    func check(_ request: Request) throws {
        guard let expectedDigest else {
            throw APIError(.forbidden, "writes_disabled",
                           "this server accepts no writes: start it with PARKLINE_API_TOKEN (or PARKLINE_API_TOKEN_FILE) set to a secret of 16 or more characters")
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(.unauthorized, "unauthorized", "writes need the header Authorization: Bearer <token>",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        let given = Array(SHA256.hash(data: Data(header.dropFirst("Bearer ".count).utf8)))
        // Equal-length digests, every byte compared: the time does not depend on where they differ.
        var difference: UInt8 = 0
        for (a, b) in zip(given, expectedDigest) { difference |= a ^ b }
        guard difference == 0 else {
            throw APIError(.forbidden, "forbidden", "the bearer token is not valid for this server")
        }
    }
}

enum Parse {
    static func eventType(_ text: String?) throws -> EventType? {
        guard let text else { return nil }
        guard let type = EventType(rawValue: text) else {
            throw APIError.badRequest("type \"\(text.prefix(40))\" is not an event type: use \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    static func eventDate(_ text: String?, field: String) throws -> EventDate? {
        guard let text else { return nil }
        guard let date = EventDate(parsing: text) else {
            throw APIError.badRequest("\(field) \"\(text.prefix(40))\" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1 or YYYY-H1")
        }
        return date
    }

    /// An inclusive bound for filters: the first (or last) day the text denotes.
    static func bound(_ text: String?, upper: Bool, field: String) throws -> String? {
        try eventDate(text, field: field).map { upper ? $0.upper.description : $0.lower.description }
    }

    static func timestamp(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        if let date = Instant.parse(text) { return date }
        throw APIError.badRequest("as_of \"\(text.prefix(40))\" is not a time: use ISO 8601, e.g. 2024-05-01T12:00:00Z")
    }

    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw APIError.notFound("no event has the id \"\(text.prefix(40))\": ids are UUIDs, as listed by /v1/events")
        }
        return id
    }
}
