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
    public static let shared = TestCluster(name: "test")
    /// For tests that hold transactions open on purpose. The read horizon
    /// is each database's own, so they would not stall the other tests; the
    /// separate clusters keep them off the busiest server, where their
    /// open transactions and timing are easiest to reason about.
    public static let gapless = TestCluster(name: "gapless")
    public static let resolver = TestCluster(name: "resolver")

    let name: String

    init(name: String) {
        self.name = name
    }

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
            try await Self.administer(template.with(database: "postgres"),
                                      "CREATE DATABASE \(name) TEMPLATE \(template.database) STRATEGY FILE_COPY")
        } catch let error as PSQLError {
            throw TestDatabaseError(details: String(reflecting: error))
        }
        return template.with(database: String(name))
    }

    /// Drop a test's database (connections are closed forcibly).
    public func dropDatabase(_ settings: ConnectionSettings) async throws {
        let admin = try await start().template.with(database: "postgres")
        try await Self.administer(admin, "DROP DATABASE IF EXISTS \(settings.database) WITH (FORCE)")
    }

    /// Single flight: the actor is re-entrant, so concurrent first callers share one start.
    private func start() async throws -> (cluster: EmbeddedPostgres, template: ConnectionSettings) {
        if let starting { return try await starting.value }
        let name = name
        let task = Task { try await Self.startCluster(name: name) }
        starting = task
        return try await task.value
    }

    private static func startCluster(name: String) async throws -> (cluster: EmbeddedPostgres, template: ConnectionSettings) {
        if name == "test" { removeAbandonedClusters() }
        let directory = "/tmp/parkline-\(name)-\(getpid())"
        // A whole test run's databases, pools and daemons share this server:
        // more connections than the product's 300.
        let cluster = try EmbeddedPostgres(dataDirectory: directory, durable: false, maximumConnections: 1000, logger: logger)
        try await cluster.start(database: "parkline_template")
        let first = clustersToStopAtExit.withLock { clusters in
            clusters.append(cluster)
            return clusters.count == 1
        }
        if first {
            atexit {
                for cluster in clustersToStopAtExit.withLock({ $0 }) {
                    cluster.stopImmediately()
                    try? FileManager.default.removeItem(atPath: cluster.layout.dataDirectory)
                    if cluster.layout.clusterRoot.hasPrefix("/tmp/parkline-") {
                        try? FileManager.default.removeItem(atPath: cluster.layout.clusterRoot)
                    }
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
        for entry in entries where ["parkline-test-", "parkline-gapless-", "parkline-resolver-"].contains(where: entry.hasPrefix) {
            guard let pid = Int32(entry.split(separator: "-").last ?? ""), pid != getpid(),
                  kill(pid, 0) != 0 else { continue }
            if let stale = try? EmbeddedPostgres(dataDirectory: "/tmp/" + entry, durable: false, logger: logger) {
                stale.stopImmediately()
            }
            try? FileManager.default.removeItem(atPath: "/tmp/" + entry)
        }
    }

    /// One statement on a connection of its own (``ConnectionSettings/execute(_:logger:)``).
    static func administer(_ settings: ConnectionSettings, _ sql: String) async throws {
        try await settings.execute(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}

private let clustersToStopAtExit = Mutex<[EmbeddedPostgres]>([])

/// Run `body` with a fresh migrated database of the test cluster; the database is dropped afterwards.
public func withTestDatabase<T>(in cluster: TestCluster = .shared, _ body: (Database) async throws -> T) async throws -> T {
    let settings = try await cluster.makeDatabase()
    do {
        let result = try await Database.withParkline(settings, logger: TestCluster.logger, body)
        try await cluster.dropDatabase(settings)
        return result
    } catch let error as PSQLError {
        try? await cluster.dropDatabase(settings)
        // Tests may see what the server said; PSQLError hides it by default.
        throw TestDatabaseError(details: String(reflecting: error))
    } catch {
        try? await cluster.dropDatabase(settings)
        throw error
    }
}

/// How many events the log holds, committed ones all counted.
///
/// Counting `readAll` instead would count what a gapless reader may see
/// now: the read horizon, which can hold back for an instant while a
/// transaction of another test's database ends, so two such counts a
/// moment apart need not agree.
public func loggedEventCount(_ db: Database) async throws -> Int {
    let rows = try await db.client.query("SELECT count(*) FROM events", logger: db.logger)
    for try await count in rows.decode(Int64.self) { return Int(count) }
    return 0
}

/// Call `step` (a projector's catch-up, which returns how many events it
/// read) until it has read `expected` in all or `timeout` passes; returns
/// the total. One call may stop short for an instant where the read
/// horizon holds (see `loggedEventCount`); the next goes on from there.
public func readInSteps(expecting expected: Int, timeout: Duration = .seconds(30), _ step: () async throws -> Int) async throws -> Int {
    let deadline = ContinuousClock.now + timeout
    var total = try await step()
    while total < expected, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
        total += try await step()
    }
    return total
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
