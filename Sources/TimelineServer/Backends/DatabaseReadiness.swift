import EventStore
import Timeline

/// Readiness from the database: how far the read model is behind the log.
struct DatabaseReadiness: ReadinessChecking {
    let store: EventStore
    let readModel: ReadModel
    let leader: ReadModel.Leader

    func projectorLag(limit: Int) async throws -> Int {
        try await store.readAll(after: try await readModel.checkpoint(), limit: limit).count
    }

    var projectorRole: String { leader.role }
}
