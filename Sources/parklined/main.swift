import ArgumentParser
import Foundation
import Logging
import Timeline
import TimelineServer

@main
struct Parklined: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parklined",
        abstract: "Serve Parkline's timelines over HTTP/JSON, Server-Sent Events and a live web page.",
        discussion: """
            With no flags it runs its own PostgreSQL cluster in ./.parkline, ingests ./seeds when \
            the log is empty, and listens on http://127.0.0.1:8080/. Writes need \
            PARKLINE_API_TOKEN (or PARKLINE_API_TOKEN_FILE); without one the API is read-only.

            Every flag but --seeds and --no-seed may also come from PARKLINE_<NAME> \
            (PARKLINE_PORT, PARKLINE_DATABASE_URL, …) or a JSON settings file (--config).

            Example:
              PARKLINE_API_TOKEN=$(openssl rand -hex 32) parklined --port 8080
            """
    )

    @Option(help: "Address to listen on (default: 127.0.0.1, or $PARKLINE_HOST).") var host: String?
    @Option(help: "Port to listen on (default: 8080, or $PARKLINE_PORT; 0 picks a free one).") var port: String?
    @Option(name: .long, help: ArgumentHelp("Use an existing PostgreSQL server instead of the embedded one.", valueName: "url"))
    var databaseURL: String?
    @Option(name: .long, help: ArgumentHelp("Directory of the embedded cluster (default: $PARKLINE_HOME or ./.parkline).", valueName: "dir"))
    var dataDir: String?
    @Option(help: "Folder to ingest when the log is empty (default: seeds).") var seeds: String = "seeds"
    @Flag(help: "Do not ingest the seeds folder into an empty log.") var noSeed = false
    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).") var parks: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error (default: notice, or $PARKLINE_LOG_LEVEL).") var logLevel: String?
    @Option(name: .long, help: ArgumentHelp(
        "A streaming-replication standby for queries and stream catch-up (default: $PARKLINE_READ_DATABASE_URL); writes, LISTEN and the projector stay on the primary.",
        valueName: "url"))
    var readDatabaseURL: String?
    @Option(help: ArgumentHelp("Seconds an API request may wait for the database before it is answered 503 (default: 10, or $PARKLINE_REQUEST_TIMEOUT).", valueName: "seconds"))
    var requestTimeout: String?
    @Option(help: ArgumentHelp("Events a stream client may fall behind before it is told to reconnect (default: 10000, or $PARKLINE_MAX_SUBSCRIBER_LAG).", valueName: "events"))
    var maxSubscriberLag: String?
    @Option(help: ArgumentHelp("A JSON file of settings (default: $PARKLINE_CONFIG); flags and PARKLINE_* variables win over it.", valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp("Feeds, news lists or pages to follow, comma-separated (or $PARKLINE_WATCH): new articles are ingested as they appear.", valueName: "urls"))
    var watch: String?
    @Option(help: ArgumentHelp("Pause between watch rounds: 90s, 30m, 6h (default: 30m, or $PARKLINE_WATCH_EVERY).", valueName: "interval"))
    var watchEvery: String?
    @Option(help: ArgumentHelp("Seconds a request's header may take to arrive before it is answered 408 (default: 5, or $PARKLINE_HEADER_TIMEOUT).", valueName: "seconds"))
    var headerTimeout: String?
    @Option(help: ArgumentHelp("Seconds a kept-alive connection may wait for its next request (default: 75, or $PARKLINE_IDLE_TIMEOUT).", valueName: "seconds"))
    var idleTimeout: String?
    @Option(help: ArgumentHelp("Open HTTP connections at most; more are answered 503 (default: from the open-file limit, or $PARKLINE_MAX_CONNECTIONS).", valueName: "count"))
    var maxConnections: String?
    @Flag(help: "Fetch loopback and private addresses (off by default, or $PARKLINE_FETCH_PRIVATE=true): only on a trusted network.")
    var fetchPrivate = false

    func run() async throws {
        let settings = try await ParklineSettings.load(flags: [
            .host: host, .port: port, .databaseURL: databaseURL, .home: dataDir, .parks: parks, .logLevel: logLevel,
            .readDatabaseURL: readDatabaseURL, .requestTimeout: requestTimeout, .maxSubscriberLag: maxSubscriberLag, .config: config,
            .watch: watch, .watchEvery: watchEvery, .fetchPrivate: fetchPrivate ? "true" : nil,
            .headerTimeout: headerTimeout, .idleTimeout: idleTimeout, .maxConnections: maxConnections,
        ])
        var logger = Logger(label: "parklined")
        logger.logLevel = settings.text(.logLevel).flatMap(Logger.Level.init(rawValue:)) ?? .notice
        let configuration = try ServerConfiguration(settings: settings, seedFolder: noSeed ? nil : seeds)
        let app = try await buildApplication(configuration: configuration, logger: logger)
        try await app.runService()
    }
}
