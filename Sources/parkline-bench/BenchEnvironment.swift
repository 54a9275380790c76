import EventStore
import Foundation
import Timeline
import Logging
import PostgresNIO
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server a run measures on: a throwaway embedded cluster, or
/// a server given by URL. Each scenario gets a database of its own, dropped
/// afterwards, so scenarios do not disturb each other.
final class BenchEnvironment: Sendable {
    let admin: ConnectionSettings
    /// The URL given with `--database-url`, to hand to a daemon with another database name.
    private let givenURL: DatabaseURL?
    private let cluster: EmbeddedPostgres?
    let logger: Logger
    /// Leave each scenario's database behind (for profiling the daemon on it).
    let keepDatabases: Bool

    private init(admin: ConnectionSettings, givenURL: DatabaseURL?, cluster: EmbeddedPostgres?, keepDatabases: Bool = false,
                 logger: Logger) {
        self.admin = admin
        self.keepDatabases = keepDatabases
        self.givenURL = givenURL
        self.cluster = cluster
        self.logger = logger
    }

    /// `keepDatabases` only applies to a server given by URL (a throwaway cluster is deleted anyway).
    static func start(databaseURL: String?, keepDatabases: Bool = false, logger: Logger) async throws -> BenchEnvironment {
        if let databaseURL {
            let url = try DatabaseURL(databaseURL)
            let settings = try await DatabaseEndpoint.server(url).prepare(logger: logger)
            return BenchEnvironment(admin: settings.with(database: "postgres"), givenURL: url, cluster: nil,
                                    keepDatabases: keepDatabases, logger: logger)
        }
        let directory = "/tmp/parkline-bench-\(getpid())"
        let cluster = try EmbeddedPostgres(dataDirectory: directory, durable: true, logger: logger)
        _ = try await cluster.start(database: "postgres")
        logger.notice("throwaway cluster started", metadata: ["data": "\(cluster.layout.pgData)"])
        return BenchEnvironment(admin: cluster.connectionSettings(database: "postgres"), givenURL: nil, cluster: cluster, logger: logger)
    }

    /// Stop and delete a throwaway cluster.
    func shutDown() {
        guard let cluster else { return }
        cluster.stopImmediately()
        try? FileManager.default.removeItem(atPath: cluster.layout.dataDirectory)
        if cluster.layout.clusterRoot.hasPrefix("/tmp/parkline-") {
            try? FileManager.default.removeItem(atPath: cluster.layout.clusterRoot)
        }
    }

    /// A fresh migrated database for `body`, dropped afterwards.
    func withDatabase<T>(_ label: String, connections: Int = 40, _ body: (Database) async throws -> T) async throws -> T {
        let name = "parkline_bench_" + label.filter { $0.isLetter || $0.isNumber || $0 == "_" }.lowercased()
        try await administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try await administer("CREATE DATABASE \(name)")
        do {
            let result = try await Database.withParkline(admin.with(database: name), maximumConnections: connections, logger: logger, body)
            if !keepDatabases { try await administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            return result
        } catch {
            try? await administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Names here are made by `withDatabase` from letters, digits and underscores only.
    private func administer(_ sql: String) async throws {
        try await admin.execute(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    /// A URL for `database` on this server, for a daemon process.
    func url(database: String) -> String {
        if var url = givenURL {
            url.database = database
            return url.connectionString
        }
        let directory = admin.socketPath.map { String($0.dropLast("/.s.PGSQL.5432".count)) } ?? ""
        return "postgres://\(admin.username)@/\(database)?host=\(directory)"
    }

    /// PostgreSQL's version string.
    func serverVersion() async throws -> String {
        try await settings(["server_version"])["server_version"] ?? "?"
    }

    /// The server's settings of these names (`shared_buffers`, `fsync`, …).
    func settings(_ names: [String]) async throws -> [String: String] {
        let client = PostgresClient(configuration: admin.clientConfiguration(maximumConnections: 1), backgroundLogger: logger)
        return try await client.runWhile {
            var values: [String: String] = [:]
            for name in names {
                for try await value in try await client.query("SELECT current_setting(\(name))", logger: logger).decode(String.self) {
                    values[name] = value
                }
            }
            return values
        }
    }
}

extension DatabaseURL {
    /// The URL with its password, for a child process's command line.
    var connectionString: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password
        components.path = "/" + database
        var query: [URLQueryItem] = []
        if let socketDirectory {
            query.append(URLQueryItem(name: "host", value: socketDirectory))
            query.append(URLQueryItem(name: "port", value: String(port)))
        } else {
            components.host = host
            components.port = port
        }
        query.append(URLQueryItem(name: "sslmode", value: tls.rawValue))
        components.queryItems = query
        return components.string ?? ""
    }
}

