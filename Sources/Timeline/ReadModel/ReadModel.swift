import EventStore
import Logging
import PostgresNIO
import Projections
import TimelineEvents
import ServiceLifecycle

/// The timeline read models as their users see them: brought up to date,
/// rebuilt from the log, asked how far they have read it, and kept up to
/// date by one leader per database. The CLI and the daemon use this; only
/// Projections knows how the tables are written.
public struct ReadModel: Sendable {
    let projector: TimelineProjector
    let store: EventStore
    let queries: TimelineQueries

    public init(client: PostgresClient, logger: Logger) {
        projector = TimelineProjector(client: client, logger: logger)
        store = EventStore(client: client, logger: logger)
        queries = TimelineQueries(client: client, logger: logger)
    }

    /// Bring the read model up to date, then return the events of `types`
    /// committed after its checkpoint that it has not applied: a catch-up
    /// stops at the read horizon, which an older transaction still open
    /// (anywhere on the server) holds back.
    ///
    /// When the log holds nothing past the checkpoint (a daemon's projector
    /// keeps up), this is two statements, not a catch-up's transaction.
    /// `caughtUp`: whether the read model had anything to apply (tables may have changed).
    public func catchUpAndReadUnapplied(_ types: [DomainEventType]) async throws -> (unapplied: [RecordedEvent], caughtUp: Bool) {
        if try await upToDateCheckpoint() != nil { return ([], false) }
        try await catchUp()
        return (try await store.committed(after: try await checkpoint(), types: types.map(\.rawValue)), true)
    }

    /// The checkpoint, when the read models hold everything the log has
    /// committed (and were written by this code); `nil` otherwise.
    /// One statement (`TimelineQueries.currentCheckpoint`; the look-ahead asks the same in `resolutionState`).
    public func upToDateCheckpoint() async throws -> LogCursor? {
        try await queries.currentCheckpoint(types: DomainEventType.allCases.map(\.rawValue))
    }

    /// Apply everything the log holds beyond the checkpoint; returns how many events were read.
    @discardableResult
    public func catchUp() async throws -> Int { try await projector.catchUp() }

    /// Replay the whole log into fresh tables and swap them in; returns how many events were read.
    @discardableResult
    public func rebuild() async throws -> Int { try await projector.rebuild() }

    /// Rebuild when the stored read models were written by other projection
    /// code; returns whether it did.
    @discardableResult
    public func rebuildIfOutdated() async throws -> Bool { try await projector.rebuildIfOutdated() }

    /// Compare every row with a fresh fold of the log up to the checkpoint (see ``ReadModelAudit``).
    public func audit() async throws -> ReadModelAudit.Report {
        try await projector.audit()
    }

    /// Where the read models are up to in the log.
    public func checkpoint() async throws -> LogCursor { try await projector.checkpoint() }

    /// Read-your-writes: bring the read model past a change just appended,
    /// so the writer's next read shows it. The change is stored either way;
    /// if the projection cannot catch up within `timeout`, reads show it a
    /// little later (no error: the write succeeded).
    public func settle(past cursor: LogCursor, timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            _ = try? await projector.catchUp()
            if let checkpoint = try? await projector.checkpoint(), checkpoint >= cursor { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The service that keeps the read models up to date while a daemon runs
    /// (one leader per database projects; the others stand by).
    public func leader(settings: ConnectionSettings, notifier: LogNotifier, logger: Logger) -> Leader {
        Leader(ProjectorLeader(projector: projector, settings: settings, notifier: notifier, logger: logger))
    }

    /// A daemon's projector: leading, standing by, or starting.
    public struct Leader: Service {
        let leader: ProjectorLeader

        init(_ leader: ProjectorLeader) { self.leader = leader }

        /// `starting`, `standby` or `leader`.
        public var role: String { leader.role.rawValue }

        public func run() async throws { try await leader.run() }
    }
}
