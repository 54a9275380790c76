/// Why a backup or restore was refused or failed; each says what to do.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    case toolNotFound(tool: String, serverMajor: Int)
    case toolTooOld(tool: String, path: String, toolMajor: Int, serverMajor: Int)
    case toolFailed(tool: String, output: String)
    case noBackupFile(String)
    case logNotEmpty(database: String, events: Int64)
    case unreadableAfterRestore(database: String, restoredTransaction: UInt64, serverNext: UInt64)

    public var description: String {
        switch self {
        case let .toolNotFound(tool, major):
            return "\(tool) was not found: install PostgreSQL \(major)'s client programs "
                + "(Debian/Ubuntu: apt-get install postgresql-client-\(major)) or point PARKLINE_PG_BIN at their directory"
        case let .toolTooOld(tool, path, toolMajor, serverMajor):
            return "\(path) is \(tool) \(toolMajor), older than the PostgreSQL \(serverMajor) server: install PostgreSQL \(serverMajor)'s "
                + "client programs (apt-get install postgresql-client-\(serverMajor)) or point PARKLINE_PG_BIN at them"
        case let .toolFailed(tool, output):
            return "\(tool) failed: \(output.trimmed)"
        case let .noBackupFile(path):
            return "there is no backup at \(path): give the file `parkline db backup` wrote"
        case let .logNotEmpty(database, events):
            return "\(database) already holds a log of \(events) events: a restore never writes over one. "
                + "Restore into an empty data directory (--data-dir) or an empty database (--database-url)"
        case let .unreadableAfterRestore(database, restored, next):
            return "the log restored into \(database) holds transaction ids up to \(restored), but the server's counter is at \(next), "
                + "so readers would not see those events yet: restore into an embedded cluster (which moves its counter), "
                + "or move the log with `parkline export` and `parkline import`, which give events this server's ids"
        }
    }
}
