import EventStore
import Foundation
import PostgresNIO
import Projections
import TimelineEvents

extension TimelineQueries {
    /// Where one event stood at one place in the log.
    public struct StatePoint: Sendable, Hashable {
        public var eventID: UUID
        public var position: Int64

        public init(eventID: UUID, position: Int64) {
            self.eventID = eventID
            self.position = position
        }
    }

    /// Each event's state as the log left it at a position (its newest
    /// version written at or before it), by point, and the read
    /// model's checkpoint from the same statement: a point past the
    /// checkpoint may not be applied yet.
    public func states(at points: [StatePoint]) async throws -> (states: [StatePoint: TimelineEventPayload], checkpoint: LogCursor) {
        let rows = try await client.query("""
            SELECT c.tx_id::text, c.position, s.id, s.pos, s.payload::text
            FROM (SELECT 1) AS one
            LEFT JOIN \(unescaped: ReadModelTables.checkpoints) c ON c.name = \(TimelineProjector.name)
            LEFT JOIN LATERAL (
                SELECT p.id, p.pos, v.payload FROM unnest(\(points.map(\.eventID)), \(points.map(\.position))) AS p(id, pos)
                CROSS JOIN LATERAL (
                    SELECT payload FROM \(unescaped: ReadModelTables.live.versions)
                    WHERE event_id = p.id AND log_position <= p.pos ORDER BY version DESC LIMIT 1) AS v
            ) AS s ON true
            """, logger: logger)
        var states: [StatePoint: TimelineEventPayload] = [:]
        var checkpoint = LogCursor.start
        let decoder = JSONDecoder()
        for try await (tx, position, id, point, json) in rows.decode((String?, Int64?, UUID?, Int64?, String?).self) {
            if let tx, let position { checkpoint = LogCursor(transactionID: UInt64(tx) ?? 0, position: position) }
            if let id, let point, let json {
                states[StatePoint(eventID: id, position: point)] = try decoder.decode(TimelineEventPayload.self, from: Data(json.utf8))
            }
        }
        return (states, checkpoint)
    }
}
