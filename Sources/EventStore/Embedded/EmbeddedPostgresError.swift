/// Why the private PostgreSQL cluster could not be prepared or started.
/// Each message names what went wrong and what to do about it.
public enum EmbeddedPostgresError: Error, CustomStringConvertible, Equatable {
    case binariesNotFound
    case noPostgresUser
    case initdbFailed(dataDirectory: String, output: String)
    case startFailed(dataDirectory: String, logFile: String, output: String)
    case stopFailed(dataDirectory: String, output: String)
    case notInitialized(dataDirectory: String)

    public var description: String {
        switch self {
        case .binariesNotFound:
            return """
                PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH \
                or under /usr/lib/postgresql/*/bin. Install them (Debian/Ubuntu: \
                `apt-get install -y postgresql`; macOS: `brew install postgresql@16`), \
                point PARKLINE_PG_BIN at their directory, or set PARKLINE_DATABASE_URL \
                to use an existing server.
                """
        case .noPostgresUser:
            return """
                PostgreSQL refuses to run as root and there is no `postgres` system user \
                to run the embedded cluster as. Create one (`useradd --system postgres`), \
                run Parkline as an ordinary user, or set PARKLINE_DATABASE_URL.
                """
        case let .initdbFailed(dataDirectory, output):
            return "initdb could not create a cluster in \(dataDirectory): \(output.trimmed). Remove the directory or choose another with --data-dir."
        case let .startFailed(dataDirectory, logFile, output):
            return "the embedded PostgreSQL in \(dataDirectory) did not start: \(output.trimmed). See \(logFile) for the server's own words."
        case let .stopFailed(dataDirectory, output):
            return "the embedded PostgreSQL in \(dataDirectory) did not stop: \(output.trimmed)"
        case let .notInitialized(dataDirectory):
            return "there is no Parkline database in \(dataDirectory) yet: run `parkline db start` (or any command) to create it."
        }
    }
}

extension String {
    var trimmed: String {
        let lines = split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.suffix(4).joined(separator: " / ")
    }
}

import Foundation
