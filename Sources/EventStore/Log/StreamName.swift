/// A stream's name, `category-id` (as in Message DB): `document-<sha256>`,
/// `park-<id>`. The category is what comes before the first hyphen.
public struct StreamName: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let maximumLength = 200

    public init(_ rawValue: String) throws(EventStoreError) {
        guard rawValue.utf8.count <= Self.maximumLength,
              let hyphen = rawValue.firstIndex(of: "-") else {
            throw .invalidStreamName(rawValue)
        }
        let category = rawValue[..<hyphen]
        let id = rawValue[rawValue.index(after: hyphen)...]
        guard let first = category.unicodeScalars.first, ("a"..."z").contains(first),
              category.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }),
              !id.isEmpty,
              !id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            throw .invalidStreamName(rawValue)
        }
        self.rawValue = rawValue
    }

    /// A name read back from `events`, whose CHECK constraint admitted it.
    init(stored rawValue: String) {
        self.rawValue = rawValue
    }

    public init(category: String, id: String) throws(EventStoreError) {
        try self.init(category + "-" + id)
    }

    public var category: String { String(rawValue[..<rawValue.firstIndex(of: "-")!]) }
    public var id: String { String(rawValue[rawValue.index(after: rawValue.firstIndex(of: "-")!)...]) }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
