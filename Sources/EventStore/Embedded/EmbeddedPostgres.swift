import Foundation
import Logging
import PostgresNIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private PostgreSQL cluster in a data directory: the zero-configuration
/// default of the CLI, the daemon and the tests.
///
/// `start()` runs `initdb` on first use, then `pg_ctl start` with the server
/// listening only on a unix socket (no TCP port to collide with), and creates
/// the application database. A cluster that is already running is reused; a
/// stale `postmaster.pid` left by a crash is recovered from. When the process
/// is root the cluster runs as the `postgres` system user.
public struct EmbeddedPostgres: Sendable {
    public static let superuser = "postgres"
    public static let defaultDatabase = "parkline"

    public let layout: ClusterLayout
    public let binaries: PostgresBinaries
    /// `false` trades crash safety for speed (fsync off); for throwaway test clusters only.
    public let durable: Bool
    /// `max_connections` of a cluster it initialises (an existing one keeps its own).
    public let maximumConnections: Int
    let clusterUser: String?
    let logger: Logger

    public struct Status: Sendable, Equatable {
        public var initialized: Bool
        public var running: Bool
        public var pid: Int?
        public var serverVersion: String?
        public var layout: ClusterLayout
    }

    /// `binaries`: the directory of `initdb` and `pg_ctl`, when not on `PATH`.
    public init(dataDirectory: String, binaries: String? = nil, durable: Bool = true, maximumConnections: Int = 300,
                logger: Logger) throws(EmbeddedPostgresError) {
        self.binaries = try PostgresBinaries.locate(explicit: binaries)
        self.durable = durable
        self.maximumConnections = maximumConnections
        self.logger = logger
        if geteuid() == 0 {
            guard getpwnam(Self.superuser) != nil else { throw .noPostgresUser }
            self.clusterUser = Self.superuser
        } else {
            self.clusterUser = nil
        }
        self.layout = Self.resolveLayout(dataDirectory: dataDirectory, clusterUser: clusterUser)
    }

    // MARK: Layout

    private static let locationFileName = "cluster-location"

    private static func resolveLayout(dataDirectory: String, clusterUser: String?) -> ClusterLayout {
        let absolute = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        let pointer = absolute + "/" + locationFileName
        // A decision made once (by a traversal probe) is remembered, so later
        // commands find the same cluster without probing again.
        if let recorded = try? String(contentsOfFile: pointer, encoding: .utf8) {
            let traversable = recorded.trimmingCharacters(in: .whitespacesAndNewlines) == "local"
            return ClusterLayout.make(dataDirectory: absolute, traversable: traversable)
        }
        var traversable = true
        if let user = clusterUser {
            try? FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
            let probe = ShellCommand(executable: "/usr/bin/test", arguments: ["-x", absolute], runAsUser: user)
            traversable = (try? probe.run().succeeded) ?? false
        }
        try? FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
        try? (traversable ? "local" : "tmp").write(toFile: pointer, atomically: true, encoding: .utf8)
        return ClusterLayout.make(dataDirectory: absolute, traversable: traversable)
    }

    // MARK: Lifecycle

    /// Initialise (first use) and start the cluster unless it runs already, then
    /// make sure the application database exists.
    @discardableResult
    public func start(database: String = defaultDatabase) async throws -> Status {
        try await BlockingWork.run {
            try self.withDirectoryLock {
                try self.initializeIfNeeded()
                if try !self.isRunning() {
                    try self.startServer()
                }
            }
        }
        try await createDatabaseIfMissing(database)
        return status()
    }

    /// Stop the cluster (fast shutdown: open sessions are ended, work is kept).
    public func stop() throws {
        try withDirectoryLock {
            guard FileManager.default.fileExists(atPath: layout.pgData + "/PG_VERSION") else { return }
            guard try isRunning() else { return }
            let outcome = try pgCtl(["stop", "-D", layout.pgData, "-m", "fast", "-w", "-t", "60"])
            guard outcome.succeeded else {
                throw EmbeddedPostgresError.stopFailed(dataDirectory: layout.pgData, output: outcome.output)
            }
            logger.info("embedded PostgreSQL stopped", metadata: ["data": "\(layout.pgData)"])
        }
    }

    /// Stop at once without a checkpoint (tests use this to simulate a crash-free teardown quickly).
    public func stopImmediately() {
        _ = try? pgCtl(["stop", "-D", layout.pgData, "-m", "immediate", "-w", "-t", "30"])
    }

