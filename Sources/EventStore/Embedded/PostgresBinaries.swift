import Foundation

/// The PostgreSQL server programs the embedded cluster needs.
///
/// Looked up on `PATH` first, then under `/usr/lib/postgresql/<version>/bin`
/// (Debian keeps server binaries off `PATH`), newest version first.
public struct PostgresBinaries: Sendable, Equatable {
    public var initdb: String
    public var pgCtl: String
    public var postgres: String

    public var directory: String { (initdb as NSString).deletingLastPathComponent }

    /// `explicit` (the `pgBin` setting, `PARKLINE_PG_BIN`) first, then `PATH`
    /// and the usual system directories.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        searchSystemDirectories: Bool = true
    ) throws(EmbeddedPostgresError) -> PostgresBinaries {
        var directories: [String] = []
        if let explicit, !explicit.isEmpty {
            directories.append(explicit)
        }
        directories += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if searchSystemDirectories {
            directories += versionedDirectories(under: "/usr/lib/postgresql")
            directories += ["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin"]
        }
        for directory in directories {
            let binaries = PostgresBinaries(
                initdb: directory + "/initdb",
                pgCtl: directory + "/pg_ctl",
                postgres: directory + "/postgres"
            )
            if [binaries.initdb, binaries.pgCtl, binaries.postgres]
                .allSatisfy(FileManager.default.isExecutableFile(atPath:)) {
                return binaries
            }
        }
        throw .binariesNotFound
    }

    private static func versionedDirectories(under root: String) -> [String] {
        guard let versions = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return versions
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            .map { "\(root)/\($0)/bin" }
    }
}
