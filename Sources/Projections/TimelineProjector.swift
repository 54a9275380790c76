import EventStore
import Foundation
import Logging
import PostgresNIO

/// Projects the log into the timeline read models: event versions (what was
/// known when), the park directory and documents.
///
/// Each batch is read, applied and checkpointed in one transaction, so a
/// crash at any point leaves the read model and checkpoint consistent: the
/// batch is applied again in full, or it was applied once. The checkpoint row
/// is locked for the batch, so two projectors on one database take turns
/// instead of applying an event twice.
public struct TimelineProjector: Sendable {
    public static let name = "timeline"
    /// Bump when the projection's code changes: a stored checkpoint of another
    /// version makes the next run rebuild from the start.
    public static let codeVersion = "timeline/1"

    let client: PostgresClient
    let logger: Logger
    public var batchSize: Int
    /// A rebuild's bulk phase commits in larger batches (nobody waits on them);
    /// parkline-bench measured 13.8k events/s at 500 and 18.9k at 5,000.
    public var rebuildBatchSize: Int
    /// Called after each event applied within a batch (with the count so far),
    /// before the batch commits. Tests throw from it to crash mid-batch.
    public var afterApply: (@Sendable (Int) throws -> Void)?
    /// What this projector keeps between batches (shared by its copies).
    let cache = ProjectionCache()

    public init(client: PostgresClient, logger: Logger, batchSize: Int = 500, rebuildBatchSize: Int = 5000) {
        self.client = client
        self.logger = logger
        self.batchSize = batchSize
        self.rebuildBatchSize = rebuildBatchSize
    }

    /// Apply everything the log holds beyond the checkpoint; returns how many events were read.
    @discardableResult
    public func catchUp() async throws -> Int {
        // A projection never run starts from the start anyway; one run by
        // other code is rebuilt.
        if let stored = try await storedVersion(), stored != Self.codeVersion {
            logger.notice("projection code changed; rebuilding", metadata: ["projection": "\(Self.name)"])
            return try await rebuild()
        }
        var total = 0
        while true {
            let count = try await applyBatch()
            total += count
            if count < batchSize { return total }
        }
    }

    /// Rebuild when the stored checkpoint was written by other projection
    /// code (the owner runs this at start: the daemon's role may not replace tables).
    @discardableResult
    public func rebuildIfOutdated() async throws -> Bool {
        guard let stored = try await storedVersion(), stored != Self.codeVersion else { return false }
        logger.notice("projection code changed; rebuilding", metadata: ["projection": "\(Self.name)"])
        try await rebuild()
        return true
    }

    /// Compare the read models with a fresh fold of the log (see ``ReadModelAudit``).
    public func audit() async throws -> ReadModelAudit.Report {
        try await ReadModelAudit(client: client, logger: logger).run()
    }

    /// Replay the whole log into fresh tables and swap them in.
    ///
    /// The replay commits batch by batch into `*_rebuild` tables while the
    /// live tables keep answering queries (and keep being projected by
    /// others). The last step locks the checkpoint, applies what arrived
    /// meanwhile, and renames the tables in one short transaction, so readers
    /// see the old model or the new one, never a mix, and never wait long.
    @discardableResult
    public func rebuild() async throws -> Int {
        try await unwrap {
            try await client.withConnection { connection in
                // One rebuild at a time per database; a second waits, then rebuilds anew.
                try await connection.query("SELECT pg_advisory_lock(hashtextextended('parkline.rebuild.timeline', 0))", logger: logger)
                do {
                    let total = try await rebuild(on: connection)
                    try await connection.query("SELECT pg_advisory_unlock(hashtextextended('parkline.rebuild.timeline', 0))", logger: logger)
                    return total
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(hashtextextended('parkline.rebuild.timeline', 0))", logger: logger)
                    throw error
                }
            }
        }
    }

    private func rebuild(on connection: PostgresConnection) async throws -> Int {
        let fresh = ReadModelTables.rebuild
        for (live, shadow) in zip(ReadModelTables.live.all, fresh.all) {
            try await connection.query("DROP TABLE IF EXISTS \(unescaped: shadow)", logger: logger)
            try await connection.query("CREATE TABLE \(unescaped: shadow) (LIKE \(unescaped: live) INCLUDING ALL)", logger: logger)
        }
        // Indexes only queries use are built once after the bulk load, which
        // is cheaper than keeping them up to date row by row; the keys the
        // projection itself looks rows up by stay.
        let deferred = try await dropSecondaryIndexes(of: fresh.versions, on: connection)
        var cursor = LogCursor.start
        var total = 0
        // Bulk of the log, a committed batch at a time.
        while true {
            let count = try await connection.withTransaction(logger: logger) { connection in
                let batch = try await EventStore.readAll(on: connection, after: cursor, limit: rebuildBatchSize, logger: logger)
                try await apply(batch, to: fresh, on: connection)
                if let last = batch.last { cursor = last.cursor }
                return batch.count
            }
            total += count
            if count < rebuildBatchSize { break }
        }
        for definition in deferred {
            try await connection.query(PostgresQuery(unsafeSQL: definition), logger: logger)
        }
        // Statistics before the tables go live: a freshly loaded table looks
        // empty to the planner until autovacuum comes by, and the resolver's
        // and the timelines' queries would take the wrong index meanwhile.
        for shadow in fresh.all {
            try await connection.query("ANALYZE \(unescaped: shadow)", logger: logger)
        }
        // The tail and the swap, with live projection paused by the checkpoint lock.
        return try await connection.withTransaction(logger: logger) { connection in
            try await lockCheckpoint(connection)
            while true {
                let batch = try await EventStore.readAll(on: connection, after: cursor, limit: batchSize, logger: logger)
                try await apply(batch, to: fresh, on: connection)
                total += batch.count
                if let last = batch.last { cursor = last.cursor }
                if batch.count < batchSize { break }
            }
            for (live, shadow) in zip(ReadModelTables.live.all, fresh.all) {
                try await connection.query("DROP TABLE \(unescaped: live)", logger: logger)
                try await connection.query("ALTER TABLE \(unescaped: shadow) RENAME TO \(unescaped: live)", logger: logger)
            }
            try await saveCheckpoint(cursor, on: connection)
            logger.info("rebuilt read models", metadata: ["events": "\(total)", "cursor": "\(cursor)"])
            return total
        }
    }

