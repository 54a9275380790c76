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
    @Option(help: "Parks gazetteer (default: seeds/parks.json, or $PARKLINE_PARKS).") var parks: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "parklined")
        logger.logLevel = (logLevel ?? environment["PARKLINE_LOG_LEVEL"]).flatMap(Logger.Level.init(rawValue:)) ?? .notice
        let portText = environment["PARKLINE_PORT"]
        guard let port = port ?? (portText.map { Int($0) } ?? ServerConfiguration.defaultPort), (0...65535).contains(port) else {
            throw ValidationError("PARKLINE_PORT=\(portText ?? "") is not a port number")
        }
        let configuration = ServerConfiguration(
            host: host ?? environment["PARKLINE_HOST"] ?? "127.0.0.1",
            port: port,
            storage: try Configuration.resolve(databaseURL: databaseURL, dataDirectory: dataDir),
            seedFolder: noSeed ? nil : seeds,
            apiToken: try ServerConfiguration.apiToken(),
            parksFile: parks
        )
        let app = try await buildApplication(configuration: configuration, logger: logger)
        try await app.runService()
    }
}
