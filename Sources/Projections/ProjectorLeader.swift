import EventStore
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Runs the timeline projector in one process per database.
///
/// Every daemon runs a `ProjectorLeader`; the one holding a session advisory
/// lock projects, the others wait as standbys and try the lock again every
/// `standbyInterval`. When the leader dies its connection closes, PostgreSQL
/// releases the lock, and a standby takes over from the checkpoint (which
/// only ever moves with the rows it covers, so nothing is applied twice or
/// skipped). The leader follows live appends through the shared notifier.
public final class ProjectorLeader: Service, Sendable {
    public enum Role: String, Sendable {
        case starting, standby, leader
    }

    let projector: TimelineProjector
    let settings: ConnectionSettings
    let notifier: LogNotifier
    let standbyInterval: Duration
    let logger: Logger
    private let state = Mutex<(role: Role, backendPID: Int32?, lastError: String?)>((.starting, nil, nil))

    public init(projector: TimelineProjector, settings: ConnectionSettings, notifier: LogNotifier,
                standbyInterval: Duration = .seconds(2), logger: Logger) {
        self.projector = projector
        self.settings = settings
        self.notifier = notifier
        self.standbyInterval = standbyInterval
        self.logger = logger
    }

    public var role: Role { state.withLock { $0.role } }
    /// The server process holding the leader's lock (to kill it in tests).
    public var backendPID: Int32? { state.withLock { $0.backendPID } }

    public func run() async throws {
        var attempt = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: settings.connectionConfiguration(), id: attempt, logger: logger)
                do {
                    try await cancelWhenGracefulShutdown { try await self.lead(on: connection) }
                } catch {
                    // A dead connection may never finish closing: do not wait for it.
                    Task { try? await connection.close() }
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { break }
                state.withLock { $0.lastError = String(describing: error) }
                logger.warning("projector lost its lock connection; retrying", metadata: [
                    "error": "\(String(describing: error).prefix(200))"])
            }
            state.withLock { $0.role = .starting; $0.backendPID = nil }
            try? await Task.sleep(for: .milliseconds(200))
        }
        state.withLock { $0.role = .starting }
    }

    private func lead(on connection: PostgresConnection) async throws {
        var announcedStandby = false
        while !Task.isCancelled {
            let rows = try await connection.query(
                "SELECT pg_try_advisory_lock(hashtextextended('parkline.projector.timeline', 0)), pg_backend_pid()", logger: logger)
            var locked = false
            for try await (acquired, pid) in rows.decode((Bool, Int32).self) {
                locked = acquired
                state.withLock { $0.backendPID = pid }
            }
            if locked { break }
            if !announcedStandby {
                logger.info("another process projects this database; waiting as standby")
                announcedStandby = true
            }
            state.withLock { $0.role = .standby }
            try await Task.sleep(for: standbyInterval)
        }
        state.withLock { $0.role = .leader }
        logger.info("projecting as leader")
        while !Task.isCancelled {
            let generation = notifier.generation
            try await projector.catchUp()
            // Losing the lock connection must end leadership at once, even
            // when the log is quiet: check it at least every standby interval.
            try await checkAlive(connection)
            await notifier.wait(since: generation, timeout: standbyInterval)
        }
    }

    /// A connection the server has terminated may leave a query waiting
    /// forever, so the check is bounded: no answer in time means the lock
    /// (which lives and dies with the connection) may be gone.
    private func checkAlive(_ connection: PostgresConnection) async throws {
        if connection.isClosed { throw LockConnectionLost() }
        do {
            // withDeadline leaves a query that never answers behind (a query on
            // a connection the server terminated can wait forever), where a
            // task group would wait for it.
            _ = try await withDeadline(.seconds(5)) {
                try await connection.query("SELECT 1", logger: self.logger)
            }
        } catch {
            throw LockConnectionLost()
        }
    }
}

struct LockConnectionLost: Error, CustomStringConvertible {
    var description: String { "the projector's lock connection stopped answering" }
}
