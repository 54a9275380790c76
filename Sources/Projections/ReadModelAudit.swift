import EventStore
import Foundation
import Logging
import PostgresNIO

/// Checks that the read models are what the log says: folds the log afresh,
/// up to the live checkpoint, into temporary tables and compares every row's
/// digest with the live tables', naming each row that differs.
///
/// Runs in one repeatable-read transaction: the live tables and their
/// checkpoint are seen as one state (the projector commits them together),
/// nobody is blocked, and the temporary tables vanish with it.
public struct ReadModelAudit: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A row of a read model that a fresh fold of the log does not give.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case differs, missing, extra }
        public var table: String
        /// The row's key, as `column=value` pairs.
        public var row: String
        public var kind: Kind
        /// The columns whose values differ (for `differs`).
        public var columns: [String]

        public var description: String {
            switch kind {
            case .differs: return "\(table) row \(row): \(columns.joined(separator: ", ")) differ from a fresh fold of the log"
            case .missing: return "\(table) row \(row): missing (a fresh fold of the log has it)"
            case .extra: return "\(table) row \(row): no event of the log makes it"
            }
        }
    }

    /// What the audit found.
    public struct Report: Sendable {
        /// Where the live read models are up to (the fold went as far).
        public var checkpoint: LogCursor
        public var eventsFolded: Int
        public var rowsCompared: Int
        public var differences: [Difference]
    }

    /// How each table's rows are named (constant SQL, never input).
    static func keys(_ tables: ReadModelTables) -> [(table: String, key: String)] {
        [
            (tables.versions, "'event_id=' || t.event_id || ', version=' || t.version"),
            (tables.parks, "'park_id=' || t.park_id"),
            (tables.documents, "'document_hash=' || t.document_hash"),
        ]
    }

    /// Fold and compare; at most `limit` differences per table are listed.
    public func run(limit: Int = 50) async throws -> Report {
        let projector = TimelineProjector(client: client, logger: logger)
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: logger)
                let checkpoint = try await Self.checkpoint(connection, logger: logger)
                let fold = ReadModelTables.verification
                for (live, scratch) in zip(ReadModelTables.live.all, fold.all) {
                    try await connection.query("""
                        CREATE TEMP TABLE \(unescaped: ReadModelTables.bareName(scratch)) (LIKE \(unescaped: live) INCLUDING ALL) ON COMMIT DROP
                        """, logger: logger)
                }
                var cursor = LogCursor.start
                var folded = 0
                while cursor < checkpoint {
                    let batch = try await EventStore.readAll(on: connection, after: cursor, limit: projector.rebuildBatchSize, logger: logger)
                        .filter { $0.cursor <= checkpoint }
                    guard let last = batch.last else { break }
                    try await projector.apply(batch, to: fold, on: connection)
                    folded += batch.count
                    cursor = last.cursor
                }
                var differences: [Difference] = []
                var compared = 0
                for ((live, key), (scratch, _)) in zip(Self.keys(.live), Self.keys(fold)) {
                    compared += try await Self.count(live, connection, logger: logger)
                    let rows = try await connection.query("""
                        SELECT coalesce(l.k, f.k),
                               CASE WHEN l.k IS NULL THEN 'missing' WHEN f.k IS NULL THEN 'extra' ELSE 'differs' END,
                               coalesce((SELECT string_agg(a.key, ',' ORDER BY a.key)
                                         FROM jsonb_each(l.j) a JOIN jsonb_each(f.j) b USING (key)
                                         WHERE a.value IS DISTINCT FROM b.value), '')
                        FROM (SELECT \(unescaped: key) AS k, to_jsonb(t) AS j FROM \(unescaped: live) t) l
                        FULL JOIN (SELECT \(unescaped: key) AS k, to_jsonb(t) AS j FROM \(unescaped: scratch) t) f ON l.k = f.k
                        WHERE md5(l.j::text) IS DISTINCT FROM md5(f.j::text)
                        ORDER BY 1
                        LIMIT \(limit)
                        """, logger: logger)
                    for try await (row, kind, columns) in rows.decode((String, String, String).self) {
                        differences.append(Difference(table: live, row: row, kind: Difference.Kind(rawValue: kind) ?? .differs,
                                                      columns: columns.split(separator: ",").map(String.init)))
                    }
                }
                return Report(checkpoint: checkpoint, eventsFolded: folded, rowsCompared: compared, differences: differences)
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.commitError ?? error.beginError ?? error
        }
    }

    private static func checkpoint(_ connection: PostgresConnection, logger: Logger) async throws -> LogCursor {
        let rows = try await connection.query(
            "SELECT tx_id::text, position FROM \(unescaped: ReadModelTables.checkpoints) WHERE name = \(TimelineProjector.name)",
            logger: logger)
        for try await (tx, position) in rows.decode((String, Int64).self) {
            return LogCursor(transactionID: UInt64(tx) ?? 0, position: position)
        }
        return .start
    }

    private static func count(_ table: String, _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("SELECT count(*) FROM \(unescaped: table)", logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }
}
