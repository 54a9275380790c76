import Configuration
import EventStore
import Foundation

/// Every setting of the CLI and the daemon, read one way. Each has one key;
/// the first of these that gives it wins:
///
/// 1. the command-line flag (`--database-url`),
/// 2. the environment variable `PARKLINE_<KEY>` (`PARKLINE_DATABASE_URL`),
/// 3. the JSON file named by `--config` or `PARKLINE_CONFIG`, an object
///    with the keys below (`{"databaseURL": "postgres://…", "port": 8080}`),
/// 4. the default.
///
/// Secrets (the API token, passwords in URLs) are marked so that
/// swift-configuration's access log never prints them.
public struct ParklineSettings: Sendable {
    /// The settings' keys; the environment variable is `PARKLINE_` and the
    /// key in upper snake case.
    public enum Key: String, Sendable, CaseIterable {
        /// A PostgreSQL URL; none means the embedded cluster.
        case databaseURL
        /// The embedded cluster's directory (`PARKLINE_HOME`, default `./.parkline`).
        case home
        /// The directory of PostgreSQL's programs, when not on `PATH`.
        case pgBin
        /// A running parklined the CLI asks instead of the database.
        case server
        /// A JSON file of parks added to the bundled gazetteer.
        case parks
        /// The daemon's address and port.
        case host, port
        /// The bearer token for writes over HTTP, or a file whose first line is it.
        case apiToken, apiTokenFile
        case logLevel
        /// Seconds an API request may wait for the database.
        case requestTimeout
        /// Events a stream client may lag behind before it is cut off.
        case maxSubscriberLag
        /// A streaming-replication standby for queries.
        case readDatabaseURL
        /// The settings file.
        case config
        /// Feeds, news lists or pages the daemon follows (comma- or space-separated addresses).
        case watch
        /// The pause between the daemon's watch rounds: 90s, 30m, 6h.
        case watchEvery
        /// Let the daemon fetch loopback and private addresses (`true`; default `false`).
        case fetchPrivate
        /// Seconds a request's header may take to arrive (default 5).
        case headerTimeout
        /// Seconds a kept-alive connection may wait for its next request (default 75).
        case idleTimeout
        /// Open HTTP connections at most (default: from the open-file limit).
        case maxConnections

        /// `PARKLINE_DATABASE_URL`.
        public var environmentName: String {
            "PARKLINE_" + rawValue.words(joinedBy: "_").uppercased()
        }

        var isSecret: Bool { self == .apiToken || self == .databaseURL || self == .readDatabaseURL }
    }

    let reader: ConfigReader

    /// Layer `flags` (the values given on the command line), the
    /// environment, the settings file and defaults.
    public static func load(
        flags: [Key: String?], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> ParklineSettings {
        let given = flags.compactMapValues { $0 }
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in given {
            values[AbsoluteConfigKey([key.rawValue])] = ConfigValue(.string(value), isSecret: key.isSecret)
        }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(
                environmentVariables: environment, secretsSpecifier: .specific(Set(Key.allCases.filter(\.isSecret).map(\.environmentName))))
                .prefixKeys(with: "parkline"),
        ]
        let file = given[.config] ?? environment[Key.config.environmentName].flatMap { $0.isEmpty ? nil : $0 }
        if let file {
            guard FileManager.default.fileExists(atPath: file) else { throw SettingsError.missingFile(file) }
            do {
                let path = ConfigReader(provider: InMemoryProvider(values: ["filePath": ConfigValue(.string(file), isSecret: false)]))
                providers.append(try await FileProvider<JSONSnapshot>(config: path))
            } catch {
                throw SettingsError.unreadableFile(file)
            }
        }
        return ParklineSettings(reader: ConfigReader(providers: providers))
    }

    init(reader: ConfigReader) {
        self.reader = reader
    }

    /// The setting as text; `nil` when nothing gives it (an empty value counts as not given).
    public func text(_ key: Key) -> String? {
        let name = ConfigKey(key.rawValue)
        let value = reader.string(forKey: name, isSecret: key.isSecret)
            ?? reader.int(forKey: name).map(String.init)
            ?? reader.double(forKey: name).map { String($0) }
            ?? reader.bool(forKey: name).map(String.init)
        return value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A whole number in `range`, or `fallback` when not given.
    public func integer(_ key: Key, default fallback: Int, in range: ClosedRange<Int>) throws(SettingsError) -> Int {
        guard let text = text(key) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .outOfRange(key, text, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A number of seconds in `range`, or `fallback` when not given.
    public func duration(_ key: Key, default fallback: Duration, in range: ClosedRange<Double>) throws(SettingsError) -> Duration {
        guard let text = text(key) else { return fallback }
        guard let seconds = Double(text), range.contains(seconds), seconds > 0 else {
            throw .outOfRange(key, text, "a number of seconds above 0, at most \(Int(range.upperBound))")
        }
        return .milliseconds(Int(seconds * 1000))
    }

    /// `true` or `false`, or `fallback` when not given.
    public func flag(_ key: Key, default fallback: Bool) throws(SettingsError) -> Bool {
        guard let text = text(key) else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .outOfRange(key, text, "true or false")
        }
    }

    /// Addresses separated by commas or spaces (or a JSON array in the settings file).
    public func list(_ key: Key) -> [String] {
        if let values = reader.stringArray(forKey: ConfigKey(key.rawValue)) { return values.filter { !$0.isEmpty } }
        return (text(key) ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }

    /// Where the database is: the URL's server, or the embedded cluster.
    public func storage() throws -> Configuration {
        Configuration(
            databaseURL: try text(.databaseURL).map { text throws(DatabaseURLError) in try DatabaseURL(text) },
            dataDirectory: text(.home) ?? Configuration.defaultDataDirectory,
            postgresBinaries: text(.pgBin)
        )
    }
}

/// A setting that cannot be used; the message names where it may come from.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    case outOfRange(ParklineSettings.Key, String, String)
    case missingFile(String)
    case unreadableFile(String)

    public var description: String {
        switch self {
        case let .outOfRange(key, text, expected):
            return "the \(key.rawValue) setting is \"\(text.prefix(40))\": give \(expected) (set by its flag, \(key.environmentName) or the settings file)"
        case let .missingFile(path):
            return "the settings file \(path) does not exist: check --config or PARKLINE_CONFIG"
        case let .unreadableFile(path):
            return "the settings file \(path) is not a JSON object of settings: fix it (keys such as databaseURL, home, port)"
        }
    }
}
