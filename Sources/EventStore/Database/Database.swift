import Logging
import PostgresNIO

/// An open, migrated Parkline database: the pool, the event log on it and the
/// settings used to reach it (for dedicated connections such as LISTEN).
public struct Database: Sendable {
    public let client: PostgresClient
    public let settings: ConnectionSettings
    public let store: EventStore
    public let logger: Logger

    /// Prepare the endpoint (starting the embedded cluster if need be), apply
    /// the pending ones of `migrations` (the list the database's users
    /// assemble from each owner's), lend the database to `body`, and close
    /// every connection when `body` ends.
    public static func with<T>(
        _ endpoint: DatabaseEndpoint,
        migrations: [Migration],
        logger: Logger,
        _ body: (Database) async throws -> T
    ) async throws -> T {
        let settings = try await endpoint.prepare(logger: logger)
        return try await with(settings, migrations: migrations, logger: logger, body)
    }

    /// As above, for settings already prepared.
    ///
    /// When `settings` name an owner other than their role (the embedded
    /// cluster), the owner migrates, gives the role the rights of
    /// ``Privileges`` on the log and `applicationTables` when it lacks them,
    /// and runs `asOwner` (e.g. a rebuild the code asks for); `body` then
    /// works as the role.
    public static func with<T>(
        _ settings: ConnectionSettings,
        migrations: [Migration],
        applicationTables: [String] = [],
        maximumConnections: Int = 20,
        logger: Logger,
        asOwner: (@Sendable (PostgresClient) async throws -> Void)? = nil,
        _ body: (Database) async throws -> T
    ) async throws -> T {
        if settings.ownerUsername != nil && settings.owner.username != settings.username {
            let owner = PostgresClient(configuration: settings.owner.clientConfiguration(maximumConnections: 2), backgroundLogger: logger)
            try await owner.runWhile {
                let applied = try await Migrator(migrations: migrations, logger: logger).migrate(owner)
                let tables = ["events"] + applicationTables
                let granted = try await Privileges.hasApplicationRights(role: settings.username, tables: tables, client: owner, logger: logger)
                if !applied.isEmpty || !granted {
                    try await Privileges.grantApplication(role: settings.username, readModelTables: applicationTables,
                                                          client: owner, logger: logger)
                }
                try await asOwner?(owner)
            }
        }
        let client = PostgresClient(
            configuration: settings.clientConfiguration(maximumConnections: maximumConnections),
            backgroundLogger: logger
        )
        return try await client.runWhile {
            try await Migrator(migrations: migrations, logger: logger).migrate(client)
            let database = Database(
                client: client, settings: settings,
                store: EventStore(client: client, logger: logger), logger: logger
            )
            return try await body(database)
        }
    }

    /// Run `body` with a client of the schema's owner (this database's own
    /// client when the settings name no other owner): for work that replaces
    /// tables, such as a rebuild of the read models.
    public func withOwner<T>(_ body: (PostgresClient) async throws -> T) async throws -> T {
        guard settings.ownerUsername != nil, settings.owner.username != settings.username else { return try await body(client) }
        let owner = PostgresClient(configuration: settings.owner.clientConfiguration(maximumConnections: 2), backgroundLogger: logger)
        return try await owner.runWhile { try await body(owner) }
    }
}
