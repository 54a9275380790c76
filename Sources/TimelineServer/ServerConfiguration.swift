import EventStore
import Foundation
import Timeline

/// What `parklined` is told, from its settings (`ParklineSettings`: flags,
/// `PARKLINE_*` variables, the settings file, defaults). The API token only
/// ever comes from the environment, the settings file or a token file.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var storage: Configuration
    /// Ingest this folder when the log is empty (`nil`: do not seed).
    public var seedFolder: String?
    /// Bearer token for writes; `nil` refuses every write.
    public var apiToken: String?
    public var heartbeatInterval: Duration
    public var maximumBodyBytes: Int
    /// Events a stream client may lag behind the live head before it is cut off.
    public var maximumSubscriberLag: Int
    /// More parks for the bundled gazetteer (a JSON file), or $PARKLINE_PARKS.
    public var parksFile: String?
    /// How long an API request may wait for the database before it is answered 503.
    public var requestTimeout: Duration
    /// A database for queries and stream catch-up (a streaming-replication
    /// standby); `nil` reads from `storage`.
    public var readStorage: Configuration?
    /// How long a write through the API waits for the projection, so the
    /// writer's next read shows it, before it answers anyway.
    public var readYourWritesTimeout: Duration
    /// Feeds, news lists and pages followed, read every `watchEvery`.
    public var watch: [String]
    public var watchEvery: Duration
    /// Fetch loopback and private addresses (for `POST /v1/documents {"url"}`
    /// and watching). Off by default: a server that fetches what its clients
    /// name must not become their way into its network.
    public var fetchPrivateAddresses: Bool
    /// Header and idle timeouts and the connection cap.
    public var connections: ConnectionLimits
    /// How often `/metrics`' database gauges (lag, horizon, connections) are sampled.
    public var gaugeInterval: Duration = .seconds(5)

    public static let defaultPort = 8080

    public init(
        host: String = "127.0.0.1", port: Int = ServerConfiguration.defaultPort, storage: Configuration = Configuration(),
        seedFolder: String? = "seeds", apiToken: String? = nil, heartbeatInterval: Duration = .seconds(15),
        maximumBodyBytes: Int = 1 << 20, maximumSubscriberLag: Int = 10_000, parksFile: String? = nil,
        requestTimeout: Duration = .seconds(10), readStorage: Configuration? = nil,
        readYourWritesTimeout: Duration = .seconds(2), watch: [String] = [], watchEvery: Duration = .seconds(30 * 60),
        fetchPrivateAddresses: Bool = false, connections: ConnectionLimits = ConnectionLimits()
    ) {
        self.host = host
        self.port = port
        self.storage = storage
        self.seedFolder = seedFolder
        self.apiToken = apiToken
        self.heartbeatInterval = heartbeatInterval
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumSubscriberLag = maximumSubscriberLag
        self.parksFile = parksFile
        self.requestTimeout = requestTimeout
        self.readStorage = readStorage
        self.readYourWritesTimeout = readYourWritesTimeout
        self.watch = watch
        self.watchEvery = watchEvery
        self.fetchPrivateAddresses = fetchPrivateAddresses
        self.connections = connections
    }

    /// Everything from the settings (flags, `PARKLINE_*`, the settings file,
    /// defaults). `seedFolder` is the daemon's own (its `--seeds`/`--no-seed`).
    public init(settings: ParklineSettings, seedFolder: String?) throws {
        self.init(
            host: settings.text(.host) ?? "127.0.0.1",
            port: try settings.integer(.port, default: Self.defaultPort, in: 0...65535),
            storage: try settings.storage(),
            seedFolder: seedFolder,
            apiToken: try Self.apiToken(settings),
            maximumSubscriberLag: try settings.integer(.maxSubscriberLag, default: 10_000, in: 10...1_000_000),
            parksFile: settings.text(.parks),
            requestTimeout: try settings.duration(.requestTimeout, default: .seconds(10), in: 0...3600),
            readStorage: try settings.text(.readDatabaseURL).map { Configuration(databaseURL: try DatabaseURL($0)) },
            watch: try Self.watched(settings),
            watchEvery: try TimelineInput(.flag).interval(settings.text(.watchEvery), field: "watchEvery") ?? .seconds(30 * 60),
            fetchPrivateAddresses: try settings.flag(.fetchPrivate, default: false),
            connections: ConnectionLimits(
                headerTimeout: try settings.duration(.headerTimeout, default: .seconds(5), in: 0.1...300),
                idleTimeout: try settings.duration(.idleTimeout, default: .seconds(75), in: 1...3600),
                maximumConnections: try settings.text(.maxConnections) == nil
                    ? nil : settings.integer(.maxConnections, default: 0, in: 1...10_000_000))
        )
    }

    /// The `watch` setting's addresses, each an http(s) URL.
    static func watched(_ settings: ParklineSettings) throws -> [String] {
        let urls = settings.list(.watch)
        if let wrong = urls.first(where: { !WebAddress.isWebAddress($0) }) {
            throw ServerConfigurationError("--watch (or PARKLINE_WATCH) lists \(wrong), which is not an http:// or https:// address")
        }
        return urls
    }

    /// The `apiToken` setting, or the first line of the file `apiTokenFile` names.
    static func apiToken(_ settings: ParklineSettings) throws -> String? {
        if let token = settings.text(.apiToken) {
            guard token.count >= 16 else {
                throw ServerConfigurationError("PARKLINE_API_TOKEN is shorter than 16 characters: use e.g. `openssl rand -hex 32`")
            }
            return token
        }
        guard let path = settings.text(.apiTokenFile) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServerConfigurationError("PARKLINE_API_TOKEN_FILE names \(path), which cannot be read: check the path and its permissions")
        }
        let token = text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard token.count >= 16 else {
            throw ServerConfigurationError("the token in \(path) is shorter than 16 characters: use e.g. `openssl rand -hex 32`")
        }
        return token
    }
}

public struct ServerConfigurationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
