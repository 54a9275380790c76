import EventStore
import Foundation

/// Following the log from a point on, filtered, as `parkline subscribe`
/// does against the database. (The daemon fans one log reader out to many
/// clients instead, with the same `TimelineChange` and `SubscriptionFilter`.)
public struct TimelineSubscription: Sendable {
    let store: EventStore
    let notifier: LogNotifier
    let filter: SubscriptionFilter
    let mergeStates: MergeStates

    /// `notifier` must be running (as a child task of the caller).
    public init(store: EventStore, notifier: LogNotifier, filter: SubscriptionFilter, mergeStates: MergeStates) {
        self.store = store
        self.notifier = notifier
        self.filter = filter
        self.mergeStates = mergeStates
    }

    /// The cursor `start` denotes now.
    public func cursor(for start: TimelineInput.Start) async throws -> LogCursor {
        switch start {
        case .start: .start
        case .end: try await store.headCursor()
        case .after(let cursor): cursor
        }
    }

    /// Hand every admitted change after `cursor` to `body`, stored ones
    /// first, then live ones, until the task is cancelled.
    public func run(after cursor: LogCursor, _ body: (TimelineChange) async throws -> Void) async throws {
        var events = store.subscribe(after: cursor, notifier: notifier).makeAsyncIterator()
        var lookahead = MergeStates.Lookahead(mergeStates)
        while let event = try await events.next() {
            for change in TimelineChange.changes(of: event, states: await lookahead.states(at: event, in: events)) where filter.admits(change) {
                try await body(change)
            }
        }
    }
}
