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

            Example:
              PARKLINE_API_TOKEN=$(openssl rand -hex 32) parklined --port 8080
            """
    )

    @Option(help: "Address to listen on (default: 127.0.0.1, or $PARKLINE_HOST).") var host: String?
    @Option(help: "Port to listen on (default: 8080, or $PARKLINE_PORT; 0 picks a free one).") var port: Int?
    @Option(name: .long, help: ArgumentHelp("Use an existing PostgreSQL server instead of the embedded one.", valueName: "url"))
    var databaseURL: String?
    @Option(name: .long, help: ArgumentHelp("Directory of the embedded cluster (default: $PARKLINE_HOME or ./.parkline).", valueName: "dir"))
    var dataDir: String?
    @Option(help: "Folder to ingest when the log is empty (default: seeds).") var seeds: String = "seeds"
    @Flag(help: "Do not ingest the seeds folder into an empty log.") var noSeed = false
    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).") var parks: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel: String?
    @Option(name: .long, help: ArgumentHelp(
        "A streaming-replication standby for queries and stream catch-up (default: $PARKLINE_READ_DATABASE_URL); writes, LISTEN and the projector stay on the primary.",
        valueName: "url"))
    var readDatabaseURL: String?
    @Option(help: ArgumentHelp("Seconds an API request may wait for the database before it is answered 503 (default: 10, or $PARKLINE_REQUEST_TIMEOUT).", valueName: "seconds"))
    var requestTimeout: Double?
    @Option(help: ArgumentHelp("Events a stream client may fall behind before it is told to reconnect (default: 10000, or $PARKLINE_MAX_SUBSCRIBER_LAG).", valueName: "events"))
    var maxSubscriberLag: Int?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "parklined")
        logger.logLevel = (logLevel ?? environment["PARKLINE_LOG_LEVEL"]).flatMap(Logger.Level.init(rawValue:)) ?? .notice
        let portText = environment["PARKLINE_PORT"]
        guard let port = port ?? (portText.map { Int($0) } ?? ServerConfiguration.defaultPort), (0...65535).contains(port) else {
            throw ValidationError("PARKLINE_PORT=\(portText ?? "") is not a port number")
        }
        let timeoutText = environment["PARKLINE_REQUEST_TIMEOUT"]
        guard let timeout = requestTimeout ?? (timeoutText.map { Double($0) } ?? 10), timeout > 0, timeout <= 3600 else {
            throw ValidationError("the request timeout must be between 0 and 3600 seconds (PARKLINE_REQUEST_TIMEOUT=\(timeoutText ?? ""))")
        }
        let lagText = environment["PARKLINE_MAX_SUBSCRIBER_LAG"]
        guard let lag = maxSubscriberLag ?? (lagText.map { Int($0) } ?? 10_000), (10...1_000_000).contains(lag) else {
            throw ValidationError("the subscriber lag must be between 10 and 1000000 events (PARKLINE_MAX_SUBSCRIBER_LAG=\(lagText ?? ""))")
        }
        let readURL = readDatabaseURL ?? environment["PARKLINE_READ_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let configuration = ServerConfiguration(
            host: host ?? environment["PARKLINE_HOST"] ?? "127.0.0.1",
            port: port,
            storage: try Configuration.resolve(databaseURL: databaseURL, dataDirectory: dataDir),
            seedFolder: noSeed ? nil : seeds,
            apiToken: try ServerConfiguration.apiToken(),
            maximumSubscriberLag: lag,
            parksFile: parks,
            requestTimeout: .milliseconds(Int(timeout * 1000)),
            readStorage: try readURL.map { try Configuration.resolve(databaseURL: $0, dataDirectory: nil) }
        )
        let app = try await buildApplication(configuration: configuration, logger: logger)
        try await app.runService()
    }
}
