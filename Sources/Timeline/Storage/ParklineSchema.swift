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

    /// The tables besides the log that the daemon's role reads and writes.
    public static var applicationTables: [String] { ReadModelSchema.tables + WebSourceSchema.tables }

    /// The statements giving `role` what the daemon needs (see `Privileges`).
    public static func applicationGrants(role: String) throws -> [String] {
        try Privileges.applicationGrants(role: role, readModelTables: applicationTables)
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
        try await withParkline(try await endpoint.prepare(logger: logger), logger: logger, body)
    }

    /// As above, for settings already prepared. Where the settings name an
    /// owner (the embedded cluster), the owner migrates, grants the
    /// application role its rights and rebuilds read models whose code
    /// changed (the role may not replace tables); `body` works as the role.
    public static func withParkline<T>(
        _ settings: ConnectionSettings, maximumConnections: Int = 20, logger: Logger, _ body: (Database) async throws -> T
    ) async throws -> T {
        try await with(settings, migrations: ParklineSchema.migrations(), applicationTables: ParklineSchema.applicationTables,
                       maximumConnections: maximumConnections, logger: logger,
                       asOwner: { owner in try await ReadModel(client: owner, logger: logger).rebuildIfOutdated() }, body)
    }
}
