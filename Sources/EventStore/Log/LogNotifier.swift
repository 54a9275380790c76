import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// One LISTEN connection per process, fanned out to every waiting reader.
///
/// A notification is only a wake-up: readers then read the log from their
/// own cursor, so a dropped connection or a lost notification loses nothing.
/// Waiters are also woken every `recheckInterval`, which bounds the delay a
/// lost notification can cause. Run it with ``run()`` (it is a `Service`).
public final class LogNotifier: Service, Sendable {
    public static let channel = "parkline_events"

    private let signal = WakeSignal()
    private enum Connection { case notYet, up, lost }
    private let connection = Mutex(Connection.notYet)
    private let settings: ConnectionSettings
    private let recheckInterval: Duration
    private let logger: Logger

    public init(settings: ConnectionSettings, recheckInterval: Duration = .seconds(1), logger: Logger) {
        self.settings = settings
        self.recheckInterval = recheckInterval
        self.logger = logger
    }

    /// Bumped by every notification; read it before reading the log, then pass
    /// it to ``wait(since:)`` so a notification in between is not missed.
    public var generation: UInt64 { signal.generation }

    /// Whether the LISTEN connection is currently up.
    public var isConnected: Bool { connection.withLock { $0 == .up } }

    /// Whether the LISTEN connection was up and has gone (not merely "not
    /// connected yet" while the process starts): a sign the database is down.
    public var hasLostConnection: Bool { connection.withLock { $0 == .lost } }

    public var waiterCount: Int { signal.waiterCount }

    /// Return when something may have been appended after `generation` was
    /// read, at the next periodic re-check, or when the task is cancelled.
    public func wait(since generation: UInt64) async {
        await signal.wait(since: generation)
    }

    /// As `wait(since:)`, but return after `timeout` at the latest.
    public func wait(since generation: UInt64, timeout: Duration) async {
        await signal.wait(since: generation, timeout: timeout)
    }

    /// Listen until cancelled (or graceful shutdown), reconnecting with backoff.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.tickUntilCancelled() }
                group.addTask { await self.listenUntilCancelled() }
                await group.waitForAll()
            }
        }
        wakeAll(bump: true)
    }

    private func tickUntilCancelled() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: recheckInterval)
            wakeAll(bump: false)
        }
    }

    private func listenUntilCancelled() async {
        var backoff = Duration.milliseconds(100)
        var attempt = 0
        while !Task.isCancelled {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: settings.connectionConfiguration(), id: attempt, logger: logger
                )
                do {
                    try await withTaskCancellationHandler {
                        try await connection.listen(on: Self.channel) { notifications in
                            self.connection.withLock { $0 = .up }
                            backoff = .milliseconds(100)
                            // Anything appended while we were not listening: readers look again.
                            wakeAll(bump: true)
                            for try await _ in notifications {
                                wakeAll(bump: true)
                            }
                        }
                    } onCancel: {
                        let closing: EventLoopFuture<Void> = connection.close()
                        _ = closing
                    }
                } catch {
                    // A connection must be closed before it is released, even a dead one.
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { break }
                logger.warning("log listener disconnected; reconnecting", metadata: [
                    "error": "\(String(describing: error).prefix(200))", "retry_in": "\(backoff)",
                ])
            }
            self.connection.withLock { if $0 == .up { $0 = .lost } }
            wakeAll(bump: true)
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, .seconds(5))
        }
    }

    private func wakeAll(bump: Bool) {
        signal.wakeAll(bump: bump)
    }
}
