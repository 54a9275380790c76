import EventStore
import Foundation
import TimelineEvents

/// The event each of the resolver's merges left, for subscribers. A merge
/// names its report and its event, not the event it makes (which would
/// make the log grow with the square of an act's reports), so what a
/// subscriber is sent as `updated` is read from the read model: the
/// event's version at the merge's place in the log.
public struct MergeStates: Sendable {
    let queries: TimelineQueries
    /// Brought past the merges here (on the primary); `nil` where another
    /// process projects (a standby): then this waits for it.
    let readModel: ReadModel?
    /// How long to wait for the read model before sending an update without its event.
    let patience: Duration

    public init(queries: TimelineQueries, catchingUp readModel: ReadModel?, patience: Duration = .seconds(2)) {
        self.queries = queries
        self.readModel = readModel
        self.patience = patience
    }

    /// The events the merges among `events` left that need looking up (a
    /// merge into several events leaves one state of each).
    public static func points(in events: some Sequence<RecordedEvent>) -> [(point: TimelineQueries.StatePoint, cursor: LogCursor)] {
        events.filter { $0.type == DomainEventType.reportsMerged.rawValue }.flatMap { event -> [(point: TimelineQueries.StatePoint, cursor: LogCursor)] in
            guard let merge = try? event.decode(ReportsMerged.self), merge.event == nil else { return [] }
            return merge.targets.map { (TimelineQueries.StatePoint(eventID: $0, position: event.position), event.cursor) }
        }
    }

    /// The state of each event a lean merge among `events` left, by the
    /// event and the merge's position. Waits (up to `patience`) until the read model has applied
    /// them; a merge it cannot find in time is left out, and its update is
    /// sent without the event rather than holding every subscriber back.
    public func states(for events: some Sequence<RecordedEvent>) async -> [TimelineQueries.StatePoint: TimelineEventPayload] {
        let points = Self.points(in: events)
        guard let last = points.map(\.cursor).max() else { return [:] }
        let deadline = ContinuousClock.now + patience
        var found: [TimelineQueries.StatePoint: TimelineEventPayload] = [:]
        for attempt in 0... {
            if let answer = try? await queries.states(at: points.map(\.point)) {
                found = answer.states
                if answer.checkpoint >= last { return found }
            }
            if ContinuousClock.now >= deadline || Task.isCancelled { return found }
            // An older transaction still open holds a catch-up back: wait a moment before the next.
            if attempt > 0 || readModel == nil { try? await Task.sleep(for: .milliseconds(10)) }
            _ = try? await readModel?.catchUp()
        }
        return found
    }

    /// Follows a subscription's batches: at the first event of each batch it
    /// looks up the states of all the batch's merges, before any of it is
    /// handed on, so a report and its merge reach a subscriber together.
    public struct Lookahead {
        let mergeStates: MergeStates?
        var states: [TimelineQueries.StatePoint: TimelineEventPayload] = [:]
        var lookedAhead = Int64.min

        public init(_ mergeStates: MergeStates?) {
            self.mergeStates = mergeStates
        }

        /// The states the lean merges of `event`'s stretch left (for `TimelineChange.changes(of:states:)`);
        /// `iterator` is the subscription it came from.
        public mutating func states(at event: RecordedEvent, in iterator: EventSubscription.Iterator) async
            -> [TimelineQueries.StatePoint: TimelineEventPayload] {
            if let mergeStates, event.position > lookedAhead {
                let batch = [event] + iterator.buffered
                lookedAhead = batch.last!.position
                states = await mergeStates.states(for: batch)
            }
            return states
        }
    }
}
