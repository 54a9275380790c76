import EventStore
import Foundation
import PostgresNIO
import Projections

/// The reads that keep the resolver's candidate index (`CandidateIndex`).
extension TimelineQueries {
    /// An event's current version, made by a log event applied since the index last looked.
    public struct VersionChange: Sendable, Equatable {
        public var eventId: UUID
        public var position: Int64
        public var park: String
        public var retracted: Bool
    }

    /// One current event as the candidate lookup reads it.
    public struct IndexRow: Sendable {
        public var eventId: UUID
        public var position: Int64
        public var park: String
        public var typeClass: String
        public var lower: String
        public var upper: String
        public var precision: String
        public var subjectKeys: [String]
        public var title: String
        public var evidence: String?
        /// `(payload -> 'reports')::text`.
        public var reports: String?
    }

    /// The read model's state for an ingest's resolution.
    public struct ResolutionState: Sendable {
        public var checkpoint: LogCursor
        /// The park directory's fingerprint (`parkDirectoryFingerprint`).
        public var directory: Int64
        /// The current versions made by the log events after `changesSince`
        /// up to the checkpoint; `nil` when not asked or more than the limit.
        public var changes: [VersionChange]?
    }

    /// The read model's checkpoint when it holds everything the log has
    /// committed of `types` (as `currentCheckpoint`), with the park
    /// directory's fingerprint and the changes since `since` (at most `limit`
    /// log events) read in the same statement, so that both are the read
    /// model's at that checkpoint. `nil` when the read model is behind.
    public func resolutionState(types: [String], changesSince since: LogCursor?, limit: Int) async throws -> ResolutionState? {
        let after = since ?? .start
        let rows = try await client.query("""
            SELECT c.tx_id::text, c.position, c.code_version, c.current, d.*,
                   ch.logged, ch.ids, ch.positions, ch.parks, ch.retracted
            FROM parkline_checkpoint(\(TimelineProjector.name), \(types)) AS c
            CROSS JOIN (SELECT \(unescaped: Self.directoryState)) AS d
            CROSS JOIN LATERAL (
                SELECT count(DISTINCT e.global_position)::int8 AS logged,
                       coalesce(array_agg(v.event_id) FILTER (WHERE v.event_id IS NOT NULL), '{}') AS ids,
                       coalesce(array_agg(v.log_position) FILTER (WHERE v.event_id IS NOT NULL), '{}') AS positions,
                       coalesce(array_agg(v.park_id) FILTER (WHERE v.event_id IS NOT NULL), '{}') AS parks,
                       coalesce(array_agg(v.retracted) FILTER (WHERE v.event_id IS NOT NULL), '{}') AS retracted
                FROM (
                    SELECT e.global_position FROM events e
                    WHERE \(since != nil) AND (e.tx_id, e.global_position) > (\(String(after.transactionID))::xid8, \(after.position))
                      AND (e.tx_id, e.global_position) <= (c.tx_id, c.position)
                    ORDER BY e.tx_id, e.global_position LIMIT \(limit + 1)
                ) AS e
                LEFT JOIN \(unescaped: ReadModelTables.live.versions) v ON v.log_position = e.global_position AND v.valid_to IS NULL
            ) AS ch
            """, logger: logger)
        for try await row in rows.decode((String, Int64, String, Bool, Int64, Int64, Int64, [UUID], [Int64], [String], [Bool]).self) {
            let (tx, position, version, current, count, sum, logged, ids, positions, parks, retracted) = row
            guard let checkpoint = Self.cursor(tx, position, version, current) else { return nil }
            let changes = since == nil || logged > limit ? nil
                : ids.indices.map { VersionChange(eventId: ids[$0], position: positions[$0], park: parks[$0], retracted: retracted[$0]) }
            return ResolutionState(checkpoint: checkpoint, directory: Self.fingerprint(count, sum), changes: changes)
        }
        return nil
    }

    /// The rows of these versions (rows never change once written, so any snapshot gives the same).
    public func indexRows(of versions: [EventVersion]) async throws -> [IndexRow] {
        guard !versions.isEmpty else { return [] }
        return try await indexRows("""
            SELECT \(unescaped: Self.indexColumns)
            FROM unnest(\(versions.map(\.eventId)), \(versions.map(\.position))) AS k(event_id, log_position)
            JOIN \(unescaped: ReadModelTables.live.versions) v USING (event_id, log_position)
            """)
    }

