import Foundation

/// An event as the log holds it.
public struct RecordedEvent: Sendable, Equatable {
    public var position: Int64
    public var transactionID: UInt64
    public var id: UUID
    public var stream: StreamName
    /// 1 for a stream's first event.
    public var streamVersion: Int64
    public var type: String
    public var data: Data
    public var metadata: Data
    public var recordedAt: Date

    /// The cursor that resumes reading right after this event.
    public var cursor: LogCursor { LogCursor(transactionID: transactionID, position: position) }

    public func decode<Body: Decodable>(_ type: Body.Type) throws -> Body {
        try JSONDecoder().decode(Body.self, from: data)
    }
}

/// What an append wrote (or, for a retried request, had written before).
public struct AppendResult: Sendable, Equatable {
    public var stream: StreamName
    /// Global positions of the events, in the order given.
    public var positions: [Int64]
    /// The stream's version after the append.
    public var streamVersion: Int64
    /// The cursor of the last event appended.
    public var lastCursor: LogCursor
    /// `true` when every event was already stored: nothing was written.
    public var wasDuplicate: Bool
}
