import Foundation

/// An event to append: its id (the idempotency key), type and JSON bodies.
public struct NewEvent: Sendable, Equatable {
    public var id: UUID
    public var type: String
    /// UTF-8 JSON object.
    public var data: Data
    /// UTF-8 JSON object: correlation and causation ids, actor, extractor version.
    public var metadata: Data

    public init(id: UUID = UUID(), type: String, data: Data, metadata: Data = Data("{}".utf8)) {
        self.id = id
        self.type = type
        self.data = data
        self.metadata = metadata
    }

    /// Encode `data` and `metadata` as JSON (keys sorted, so equal values give equal bytes).
    public init<Body: Encodable>(id: UUID = UUID(), type: String, body: Body, metadata: [String: String] = [:]) throws {
        let encoder = JSONEncoder.eventBody
        self.init(id: id, type: type, data: try encoder.encode(body), metadata: try encoder.encode(metadata))
    }
}

extension JSONEncoder {
    /// How event bodies are written: keys sorted, so equal values give equal bytes.
    public static var eventBody: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