    /// Drop the indexes of `table` that back no constraint; returns their
    /// definitions (`CREATE INDEX …`, as the catalog prints them) to recreate.
    private func dropSecondaryIndexes(of table: String, on connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = \(table)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.indexname
            """, logger: logger)
        var definitions: [(name: String, definition: String)] = []
        for try await (name, definition) in rows.decode((String, String).self) { definitions.append((name, definition)) }
        for index in definitions {
            try await connection.query("DROP INDEX \(unescaped: Self.quoted(index.name))", logger: logger)
        }
        return definitions.map(\.definition)
    }

    /// An identifier from the catalog, quoted for SQL.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The checkpoint: where the read model is up to.
    public func checkpoint() async throws -> LogCursor {
        let rows = try await client.query(
            "SELECT tx_id::text AS tx_text, position FROM \(unescaped: ReadModelTables.checkpoints) WHERE name = \(Self.name)", logger: logger)
        for try await (tx, position) in rows.decode((String, Int64).self) {
            return LogCursor(transactionID: UInt64(tx) ?? 0, position: position)
        }
        return .start
    }

    private func storedVersion() async throws -> String? {
        let rows = try await client.query(
            "SELECT code_version FROM \(unescaped: ReadModelTables.checkpoints) WHERE name = \(Self.name)", logger: logger)
        for try await version in rows.decode(String.self) { return version }
        return nil
    }

    private func applyBatch() async throws -> Int {
        try await unwrap {
            try await client.withTransaction(logger: logger) { connection in
                let cursor = try await lockCheckpoint(connection)
                let batch = try await EventStore.readAll(on: connection, after: cursor, limit: batchSize, logger: logger)
                try await apply(batch, to: .live, on: connection)
                if let last = batch.last {
                    try await saveCheckpoint(last.cursor, on: connection)
                    logger.debug("projected", metadata: ["count": "\(batch.count)", "cursor": "\(last.cursor)"])
                }
                return batch.count
            }
        }
    }

    func apply(_ batch: [RecordedEvent], to tables: ReadModelTables, on connection: PostgresConnection) async throws {
        guard !batch.isEmpty else { return }
        let decoded = try batch.map(ReadModelChanges.Change.init)
        let ids = Array(Set(decoded.flatMap(\.eventIDs)))
        var changes = ReadModelChanges(stored: try await StoredVersions.load(ids: ids, from: tables, on: connection, logger: logger),
                                       batch: decoded, cache: cache)
        for (index, change) in decoded.enumerated() {
            try changes.fold(change)
            try afterApply?(index + 1)
        }
        try await changes.write(to: tables, on: connection, logger: logger)
        changes.keep()
    }

    @discardableResult
    private func lockCheckpoint(_ connection: PostgresConnection) async throws -> LogCursor {
        try await connection.query("""
            INSERT INTO \(unescaped: ReadModelTables.checkpoints) (name, code_version) VALUES (\(Self.name), \(Self.codeVersion))
            ON CONFLICT (name) DO NOTHING
            """, logger: logger)
        let rows = try await connection.query(
            "SELECT tx_id::text AS tx_text, position FROM \(unescaped: ReadModelTables.checkpoints) WHERE name = \(Self.name) FOR UPDATE",
            logger: logger)
        for try await (tx, position) in rows.decode((String, Int64).self) {
            return LogCursor(transactionID: UInt64(tx) ?? 0, position: position)
        }
        return .start
    }

    private func saveCheckpoint(_ cursor: LogCursor, on connection: PostgresConnection) async throws {
        let tx = String(cursor.transactionID)
        try await connection.query("""
            UPDATE \(unescaped: ReadModelTables.checkpoints)
            SET tx_id = \(tx)::xid8, position = \(cursor.position), code_version = \(Self.codeVersion), updated_at = now()
            WHERE name = \(Self.name)
            """, logger: logger)
        // Delivered at commit: daemons drop pages rendered from the old read model.
        try await connection.query("SELECT pg_notify(\(LogNotifier.channel), 'projection')", logger: logger)
    }

    private func unwrap<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.commitError ?? error.beginError ?? error
        }
    }
}
