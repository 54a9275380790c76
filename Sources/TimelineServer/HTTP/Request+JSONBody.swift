import Foundation
import Hummingbird

extension Request {
    /// The body as `T`, refusing bodies over `limit` bytes, invalid JSON and
    /// wrong types; `shape` tells the client what to send instead.
    mutating func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int, shape: String) async throws -> T {
        guard Self.isJSON(headers[.contentType]) else {
            throw APIError(.unsupportedMediaType, "unsupported_media_type",
                           "the request body must be JSON, sent with the header Content-Type: application/json")
        }
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

    /// `application/json` or a `+json` type, with or without parameters (`; charset=utf-8`).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() else {
            return false
        }
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }
}
