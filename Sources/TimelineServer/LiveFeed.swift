import EventStore
import Timeline
import TimelineEvents
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The recent tail of the log, read once per process and shared by every
/// stream client.
///
/// One task follows the log (woken by the process's single LISTEN
/// connection) and keeps the newest `capacity` events in memory. A client
/// asking for events after a cursor inside that window is answered from
/// memory, so a thousand idle subscribers cost a thousand parked tasks and
/// no queries; a client further behind reads the database until it catches
/// up. Each client pulls at its own pace: a slow one holds nothing here.
///
/// Each event's Server-Sent Events text is rendered once, when the feed
/// takes it in, not once per client: with 1,000 clients the JSON work of an
/// event is done once instead of 1,000 times.
public final class LiveFeed: Service, Sendable {
    /// A log event with its stream message, ready to send.
    struct Item: Sendable {
        var event: RecordedEvent
        /// Empty for events streams do not carry (documents, unknown types);
        /// several for a merge into several events (`StreamMessage.group`).
        var messages: [StreamMessage]

        init(_ event: RecordedEvent, changes: [TimelineChange]) {
            self.event = event
            messages = StreamMessage.group(event, changes: changes)
        }

        /// Items of consecutive log events (a report a merge among them joins to a known event is not sent as new).
        /// `states`: the events lean merges left (``MergeStates``).
        static func items(_ events: [RecordedEvent], states: [TimelineQueries.StatePoint: TimelineEventPayload] = [:]) -> [Item] {
            TimelineChange.changes(of: events, states: states).map { Item($0, changes: $1) }
        }
    }

    struct State {
        /// Events after `windowStart`, in log order.
        var events: [Item] = []
        var windowStart: LogCursor?

        /// The index of the first event after `cursor` (binary search).
        func index(after cursor: LogCursor) -> Int {
            var low = 0, high = events.count
            while low < high {
                let mid = (low + high) / 2
                if events[mid].event.cursor <= cursor { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }


    let store: EventStore
    let notifier: LogNotifier
    let capacity: Int
    /// Set when `store` reads a standby: it is polled that often as well as
    /// woken by the primary's notifications.
    let pollInterval: Duration?
    /// Where the events the resolver's merges left are read (`nil`: updates go without them).
    let mergeStates: MergeStates?
    let logger: Logger
    private let state = Mutex(State())
    private let signal = WakeSignal()

    /// How often waits with a deadline (stream heartbeats) are ended once
    /// their deadline passed: a heartbeat comes up to this much late.
    let sweepInterval: Duration

    public init(store: EventStore, notifier: LogNotifier, capacity: Int = 10_000, pollInterval: Duration? = nil,
                sweepInterval: Duration = .seconds(1), mergeStates: MergeStates? = nil, logger: Logger) {
        self.store = store
        self.notifier = notifier
        self.capacity = capacity
        self.pollInterval = pollInterval
        self.sweepInterval = sweepInterval
        self.mergeStates = mergeStates
        self.logger = logger
    }

    /// The cursor of the newest event the feed has seen (or the start).
    public var head: LogCursor? {
        state.withLock { $0.events.last?.event.cursor ?? $0.windowStart }
    }

    public var generation: UInt64 { signal.generation }

    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.sweepDeadlines() }
            try await self.follow()
            group.cancelAll()
        }
    }

    /// End the waits whose deadline passed, every `sweepInterval`: one
    /// timer for every client instead of one per client and wait.
    private func sweepDeadlines() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: sweepInterval)
            signal.expire()
        }
    }

    private func follow() async throws {
        var start: LogCursor
        while true {
            do {
                start = try await store.headCursor()
                break
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        state.withLock { $0.windowStart = start }
        logger.debug("live feed follows the log", metadata: ["from": "\(start)"])
        signal.wakeAll(bump: true)
        let subscription = store.subscribe(after: start, notifier: notifier, pollInterval: pollInterval)
        try? await cancelWhenGracefulShutdown {
            var events = subscription.makeAsyncIterator()
            var lookahead = MergeStates.Lookahead(self.mergeStates)
            while let event = try await events.next() {
                self.append(event, leaving: await lookahead.states(at: event, in: events))
            }
        }
        logger.debug("live feed ended")
        signal.wakeAll(bump: true)
    }

    private func append(_ event: RecordedEvent, leaving states: [TimelineQueries.StatePoint: TimelineEventPayload]) {
        let item = Item.items([event], states: states)[0]
        // A merge arrives just after the reports it places (same transaction):
        // those are then not new events for clients that have not sent them yet.
        let merged = event.type == DomainEventType.reportsMerged.rawValue
            ? Set((try? event.decode(ReportsMerged.self))?.reports.map { $0.uuidString.lowercased() } ?? []) : []
        state.withLock { state in
            if !merged.isEmpty {
                for index in state.events.indices.reversed().prefix(1000)
                where state.events[index].messages.first?.filterable.event.map({ merged.contains($0.id) }) == true
                    && state.events[index].event.type == DomainEventType.timelineEventExtracted.rawValue {
                    state.events[index].messages = []
                }
            }
            state.events.append(item)
            // Trim in steps of a tenth, so the copy is not paid on every event.
            if state.events.count > capacity + capacity / 10 {
                let dropped = state.events.count - capacity
                state.windowStart = state.events[dropped - 1].event.cursor
                state.events.removeFirst(dropped)
            }
        }
        logger.trace("live feed appended", metadata: ["cursor": "\(event.cursor)"])
        signal.wakeAll(bump: true)
    }

    /// Up to `limit` events after `cursor`, from memory when the window holds
    /// them, else from the database. Empty when there is nothing newer yet.
    func events(after cursor: LogCursor, limit: Int) async throws -> [Item] {
        let fromMemory = state.withLock { state -> [Item]? in
            guard let windowStart = state.windowStart, cursor >= windowStart else { return nil }
            let first = state.index(after: cursor)
            return Array(state.events[first..<min(state.events.count, first + limit)])
        }
        if let fromMemory { return fromMemory }
        let events = try await store.readAll(after: cursor, limit: limit)
        return Item.items(events, states: await mergeStates?.states(for: events) ?? [:])
    }

    /// How many events of the window lie after `cursor` (`nil` when the cursor is behind the window).
    public func lag(after cursor: LogCursor) -> Int? {
        state.withLock { state in
            guard let windowStart = state.windowStart, cursor >= windowStart else { return nil }
            return state.events.count - state.index(after: cursor)
        }
    }

    /// Return when the feed has moved past `generation`, once `deadline`
    /// has passed (within `sweepInterval`), or when `waiter` is woken
    /// (``wake(_:)``) or `unless` holds as the wait begins. Makes no task or timer.
    func wait(since generation: UInt64, waiter: UInt64, deadline: ContinuousClock.Instant, unless: @Sendable () -> Bool) async {
        await signal.wait(since: generation, id: waiter, deadline: deadline, unless: unless)
    }

    /// A name for one waiter of ``wait(since:waiter:deadline:unless:)``.
    func makeWaiterID() -> UInt64 { signal.makeWaiterID() }

    /// End the wait of `waiter`, if it is waiting.
    func wake(_ waiter: UInt64) { signal.wake(waiter) }

    /// Wake every waiting client so it can look at the world again (shutdown).
    /// The generation moves on too, so a client about to wait returns at once
    /// instead of sleeping through the wake it just missed.
    public func wakeWaiters() { signal.wakeAll(bump: true) }
}