    public func status() -> Status {
        let initialized = FileManager.default.fileExists(atPath: layout.pgData + "/PG_VERSION")
        let version = (try? String(contentsOfFile: layout.pgData + "/PG_VERSION", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let running = initialized && ((try? isRunning()) ?? false)
        return Status(
            initialized: initialized,
            running: running,
            pid: running ? postmasterPID() : nil,
            serverVersion: version,
            layout: layout
        )
    }

    /// Connection settings for a database of this cluster, as `username`
    /// (the superuser unless told).
    public func connectionSettings(database: String = defaultDatabase, username: String = superuser) -> ConnectionSettings {
        ConnectionSettings(
            socketPath: layout.socketPath, host: nil, port: 5432,
            username: username, password: nil, database: database, tls: .disable,
            displayName: "embedded PostgreSQL (\(layout.pgData)) [\(database)]"
        )
    }

    // MARK: Steps

    private func initializeIfNeeded() throws {
        if FileManager.default.fileExists(atPath: layout.pgData + "/PG_VERSION") { return }
        if let reason = layout.relocationReason {
            logger.notice("embedded PostgreSQL lives outside the data directory", metadata: [
                "cluster": "\(layout.clusterRoot)", "reason": "\(reason)",
            ])
        }
        try makeOwnedDirectory(layout.clusterRoot)
        if layout.socketDirectory != layout.clusterRoot {
            try makeOwnedDirectory(layout.socketDirectory)
        }
        logger.info("initialising embedded PostgreSQL", metadata: ["data": "\(layout.pgData)"])
        let outcome = try ShellCommand(
            executable: binaries.initdb,
            arguments: [
                "-D", layout.pgData, "-U", Self.superuser, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync",
            ],
            runAsUser: clusterUser
        ).run()
        guard outcome.succeeded else {
            throw EmbeddedPostgresError.initdbFailed(dataDirectory: layout.pgData, output: outcome.output)
        }
        var settings = """

            # Parkline embedded cluster: unix socket only, no TCP port.
            listen_addresses = ''
            unix_socket_directories = '\(layout.socketDirectory)'
            unix_socket_permissions = 0700
            port = 5432
            max_connections = \(maximumConnections)
            logging_collector = off

            """
        if !durable {
            settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        }
        let confPath = layout.pgData + "/postgresql.conf"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: confPath))
        handle.seekToEndOfFile()
        handle.write(Data(settings.utf8))
        try handle.close()
    }

    func startServer() throws {
        if layout.socketDirectory != layout.clusterRoot {
            try makeOwnedDirectory(layout.socketDirectory)
        }
        let deadline = Date().addingTimeInterval(60)
        var lastOutput = ""
        while Date() < deadline {
            removeStalePIDFile()
            let outcome = try pgCtl(["start", "-D", layout.pgData, "-l", layout.logFile, "-w", "-t", "60", "-s"])
            if outcome.succeeded {
                logger.info("embedded PostgreSQL started", metadata: [
                    "data": "\(layout.pgData)", "socket": "\(layout.socketPath)",
                ])
                return
            }
            lastOutput = outcome.output + " " + tailOfLog()
            // After a kill -9 the old backends may hold shared memory for a moment.
            if lastOutput.contains("shared memory") || lastOutput.contains("lock file") {
                Thread.sleep(forTimeInterval: 0.5)
                continue
            }
            break
        }
        throw EmbeddedPostgresError.startFailed(dataDirectory: layout.pgData, logFile: layout.logFile, output: lastOutput)
    }

    private func isRunning() throws -> Bool {
        // pg_ctl status: 0 running, 3 not running, 4 no data directory.
        let outcome = try pgCtl(["status", "-D", layout.pgData])
        return outcome.status == 0
    }

    private func postmasterPID() -> Int? {
        guard let text = try? String(contentsOfFile: layout.pgData + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first else { return nil }
        return Int(first.trimmingCharacters(in: .whitespaces))
    }

    /// A `postmaster.pid` whose process is gone, or is not a postgres process
    /// (its pid was reused after a crash or reboot), would block the start.
    private func removeStalePIDFile() {
        guard let pid = postmasterPID() else { return }
        let alive = kill(pid_t(pid), 0) == 0 || errno == EPERM
        var isPostgres = false
        if alive, let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) {
            isPostgres = comm.hasPrefix("postgres")
        }
        if !alive || !isPostgres {
            logger.notice("removing stale postmaster.pid", metadata: ["pid": "\(pid)"])
            try? FileManager.default.removeItem(atPath: layout.pgData + "/postmaster.pid")
        }
    }

    private func tailOfLog() -> String {
        guard let text = try? String(contentsOfFile: layout.logFile, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(3).joined(separator: " / ")
    }

    func pgCtl(_ arguments: [String]) throws -> ShellCommand.Outcome {
        try ShellCommand(executable: binaries.pgCtl, arguments: arguments, runAsUser: clusterUser).run()
    }

    private func makeOwnedDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o700]
        if let user = clusterUser {
            attributes[.ownerAccountName] = user
        }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: path)
    }

    /// Serialise initdb/start/stop between processes sharing a data directory.
    func withDirectoryLock<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: layout.dataDirectory, withIntermediateDirectories: true)
        let fd = open(layout.dataDirectory + "/.lock", O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func createDatabaseIfMissing(_ name: String) async throws {
        try await connectionSettings(database: "postgres").withConnection(logger: logger) { client in
            let rows = try await client.query("SELECT 1 FROM pg_database WHERE datname = \(name)", logger: logger)
            for try await _ in rows { return }
            do {
                // Identifiers cannot be bound; the name is ours, checked here.
                guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    throw EmbeddedPostgresError.initdbFailed(dataDirectory: layout.pgData, output: "invalid database name \(name)")
                }
                try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P04" {
                // Created by a concurrent process: fine.
            }
        }
    }
}
