import Foundation

/// A `postgres://user:password@host:port/database?sslmode=…` address of an
/// existing server, or one reached by unix socket
/// (`postgres://user@/database?host=/var/run/postgresql`, as libpq spells it).
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var username: String
    public var password: String?
    /// TCP host, or `nil` for a unix socket.
    public var host: String?
    public var port: Int
    /// Directory holding the socket file, for unix sockets.
    public var socketDirectory: String?
    public var database: String
    public var tls: TLSMode

    /// Parse a URL; the error names the part that is wrong.
    public init(_ text: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw .notAPostgresURL
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { _, last in last }
        )
        username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        port = components.port ?? Int(query["port"] ?? "") ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding ?? path
        if database.isEmpty { database = username }
        let hostParameter = query["host"]
        if let hostParameter, hostParameter.hasPrefix("/") {
            host = nil
            socketDirectory = hostParameter
        } else if let name = components.host, !name.isEmpty {
            host = name
            socketDirectory = nil
        } else if let hostParameter, !hostParameter.isEmpty {
            host = hostParameter
            socketDirectory = nil
        } else {
            throw .missingHost
        }
        let mode = query["sslmode"] ?? (host == nil ? "disable" : "prefer")
        switch mode {
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        default: throw .badSSLMode(mode)
        }
    }

    /// The socket file for a unix-socket URL.
    public var socketPath: String? {
        socketDirectory.map { "\($0)/.s.PGSQL.\(port)" }
    }

    /// The URL with its password masked: safe for logs.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        if let socketDirectory {
            return "postgres://\(credentials)@/\(database)?host=\(socketDirectory)"
        }
        return "postgres://\(credentials)@\(host ?? ""):\(port)/\(database)"
    }
}

public enum DatabaseURLError: Error, CustomStringConvertible {
    case notAPostgresURL
    case missingHost
    case badSSLMode(String)

    public var description: String {
        switch self {
        case .notAPostgresURL:
            return "the database URL must look like postgres://user:password@host:5432/database (check PARKLINE_DATABASE_URL or --database-url)"
        case .missingHost:
            return "the database URL names no host: add one (postgres://user@localhost/db) or a socket directory (?host=/var/run/postgresql)"
        case let .badSSLMode(mode):
            return "sslmode=\(mode) is not understood: use disable, prefer or require"
        }
    }
}
