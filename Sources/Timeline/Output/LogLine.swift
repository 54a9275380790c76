import EventStore
import Foundation

/// One event of the raw log as programs receive it, the same in
/// `GET /v1/log` and `parkline replay`: where it sits (position, cursor,
/// stream and version in it), what it is (id, type, time recorded) and its
/// stored JSON bodies, passed through unchanged.
public struct LogLine: Codable, Sendable {
    public var position: Int64
    /// Resume after this event with it (`after=` or `--from`).
    public var cursor: String
    public var stream: String
    public var stream_version: Int64
    public var id: String
    public var type: String
    public var recorded_at: Date
    public var data: RawJSON
    public var metadata: RawJSON

    public init(_ event: RecordedEvent) {
        position = event.position
        cursor = event.cursor.description
        stream = event.stream.rawValue
        stream_version = event.streamVersion
        id = event.id.uuidString.lowercased()
        type = event.type
        recorded_at = event.recordedAt
        data = RawJSON(data: event.data)
        metadata = RawJSON(data: event.metadata)
    }
}
