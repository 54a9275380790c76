import Logging
import NIOSSL
import PostgresNIO

/// Where Parkline's database is: the private embedded cluster in a data
/// directory (the default), or an existing server named by a URL.
public enum DatabaseEndpoint: Sendable, CustomStringConvertible {
    /// `binaries`: the directory of PostgreSQL's programs, when not on `PATH`.
    case embedded(dataDirectory: String, binaries: String? = nil)
    case server(DatabaseURL)

    /// Ready-to-use connection settings, after starting the embedded cluster if that is the endpoint.
    public func prepare(logger: Logger) async throws -> ConnectionSettings {
        switch self {
        case let .embedded(dataDirectory, binaries):
            let cluster = try EmbeddedPostgres(dataDirectory: dataDirectory, binaries: binaries, logger: logger)
            try await cluster.start()
            try await cluster.prepareRoles()
            return cluster.applicationSettings()
        case let .server(url):
            return ConnectionSettings(
                socketPath: url.socketPath, host: url.host, port: url.port,
                username: url.username, password: url.password,
                database: url.database, tls: url.tls,
                displayName: url.description
            )
        }
    }

    public var description: String {
        switch self {
        case let .embedded(dataDirectory, _): return "embedded PostgreSQL in \(dataDirectory)"
        case let .server(url): return url.description
        }
    }
}

/// How to reach one database, for the pool and for dedicated connections
/// (the LISTEN connection must not come from the pool).
public struct ConnectionSettings: Sendable {
    public var socketPath: String?
    public var host: String?
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: DatabaseURL.TLSMode
    /// Where we are connected, without the password.
    public var displayName: String
    /// The role that owns the schema, when it is not `username`: migrations
    /// and rebuilds connect as it (the embedded cluster's owner; reached
    /// the same way, without a password).
    public var ownerUsername: String?

    public init(
        socketPath: String?, host: String?, port: Int, username: String, password: String?,
        database: String, tls: DatabaseURL.TLSMode, displayName: String
    ) {
        self.socketPath = socketPath
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.displayName = displayName
    }

    /// The same database as the schema's owner (itself when no owner is named).
    public var owner: ConnectionSettings {
        guard let ownerUsername, ownerUsername != username else { return self }
        var copy = self
        copy.username = ownerUsername
        copy.ownerUsername = nil
        copy.password = nil
        return copy
    }

    /// The same server, another database (tests give each test its own).
    public func with(database: String) -> ConnectionSettings {
        var copy = self
        copy.database = database
        copy.displayName = displayName + " [\(database)]"
        return copy
    }

    /// `applicationName` shows in `pg_stat_activity` (the daemon counts its own connections by it).
    public func clientConfiguration(maximumConnections: Int = 20, applicationName: String? = nil) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            let tlsMode: PostgresClient.Configuration.TLS
            switch tls {
            case .disable: tlsMode = .disable
            case .prefer: tlsMode = .prefer(.makeClientConfiguration())
            case .require: tlsMode = .require(.makeClientConfiguration())
            }
            configuration = .init(
                host: host ?? "localhost", port: port, username: username,
                password: password, database: database, tls: tlsMode
            )
        }
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = maximumConnections
        if let applicationName { configuration.options.additionalStartupParameters = [("application_name", applicationName)] }
        return configuration
    }

    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketPath {
            return .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        }
        let tlsMode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: tlsMode = .disable
        case .prefer: tlsMode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tlsMode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return .init(host: host ?? "localhost", port: port, username: username, password: password, database: database, tls: tlsMode)
    }
}

extension ConnectionSettings {
    /// `body` with a connection of its own, closed afterwards (for
    /// administration: `CREATE DATABASE`, `DROP DATABASE`). Not a pool: a
    /// pool shut down just as its first connection was being made was seen
    /// to leave that connection open, and dozens of such at once ran a
    /// test server out of connections.
    public func withConnection<T>(logger: Logger, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(configuration: connectionConfiguration(), id: 0, logger: logger)
        let result: T
        do {
            result = try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        return result
    }

    /// Run one statement on a connection of its own (``withConnection(logger:_:)``).
    public func execute(_ query: PostgresQuery, logger: Logger) async throws {
        try await withConnection(logger: logger) { _ = try await $0.query(query, logger: logger) }
    }
}
