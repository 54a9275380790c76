import EventStore
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// The one throwaway PostgreSQL cluster of a test run, started by the same
/// `EmbeddedPostgres` code the product uses, and stopped when the process
/// exits. Each test gets its own database, cloned from a migrated template.
public actor TestCluster {
    public static let shared = TestCluster()

    private var starting: Task<(cluster: EmbeddedPostgres, template: ConnectionSettings), any Error>?
    public static let logger: Logger = {
        var logger = Logger(label: "parkline.tests")
        logger.logLevel = ProcessInfo.processInfo.environment["PARKLINE_TEST_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .error
        return logger
    }()

    /// The running cluster (started on first use).
    public func cluster() async throws -> EmbeddedPostgres {
        try await start().cluster
    }

    /// A fresh, migrated database for one test.
    public func makeDatabase() async throws -> ConnectionSettings {
        let template = try await start().template
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        do {
            // Serialised by this actor (no await between check and create would suffice otherwise):
            // PostgreSQL refuses to copy a template that another CREATE DATABASE is copying.
            try await Self.administer(template.with(database: "postgres")) { client in
                try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(template.database) STRATEGY FILE_COPY"))
            }
        } catch let error as PSQLError {
            throw TestDatabaseError(details: String(reflecting: error))
        }
        return template.with(database: String(name))
    }

    /// Drop a test's database (connections are closed forcibly).
    public func dropDatabase(_ settings: ConnectionSettings) async throws {
        let admin = try await start().template.with(database: "postgres")
        try await Self.administer(admin) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(settings.database) WITH (FORCE)"))
        }
    }

    /// Single flight: the actor is re-entrant, so concurrent first callers share one start.
    private func start() async throws -> (cluster: EmbeddedPostgres, template: ConnectionSettings) {
        if let starting { return try await starting.value }
        let task = Task { try await Self.startCluster() }
        starting = task
        return try await task.value
    }

    private static func startCluster() async throws -> (cluster: EmbeddedPostgres, template: ConnectionSettings) {
        removeAbandonedClusters()
        let directory = "/tmp/parkline-test-\(getpid())"
        let cluster = try EmbeddedPostgres(dataDirectory: directory, durable: false, logger: logger)
        try await cluster.start(database: "parkline_template")
        clusterToStopAtExit.withLock { $0 = cluster }
        atexit {
            clusterToStopAtExit.withLock { $0 }?.stopImmediately()
            if let cluster = clusterToStopAtExit.withLock({ $0 }) {
                try? FileManager.default.removeItem(atPath: cluster.layout.dataDirectory)
                if cluster.layout.clusterRoot.hasPrefix("/tmp/parkline-") {
                    try? FileManager.default.removeItem(atPath: cluster.layout.clusterRoot)
                }
            }
        }
        let template = cluster.connectionSettings(database: "parkline_template")
        try await Database.withParkline(template, maximumConnections: 2, logger: logger) { _ in }
        return (cluster, template)
    }

    /// Clusters of earlier test runs that were killed before they could stop them.
    private static func removeAbandonedClusters() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/tmp") else { return }
        for entry in entries where entry.hasPrefix("parkline-test-") {
            guard let pid = Int32(entry.dropFirst("parkline-test-".count)), pid != getpid(),
                  kill(pid, 0) != 0 else { continue }
            if let stale = try? EmbeddedPostgres(dataDirectory: "/tmp/" + entry, durable: false, logger: logger) {
                stale.stopImmediately()
            }
            try? FileManager.default.removeItem(atPath: "/tmp/" + entry)
        }
    }

    static func administer(_ settings: ConnectionSettings, _ body: (PostgresClient) async throws -> Void) async throws {
        let client = PostgresClient(configuration: settings.clientConfiguration(maximumConnections: 1), backgroundLogger: logger)
        try await client.runWhile { try await body(client) }
    }
}

private let clusterToStopAtExit = Mutex<EmbeddedPostgres?>(nil)

/// Run `body` with a fresh migrated database of the test cluster; the database is dropped afterwards.
public func withTestDatabase<T>(_ body: (Database) async throws -> T) async throws -> T {
    let settings = try await TestCluster.shared.makeDatabase()
    do {
        let result = try await Database.withParkline(settings, logger: TestCluster.logger, body)
        try await TestCluster.shared.dropDatabase(settings)
        return result
    } catch let error as PSQLError {
        try? await TestCluster.shared.dropDatabase(settings)
        // Tests may see what the server said; PSQLError hides it by default.
        throw TestDatabaseError(details: String(reflecting: error))
    } catch {
        try? await TestCluster.shared.dropDatabase(settings)
        throw error
    }
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public var details: String
    public var description: String { details }
}

/// Poll `condition` until it holds or `timeout` passes (tests never sleep for a fixed time).
public func eventually(
    timeout: Duration = .seconds(30),
    _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

extension TestCluster {
    /// The whole schema test databases are migrated with (the log's and the read models').
    public static func migrations() throws -> [Migration] {
        try ParklineSchema.migrations()
    }
}
