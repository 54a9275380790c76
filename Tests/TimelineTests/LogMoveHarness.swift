import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the tests of keeping and moving the log share: the `parkline`
/// executable run as a user types it, and data directories of their own
/// (each a private cluster started by the product's embedded-server code),
/// stopped and removed afterwards.
enum LogMove {
    static var cli: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parkline"
    }

    /// Run `parkline` with `arguments`, without the caller's `PARKLINE_*`
    /// settings; its status and what it printed (stdout and stderr).
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try #require(FileManager.default.isExecutableFile(atPath: cli), "parkline is not built next to the tests")
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PARKLINE_") }
        return try await runProcess([cli] + arguments, environment: environment, timeout: .seconds(600))
    }

    /// Run `parkline` and require it to succeed; what it printed.
    @discardableResult
    static func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await run(arguments)
        try #require(result.status == 0, "parkline \(arguments.joined(separator: " ")) failed:\n\(result.output.suffix(1500))",
                     sourceLocation: sourceLocation)
        return result.output
    }

    /// `count` fresh data directories for `body`; their clusters are stopped and removed afterwards.
    static func withDataDirectories<T>(_ count: Int, _ body: ([String]) async throws -> T) async throws -> T {
        let directories = (0..<count).map { _ in "/tmp/parkline-move-\(UUID().uuidString.prefix(8))" }
        defer {
            for directory in directories {
                if let cluster = try? EmbeddedPostgres(dataDirectory: directory, durable: false, logger: TestCluster.logger) {
                    cluster.stopImmediately()
                    if cluster.layout.clusterRoot.hasPrefix("/tmp/parkline-") {
                        try? FileManager.default.removeItem(atPath: cluster.layout.clusterRoot)
                    }
                }
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        return try await body(directories)
    }

    /// The URL `parkline --database-url` takes for a database reached over the unix socket.
    static func url(_ settings: ConnectionSettings) throws -> String {
        let socket = try #require(settings.socketPath)
        return "postgres://\(settings.username)@/\(settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
    }

    /// The lines of an NDJSON text as objects.
    static func objects(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// An object as canonical JSON text (keys sorted), for comparisons.
    static func canonical(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func count(_ client: PostgresClient, _ sql: PostgresQuery = "SELECT count(*) FROM events") async throws -> Int64 {
        for try await count in try await client.query(sql).decode(Int64.self) { return count }
        return 0
    }
}
