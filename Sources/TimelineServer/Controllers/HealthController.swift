import EventStore
import Hummingbird
import Logging

/// How ready the daemon is: database reachable, projector behind by how much.
public protocol ReadinessChecking: Sendable {
    /// Log events the read models have not applied yet (at most `limit`).
    func projectorLag(limit: Int) async throws -> Int
    /// `starting`, `standby` or `leader`.
    var projectorRole: String { get }
}

/// `/healthz` (the process answers), `/readyz` (database reachable,
/// projector lag), `/metrics` (Prometheus text).
struct HealthController<Context: RequestContext>: Sendable {
    let readiness: any ReadinessChecking
    let metrics: ServerMetrics
    let logger: Logger

    /// Lagging by more than this many events is not ready.
    static var lagLimit: Int { 1000 }

    struct Health: Encodable {
        var status: String
        var database: String?
        var projector_lag: Int?
        var projector_role: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in try json(Health(status: "ok")) }
        router.get("readyz") { _, _ in try await ready() }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
    }

    private func ready() async throws -> Response {
        do {
            let readiness = readiness
            let behind = try await withDeadline(.seconds(5)) { try await readiness.projectorLag(limit: Self.lagLimit + 1) }
            metrics.projectorLag.set(Double(behind))
            let lagging = behind > Self.lagLimit
            return try json(Health(status: lagging ? "lagging" : "ready", database: "reachable",
                                   projector_lag: behind, projector_role: readiness.projectorRole),
                            status: lagging ? .serviceUnavailable : .ok)
        } catch {
            logger.warning("readiness check failed", metadata: ["error": "\(String(reflecting: error).prefix(300))"])
            return try json(Health(status: "unavailable", database: "unreachable"), status: .serviceUnavailable)
        }
    }
}
