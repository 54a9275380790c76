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
    public static func with<T>(
        _ settings: ConnectionSettings,
        migrations: [Migration],
        maximumConnections: Int = 20,
        logger: Logger,
        _ body: (Database) async throws -> T
    ) async throws -> T {
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
}
