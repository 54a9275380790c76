import ArgumentParser
import EventStore
import Foundation
import Logging
import Timeline

/// Flags every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Use an existing PostgreSQL server (postgres://user:pass@host:5432/db) instead of the embedded one.",
        valueName: "url"))
    var databaseURL: String?

    @Option(name: .long, help: ArgumentHelp(
        "Directory of the embedded PostgreSQL cluster (default: $PARKLINE_HOME or ./.parkline).",
        valueName: "dir"))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp(
        "Ask a running parklined (http://host:port) instead of the database; for timeline, events and subscribe.",
        valueName: "url"))
    var server: String?

    /// `--server`, else `PARKLINE_SERVER`.
    var remote: RemoteTimeline? {
        get throws {
            let url = server ?? ProcessInfo.processInfo.environment["PARKLINE_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
            return try url.map(RemoteTimeline.init)
        }
    }

    @Flag(name: .shortAndLong, help: "Log what happens (database start, migrations) to stderr.")
    var verbose = false

    func configuration() throws -> Configuration {
        try Configuration.resolve(databaseURL: databaseURL, dataDirectory: dataDir)
    }

    func logger() -> Logger {
        var logger = Logger(label: "parkline") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .info : .error
        return logger
    }

    /// Open the configured database (embedded by default), migrated, for `body`.
    func withDatabase<T>(_ body: (Database) async throws -> T) async throws -> T {
        try await Database.with(configuration().endpoint, logger: logger(), body)
    }
}
