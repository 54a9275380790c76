import EventStore
import Logging
import PostgresNIO
import ServiceLifecycle

/// Samples what `/metrics` reports of the database every few seconds, on
/// its own (not only when someone calls `/readyz`): the projector's lag,
/// what the read horizon holds back, and the daemon's connections in use.
struct DatabaseGauges: Service {
    /// The daemon's connections carry this `application_name`.
    static let applicationName = "parklined"

    let readiness: any ReadinessChecking
    let store: EventStore
    let client: PostgresClient
    let metrics: ServerMetrics
    var every: Duration = .seconds(5)
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sample()
                try await Task.sleep(for: every)
            }
        }
    }

    func sample() async {
        do {
            metrics.projectorLag.set(Double(try await readiness.projectorLag(limit: 100_000)))
            let hold = try await store.horizonHold()
            metrics.horizonHeldEvents.set(Double(hold.heldEvents))
            metrics.horizonHoldAge.set(hold.oldestTransactionAge)
            let rows = try await client.query("""
                SELECT count(*), count(*) FILTER (WHERE state <> 'idle' AND pid <> pg_backend_pid())
                FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = \(Self.applicationName)
                """, logger: logger)
            for try await (open, busy) in rows.decode((Int64, Int64).self) {
                metrics.poolConnections.set(Double(open))
                metrics.poolBusyConnections.set(Double(busy))
            }
        } catch {
            logger.debug("database gauges not sampled", metadata: ["error": "\(String(reflecting: error).prefix(200))"])
        }
    }
}
