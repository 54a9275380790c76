import EventStore
import Foundation

/// Everything a Parkline process is told from outside, in one place: built
/// from command-line flags first, then `PARKLINE_*` environment variables,
/// then defaults. Secrets (the database password, the API token) come only
/// from the environment or a file, never from code.
public struct Configuration: Sendable {
    /// `PARKLINE_DATABASE_URL` / `--database-url`; `nil` means the embedded cluster.
    public var databaseURL: DatabaseURL?
    /// `PARKLINE_HOME` / `--data-dir`, default `./.parkline`.
    public var dataDirectory: String

    public static let defaultDataDirectory = ".parkline"

    public init(databaseURL: DatabaseURL? = nil, dataDirectory: String = Configuration.defaultDataDirectory) {
        self.databaseURL = databaseURL
        self.dataDirectory = dataDirectory
    }

    /// Flags win over the environment, the environment over defaults.
    public static func resolve(
        databaseURL flagURL: String?,
        dataDirectory flagDirectory: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Configuration {
        let urlText = flagURL ?? environment["PARKLINE_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let url = try urlText.map { text throws(DatabaseURLError) in try DatabaseURL(text) }
        let directory = flagDirectory ?? environment["PARKLINE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? defaultDataDirectory
        return Configuration(databaseURL: url, dataDirectory: directory)
    }

    public var endpoint: DatabaseEndpoint {
        if let databaseURL { return .server(databaseURL) }
        return .embedded(dataDirectory: dataDirectory)
    }
}
