import Foundation

/// PostgreSQL's client programs for backups (`pg_dump`, `pg_restore`),
/// chosen for a server's major version and checked against it: a dump tool
/// older than the server refuses to dump it, and a restore tool older than
/// the dump cannot read it.
public struct PostgresTools: Sendable {
    public var directory: String

    public var pgDump: String { directory + "/pg_dump" }
    public var pgRestore: String { directory + "/pg_restore" }

    /// The tools of the server's major version if installed (Debian keeps
    /// each version in `/usr/lib/postgresql/<major>/bin`), else the newest
    /// found in `explicit`, on `PATH` or in the system directories; refused
    /// when older than the server.
    public static func locate(
        forServerMajor major: Int, explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(BackupError) -> PostgresTools {
        var directories: [String] = []
        if let explicit, !explicit.isEmpty { directories.append(explicit) }
        directories.append("/usr/lib/postgresql/\(major)/bin")
        directories += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let versioned = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        directories += versioned + ["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin"]
        var tooOld: BackupError?
        for directory in directories {
            let tools = PostgresTools(directory: directory)
            guard FileManager.default.isExecutableFile(atPath: tools.pgDump),
                  FileManager.default.isExecutableFile(atPath: tools.pgRestore) else { continue }
            let toolMajor = tools.majorVersion() ?? 0
            if toolMajor >= major { return tools }
            tooOld = tooOld ?? .toolTooOld(tool: "pg_dump", path: tools.pgDump, toolMajor: toolMajor, serverMajor: major)
        }
        throw tooOld ?? .toolNotFound(tool: "pg_dump", serverMajor: major)
    }

    /// `pg_dump --version`'s major number ("pg_dump (PostgreSQL) 15.8" → 15).
    func majorVersion() -> Int? {
        guard let outcome = try? ShellCommand(executable: pgDump, arguments: ["--version"], runAsUser: nil).run(),
              outcome.succeeded else { return nil }
        return Self.majorVersion(of: outcome.output)
    }

    static func majorVersion(of text: String) -> Int? {
        guard let word = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first(where: { $0.first?.isNumber == true })
        else { return nil }
        return Int(word.prefix { $0.isNumber })
    }

    /// Run `tool` with `arguments`, connecting with `settings` (given in
    /// libpq's environment variables, so no password is on a command line).
    func run(_ tool: String, _ arguments: [String], settings: ConnectionSettings) async throws {
        var environment = ProcessInfo.processInfo.environment
        if let socket = settings.socketPath {
            environment["PGHOST"] = (socket as NSString).deletingLastPathComponent
        } else {
            environment["PGHOST"] = settings.host ?? "localhost"
        }
        environment["PGPORT"] = String(settings.port)
        environment["PGUSER"] = settings.username
        environment["PGDATABASE"] = settings.database
        environment["PGSSLMODE"] = settings.tls.rawValue
        if let password = settings.password { environment["PGPASSWORD"] = password } else { environment.removeValue(forKey: "PGPASSWORD") }
        let child = try ChildProcess.spawn([tool] + arguments, environment: environment)
        defer { child.discardOutput() }
        let status = await child.wait()
        guard status == 0 else {
            throw BackupError.toolFailed(tool: (tool as NSString).lastPathComponent, output: child.output)
        }
    }
}
