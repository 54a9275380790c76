/// A reader's place in the log: the `(tx_id, global_position)` pair of the
/// last event it has seen. Log order is this pair's order, not the position
/// alone (see DESIGN.md, "Gapless reads").
///
/// Shown to users as one opaque token, `<tx_id>-<position>`; `0-0` is the
/// start of the log.
public struct LogCursor: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public var transactionID: UInt64
    public var position: Int64

    public static let start = LogCursor(transactionID: 0, position: 0)

    public init(transactionID: UInt64, position: Int64) {
        self.transactionID = transactionID
        self.position = position
    }

    /// Parse a `<tx_id>-<position>` token.
    public init?(_ description: String) {
        let parts = description.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let tx = UInt64(parts[0]), let position = Int64(parts[1]), position >= 0 else {
            return nil
        }
        self.init(transactionID: tx, position: position)
    }

    public var description: String { "\(transactionID)-\(position)" }

    public static func < (lhs: LogCursor, rhs: LogCursor) -> Bool {
        (lhs.transactionID, lhs.position) < (rhs.transactionID, rhs.position)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let cursor = LogCursor(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a log cursor: \(text)")
        }
        self = cursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