    /// Every current event of `parks` at the read model's checkpoint, for
    /// the parks with at most `limit` current events (the rest are
    /// `tooLarge`); `nil` when the checkpoint is not `checkpoint` any more.
    public func indexRows(ofParks parks: [String], limit: Int, at checkpoint: LogCursor) async throws
        -> (rows: [IndexRow], tooLarge: [String])? {
        var tooLarge: [String] = []
        let counts = try await client.query("""
            SELECT p.park, (SELECT count(*) FROM (SELECT 1 FROM \(unescaped: ReadModelTables.live.versions) v
                                                  WHERE v.park_id = p.park AND v.valid_to IS NULL LIMIT \(limit + 1)) AS n)::int8
            FROM unnest(\(parks)) AS p(park)
            """, logger: logger)
        for try await (park, count) in counts.decode((String, Int64).self) where count > limit { tooLarge.append(park) }
        let small = parks.filter { !tooLarge.contains($0) }
        // The checkpoint beside the rows, so both are of one snapshot.
        let rows = try await indexRows(at: checkpoint, """
            SELECT c.tx_id::text, c.position, r.*
            FROM \(unescaped: ReadModelTables.checkpoints) AS c
            LEFT JOIN LATERAL (
                SELECT \(unescaped: Self.indexColumns) FROM \(unescaped: ReadModelTables.live.versions) v
                WHERE v.park_id = ANY(\(small)) AND v.valid_to IS NULL AND NOT v.retracted
            ) AS r ON true
            WHERE c.name = \(TimelineProjector.name)
            """)
        return rows.map { ($0, tooLarge) }
    }

    /// Every current event in spans of days of one kind of act of a park
    /// (`all`: every event whose first day is in it, `coarse`: those known only
    /// to the quarter, half or year; days since 1970-01-01) at the read
    /// model's checkpoint; `nil` when the checkpoint is not `checkpoint` any more.
    func indexRows(ofSpans spans: [CandidateIndex.SpanRequest], at checkpoint: LogCursor) async throws -> [IndexRow]? {
        let day = { (days: [Int]) in days.map(Int64.init) }
        return try await indexRows(at: checkpoint, """
            SELECT c.tx_id::text, c.position, r.*
            FROM \(unescaped: ReadModelTables.checkpoints) AS c
            LEFT JOIN LATERAL (
                SELECT \(unescaped: Self.indexColumns)
                FROM unnest(\(spans.map(\.park)), \(spans.map(\.typeClass)), \(day(spans.map(\.all.lowerBound))),
                            \(day(spans.map(\.all.upperBound))), \(day(spans.map(\.coarse.lowerBound))),
                            \(day(spans.map(\.coarse.upperBound)))) AS s(park, class, a1, a2, c1, c2)
                JOIN \(unescaped: ReadModelTables.live.versions) v
                  ON v.park_id = s.park AND v.type_class = s.class AND v.valid_to IS NULL AND NOT v.retracted
                 AND ((v.lower_date BETWEEN date '1970-01-01' + s.a1::int AND date '1970-01-01' + s.a2::int)
                      OR (v.precision IN ('quarter', 'half', 'year')
                          AND v.lower_date BETWEEN date '1970-01-01' + s.c1::int AND date '1970-01-01' + s.c2::int))
            ) AS r ON true
            WHERE c.name = \(TimelineProjector.name)
            """)
    }

    /// Rows read beside the read model's checkpoint (the query's first two
    /// columns); `nil` when it is not `checkpoint` any more.
    private func indexRows(at checkpoint: LogCursor, _ query: PostgresQuery) async throws -> [IndexRow]? {
        let rows = try await client.query(query, logger: logger)
        var result: [IndexRow] = []
        for try await row in rows.decode((String, Int64, UUID?, Int64?, String?, String?, String?, String?, String?, [String]?, String?,
                                          String?, String?).self) {
            guard UInt64(row.0) == checkpoint.transactionID, row.1 == checkpoint.position else { return nil }
            if let indexRow = Self.indexRow((row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10, row.11, row.12)) {
                result.append(indexRow)
            }
        }
        return result
    }

    private static let indexColumns = """
        v.event_id, v.log_position, v.park_id, v.type_class, v.lower_date::text, v.upper_date::text, v.precision,
        v.subject_keys, v.title, v.payload ->> 'evidence', (v.payload -> 'reports')::text
        """

    private func indexRows(_ query: PostgresQuery) async throws -> [IndexRow] {
        var result: [IndexRow] = []
        let rows = try await client.query(query, logger: logger)
        for try await row in rows.decode((UUID?, Int64?, String?, String?, String?, String?, String?, [String]?, String?, String?,
                                          String?).self) {
            if let indexRow = Self.indexRow(row) { result.append(indexRow) }
        }
        return result
    }

    private static func indexRow(_ row: (UUID?, Int64?, String?, String?, String?, String?, String?, [String]?, String?, String?, String?))
        -> IndexRow? {
        guard let id = row.0, let position = row.1, let park = row.2, let typeClass = row.3, let lower = row.4, let upper = row.5,
              let precision = row.6, let title = row.8 else { return nil }
        return IndexRow(eventId: id, position: position, park: park, typeClass: typeClass, lower: lower, upper: upper,
                        precision: precision, subjectKeys: row.7 ?? [], title: title, evidence: row.9, reports: row.10)
    }
}
