import EventStore
import Foundation

/// Where a Parkline process keeps its log: an existing PostgreSQL server,
/// or (by default) the embedded cluster in a data directory. Read from the
/// settings (`ParklineSettings.storage()`); secrets come from the
/// environment or a file, never from code.
public struct Configuration: Sendable {
    /// `databaseURL`; `nil` means the embedded cluster.
    public var databaseURL: DatabaseURL?
    /// `home`, default `./.parkline`.
    public var dataDirectory: String
    /// `pgBin`: PostgreSQL's programs, when not on `PATH`.
    public var postgresBinaries: String?

    public static let defaultDataDirectory = ".parkline"

    public init(databaseURL: DatabaseURL? = nil, dataDirectory: String = Configuration.defaultDataDirectory,
                postgresBinaries: String? = nil) {
        self.databaseURL = databaseURL
        self.dataDirectory = dataDirectory
        self.postgresBinaries = postgresBinaries
    }

    public var endpoint: DatabaseEndpoint {
        if let databaseURL { return .server(databaseURL) }
        return .embedded(dataDirectory: dataDirectory, binaries: postgresBinaries)
    }
}
