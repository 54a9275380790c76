import Foundation
import Synchronization
import TimelineEvents

/// What one process's resolution keeps between its ingests: the events it
/// last read or decided, by id and the log position of the version they
/// are, and the rules' reading of them (`ReportResolver.Memo`).
///
/// An event's stored state is the read model's row for a position; the
/// lookup names the current version of each candidate, and only those this
/// process does not hold at that position are read and decoded. After an
/// ingest commits, the events it made or joined are kept at the positions
/// of its own log events: the projector, folding the same reports in the
/// same order (`TimelineEventPayload.merging`), writes the same states
/// there. Any other change (a correction, a person's merge, another
/// process's ingest) gives the event a new position, which misses.
final class ResolvedEvents: Sendable {
    private struct State {
        var events: [UUID: (position: Int64, event: TimelineEventPayload)] = [:]
        var memo: ReportResolver.Memo? = ReportResolver.Memo()
    }

    private let state = Mutex(State())

    /// Past this many events the cache starts again.
    static let capacity = 20_000

    /// The events held at exactly these versions; the rest are `missing`.
    func events(at versions: Set<TimelineQueries.EventVersion>)
        -> (found: [TimelineQueries.EventVersion: TimelineEventPayload], missing: [TimelineQueries.EventVersion]) {
        state.withLock { state in
            var found: [TimelineQueries.EventVersion: TimelineEventPayload] = [:]
            var missing: [TimelineQueries.EventVersion] = []
            for version in versions {
                if let entry = state.events[version.eventId], entry.position == version.position {
                    found[version] = entry.event
                } else {
                    missing.append(version)
                }
            }
            return (found, missing)
        }
    }

    /// Keep `events` at their versions.
    func remember(_ events: [(TimelineQueries.EventVersion, TimelineEventPayload)]) {
        state.withLock { state in
            if state.events.count + events.count > Self.capacity { state.events = [:] }
            for (version, event) in events { state.events[version.eventId] = (version.position, event) }
        }
    }

    /// Every event held, at its version.
    var held: [TimelineQueries.EventVersion: TimelineEventPayload] {
        state.withLock { state in
            Dictionary(uniqueKeysWithValues: state.events.map { (TimelineQueries.EventVersion(eventId: $0.key, position: $0.value.position), $0.value.event) })
        }
    }

    /// The memo, taken for one batch (`returnMemo` gives it back). A batch
    /// running while another holds it gets a fresh one.
    func takeMemo() -> ReportResolver.Memo {
        state.withLock { state in
            defer { state.memo = nil }
            return state.memo ?? ReportResolver.Memo()
        }
    }

    func returnMemo(_ memo: ReportResolver.Memo) {
        state.withLock { $0.memo = memo }
    }
}
