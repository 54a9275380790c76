import Crypto
import Foundation

/// Where the files of a private cluster live, derived from the user's data
/// directory.
///
/// The preferred place is `<data-dir>/cluster`. Two things can push it to a
/// short directory under `/tmp` instead: the `postgres` system user (which runs
/// the cluster when we are root) cannot traverse the data directory's parents
/// (e.g. anything under `/root`), or the unix socket path would exceed the
/// 107-byte limit of `sun_path`. Either fallback is recorded in
/// ``relocationReason`` so the logs can say why.
public struct ClusterLayout: Sendable, Equatable {
    /// The directory the user chose (`--data-dir`, `PARKLINE_HOME`, default `./.parkline`).
    public var dataDirectory: String
    /// Parent of `pgData`, the log file and (normally) the socket; owned by the cluster's user.
    public var clusterRoot: String
    /// `PGDATA`.
    public var pgData: String
    /// `unix_socket_directories`.
    public var socketDirectory: String
    public var logFile: String
    /// Why the cluster lives outside the data directory, when it does.
    public var relocationReason: String?

    /// The socket *file* PostgresNIO connects to.
    public var socketPath: String { socketDirectory + "/.s.PGSQL.5432" }

    static let maximumSocketPathLength = 107

    /// The layout for `dataDirectory`; `traversable` says whether the cluster's
    /// user can reach `<dataDirectory>/cluster`.
    static func make(dataDirectory: String, traversable: Bool) -> ClusterLayout {
        let absolute = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        let shortRoot = "/tmp/parkline-" + shortHash(absolute)
        var reason: String?
        var root = absolute + "/cluster"
        if !traversable {
            root = shortRoot
            reason = "the postgres user cannot traverse \(absolute)"
        }
        var socketDirectory = root
        if (socketDirectory + "/.s.PGSQL.5432").utf8.count > maximumSocketPathLength {
            socketDirectory = shortRoot + "-socket"
            reason = (reason.map { $0 + "; " } ?? "") + "the socket path under \(root) would exceed \(maximumSocketPathLength) bytes"
        }
        return ClusterLayout(
            dataDirectory: absolute,
            clusterRoot: root,
            pgData: root + "/data",
            socketDirectory: socketDirectory,
            logFile: root + "/postgres.log",
            relocationReason: reason
        )
    }

    static func shortHash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
