import ArgumentParser
import EventStore
import Extraction
import Foundation
import Logging
import Timeline

/// Flags every command shares. Each may also come from `PARKLINE_<NAME>`
/// or the settings file (see `ParklineSettings`).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Use an existing PostgreSQL server (postgres://user:pass@host:5432/db) instead of the embedded one (or $PARKLINE_DATABASE_URL).",
        valueName: "url"))
    var databaseURL: String?

    @Option(name: .long, help: ArgumentHelp(
        "Directory of the embedded PostgreSQL cluster (default: $PARKLINE_HOME or ./.parkline).",
        valueName: "dir"))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp(
        "Ask a running parklined (http://host:port) instead of the database; for timeline, events and subscribe (or $PARKLINE_SERVER).",
        valueName: "url"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("A JSON file of settings (default: $PARKLINE_CONFIG); flags and PARKLINE_* variables win over it.",
                                            valueName: "file"))
    var config: String?

    @Flag(name: .shortAndLong, help: "Log what happens (database start, migrations) to stderr.")
    var verbose = false

    /// The settings these flags give, over the environment and the settings file.
    func settings(parks: String? = nil) async throws -> ParklineSettings {
        try await ParklineSettings.load(flags: [
            .databaseURL: databaseURL, .home: dataDir, .server: server, .config: config, .parks: parks,
        ])
    }

    /// The daemon to ask instead of the database, if one is set.
    func remote() async throws -> RemoteTimeline? {
        try await settings().text(.server).map(RemoteTimeline.init)
    }

    func configuration() async throws -> Configuration {
        try await settings().storage()
    }

    func logger() -> Logger {
        var logger = Logger(label: "parkline") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .info : .error
        return logger
    }

    /// The bundled parks gazetteer, with the parks of the `parks` setting's file.
    func gazetteer(parks: String?) async throws -> ParkGazetteer {
        try GazetteerFile.load(try await settings(parks: parks).text(.parks))
    }

    /// Open the configured database (embedded by default), migrated, for `body`.
    func withDatabase<T>(_ body: (Database) async throws -> T) async throws -> T {
        try await Database.withParkline(configuration().endpoint, logger: logger(), body)
    }
}
