import Logging
import PostgresNIO

/// Brings a database's schema up to date with the bundled migrations.
///
/// Runs under a session advisory lock, so processes starting at once apply
/// each migration exactly once; each migration runs in its own transaction
/// together with the row that records it.
public struct Migrator: Sendable {
    public var migrations: [Migration]
    let logger: Logger

    /// Key of the advisory lock (arbitrary, fixed: "parkline" in ASCII, shortened).
    static let lockKey: Int64 = 0x7061_726b_6c69

    public init(migrations: [Migration], logger: Logger) {
        self.migrations = migrations
        self.logger = logger
    }

    /// Apply what is missing; returns the migrations applied by this call.
    @discardableResult
    public func migrate(_ client: PostgresClient) async throws -> [Migration] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
            do {
                let applied = try await apply(on: connection)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                throw error
            }
        }
    }

    /// Versions and checksums already recorded in the database.
    public func appliedChecksums(_ client: PostgresClient) async throws -> [Int: String] {
        try await client.withConnection { try await recorded(on: $0) }
    }

    private func apply(on connection: PostgresConnection) async throws -> [Migration] {
        let recorded = try await recorded(on: connection)
        let known = Set(migrations.map(\.version))
        if let unknown = recorded.keys.sorted().first(where: { !known.contains($0) }) {
            throw MigrationError.unknownApplied(version: unknown)
        }
        for migration in migrations {
            if let checksum = recorded[migration.version], checksum != migration.checksum {
                throw MigrationError.checksumMismatch(version: migration.version, name: migration.name)
            }
        }
        // An up-to-date schema needs no DDL, so a role without the owner's
        // privileges (the daemon's, see `Privileges`) may start on it.
        let pending = migrations.filter { recorded[$0.version] == nil }
        guard !pending.isEmpty else { return [] }
        do {
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" {
            throw MigrationError.notOwner(pending: pending.map(\.version))
        }
        var applied: [Migration] = []
        for migration in pending {
            do {
                try await connection.withTransaction(logger: logger) { connection in
                    for statement in SQLScript.statements(migration.sql) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("""
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """, logger: logger)
                }
            } catch let error as PostgresTransactionError {
                if (error.closureError as? PSQLError)?.serverInfo?[.sqlState] == "42501" {
                    throw MigrationError.notOwner(pending: pending.map(\.version))
                }
                let reason = (error.closureError as? PSQLError)?.serverInfo?[.message]
                    ?? String(describing: error.closureError ?? error.commitError ?? error.beginError)
                throw MigrationError.failed(version: migration.version, name: migration.name, reason: reason)
            }
            logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            applied.append(migration)
        }
        return applied
    }

    private func recorded(on connection: PostgresConnection) async throws -> [Int: String] {
        let exists = try await connection.query(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger
        ).collect().first?.decode(Bool.self) ?? false
        guard exists else { return [:] }
        var result: [Int: String] = [:]
        let rows = try await connection.query("SELECT version, checksum FROM schema_migrations", logger: logger)
        for try await (version, checksum) in rows.decode((Int, String).self) {
            result[version] = checksum
        }
        return result
    }
}
