import Foundation
import Logging
import PostgresNIO

/// Backups of a Parkline database with PostgreSQL's own tools: `pg_dump
/// -Fc` of the one database (not `pg_basebackup` of a whole cluster; the
/// README says why), restored with `pg_restore` into an empty database.
///
/// A dump is one consistent snapshot taken while writers carry on: every
/// append acknowledged before it began is in it, none that committed after.
/// A restore keeps every column, so positions, transaction ids and hence
/// cursors are those of the original log.
public struct LogBackup: Sendable {
    let logger: Logger
    /// `pgBin`, when PostgreSQL's programs are not on `PATH`.
    let toolDirectory: String?

    public init(toolDirectory: String? = nil, logger: Logger) {
        self.toolDirectory = toolDirectory
        self.logger = logger
    }

    /// What a backup wrote.
    public struct BackupSummary: Sendable {
        public var path: String
        public var bytes: Int
        public var serverVersion: Int
    }

    /// What a restore brought back.
    public struct RestoreSummary: Sendable {
        public var events: Int64
        public var head: LogCursor
        /// Whether the server's transaction counter had to be moved past the restored ids.
        public var advancedTransactionIDs: Bool
    }

    /// Dump the database of `settings` to `path` (written whole or not at all).
    public func backup(_ settings: ConnectionSettings, to path: String) async throws -> BackupSummary {
        let version = try await Self.serverVersion(settings, logger: logger)
        let tools = try PostgresTools.locate(forServerMajor: version / 10000, explicit: toolDirectory)
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await tools.run(tools.pgDump, ["--format=custom", "--file=" + partial], settings: settings)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        logger.info("backup written", metadata: ["file": "\(path)", "bytes": "\(bytes)"])
        return BackupSummary(path: path, bytes: bytes, serverVersion: version)
    }

    /// Restore `path` into the database of `settings`, which must hold no
    /// events (its schema may exist). `advance` moves the server's
    /// transaction counter past a restored id (see
    /// `EmbeddedPostgres.advanceTransactionIDs`); without it a server whose
    /// counter is behind is moved by spending transaction ids, up to a bound.
    public func restore(
        from path: String, into settings: ConnectionSettings,
        advance: ((UInt64) async throws -> Void)? = nil
    ) async throws -> RestoreSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.noBackupFile(path) }
        let version = try await Self.serverVersion(settings, logger: logger)
        let tools = try PostgresTools.locate(forServerMajor: version / 10000, explicit: toolDirectory)
        let schemaExists = try await withClient(settings) { client in
            let rows = try await client.query("SELECT to_regclass('events') IS NOT NULL", logger: logger)
            var exists = false
            for try await value in rows.decode(Bool.self) { exists = value }
            guard exists else { return false }
            let count = try await client.query("SELECT count(*) FROM events", logger: logger)
            for try await events in count.decode(Int64.self) where events > 0 {
                throw BackupError.logNotEmpty(database: settings.displayName, events: events)
            }
            return true
        }
        // One transaction: a restore that fails part way leaves the database as it was.
        var arguments = ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", "--dbname=" + settings.database]
        if schemaExists { arguments += ["--clean", "--if-exists"] }
        try await tools.run(tools.pgRestore, arguments + [path], settings: settings)

        var (restored, next) = try await transactionIDs(settings)
        var advanced = false
        if restored >= next {
            if let advance {
                try await advance(restored)
            } else {
                try await spendTransactionIDs(past: restored, next: next, settings: settings)
            }
            advanced = true
            (restored, next) = try await transactionIDs(settings)
            guard restored < next else {
                throw BackupError.unreadableAfterRestore(database: settings.displayName, restoredTransaction: restored, serverNext: next)
            }
        }
        return try await withClient(settings) { client in
            let store = EventStore(client: client, logger: logger)
            let rows = try await client.query("SELECT count(*) FROM events", logger: logger)
            var events: Int64 = 0
            for try await count in rows.decode(Int64.self) { events = count }
            return RestoreSummary(events: events, head: try await store.headCursor(), advancedTransactionIDs: advanced)
        }
    }

    /// The largest restored `tx_id` and the id the server hands out next.
    private func transactionIDs(_ settings: ConnectionSettings) async throws -> (restored: UInt64, next: UInt64) {
        try await withClient(settings) { client in
            let rows = try await client.query("""
                SELECT coalesce((SELECT max(tx_id) FROM events), '0'::xid8)::text, pg_snapshot_xmax(pg_current_snapshot())::text
                """, logger: logger)
            for try await (restored, next) in rows.decode((String, String).self) {
                return (UInt64(restored) ?? 0, UInt64(next) ?? 0)
            }
            return (0, 0)
        }
    }

    /// The most transaction ids a restore spends to bring a server's counter
    /// past the restored ones (a few minutes' worth); beyond it the restore
    /// says to use export and import instead.
    public static let maximumSpentTransactionIDs: UInt64 = 20_000_000

    /// Commit empty transactions until the server's counter passes `past`.
    private func spendTransactionIDs(past: UInt64, next: UInt64, settings: ConnectionSettings) async throws {
        guard past - next < Self.maximumSpentTransactionIDs else {
            throw BackupError.unreadableAfterRestore(database: settings.displayName, restoredTransaction: past, serverNext: next)
        }
        logger.notice("spending transaction ids past the restored log", metadata: ["count": "\(past - next + 1)"])
        try await withClient(settings) { client in
            try await client.withConnection { connection in
                // The target travels in a setting, so the block's text is constant.
                try await connection.query("SELECT set_config('parkline.restore_past', \(String(past)), false)", logger: logger)
                try await connection.query("""
                    DO $$
                    BEGIN
                        SET LOCAL synchronous_commit = off;
                        WHILE pg_current_xact_id() <= current_setting('parkline.restore_past')::xid8 LOOP
                            COMMIT;
                            SET LOCAL synchronous_commit = off;
                        END LOOP;
                    END
                    $$
                    """, logger: logger)
            }
        }
    }

    static func serverVersion(_ settings: ConnectionSettings, logger: Logger) async throws -> Int {
        let client = PostgresClient(configuration: settings.clientConfiguration(maximumConnections: 1), backgroundLogger: logger)
        return try await client.runWhile {
            for try await version in try await client.query("SHOW server_version_num", logger: logger).decode(String.self) {
                return Int(version) ?? 0
            }
            return 0
        }
    }

    private func withClient<T>(_ settings: ConnectionSettings, _ body: (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: settings.clientConfiguration(maximumConnections: 1), backgroundLogger: logger)
        return try await client.runWhile { try await body(client) }
    }
}
