import EventStore
import Logging
import PostgresNIO
import Projections

/// Parkline's whole schema, assembled from its owners: the event log's
/// migrations (EventStore), the read models' (Projections) and the fetch
/// bookkeeping's (Timeline). Every process that opens a Parkline database
/// migrates it with this list.
public enum ParklineSchema {
    public static func migrations() throws -> [Migration] {
        try Migration.assemble(EventLogSchema.migrations(), ReadModelSchema.migrations(), WebSourceSchema.migrations())
    }

    /// The statements giving `role` what the daemon needs (see `Privileges`).
    public static func applicationGrants(role: String) throws -> [String] {
        try Privileges.applicationGrants(role: role, readModelTables: ReadModelSchema.tables + WebSourceSchema.tables)
    }

    /// Run `applicationGrants` as the owner, in one transaction.
    public static func grantApplication(role: String, client: PostgresClient, logger: Logger) async throws {
        try await Privileges.grantApplication(role: role, readModelTables: ReadModelSchema.tables + WebSourceSchema.tables, client: client, logger: logger)
    }
}

extension Database {
    /// Open a Parkline database (embedded by default), migrated with the whole schema.
    public static func withParkline<T>(
        _ endpoint: DatabaseEndpoint, logger: Logger, _ body: (Database) async throws -> T
    ) async throws -> T {
        try await with(endpoint, migrations: ParklineSchema.migrations(), logger: logger, body)
    }

    /// As above, for settings already prepared.
    public static func withParkline<T>(
        _ settings: ConnectionSettings, maximumConnections: Int = 20, logger: Logger, _ body: (Database) async throws -> T
    ) async throws -> T {
        try await with(settings, migrations: ParklineSchema.migrations(), maximumConnections: maximumConnections, logger: logger, body)
    }
}
