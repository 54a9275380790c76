import EventStore
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
public final class LiveFeed: Service, Sendable {
    struct State {
        /// Events after `windowStart`, in log order.
        var events: [RecordedEvent] = []
        var windowStart: LogCursor?
    }

    let store: EventStore
    let notifier: LogNotifier
    let capacity: Int
    let logger: Logger
    private let state = Mutex(State())
    private let signal = WakeSignal()

    public init(store: EventStore, notifier: LogNotifier, capacity: Int = 10_000, logger: Logger) {
        self.store = store
        self.notifier = notifier
        self.capacity = capacity
        self.logger = logger
    }

    /// The cursor of the newest event the feed has seen (or the start).
    public var head: LogCursor? {
        state.withLock { $0.events.last?.cursor ?? $0.windowStart }
    }

    public var generation: UInt64 { signal.generation }

    public func run() async throws {
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
        let subscription = store.subscribe(after: start, notifier: notifier)
        try? await cancelWhenGracefulShutdown {
            for try await event in subscription {
                self.append(event)
            }
        }
        logger.debug("live feed ended")
        signal.wakeAll(bump: true)
    }

    private func append(_ event: RecordedEvent) {
        state.withLock { state in
            state.events.append(event)
            if state.events.count > capacity {
                let dropped = state.events.count - capacity
                state.windowStart = state.events[dropped - 1].cursor
                state.events.removeFirst(dropped)
            }
        }
        logger.trace("live feed appended", metadata: ["cursor": "\(event.cursor)"])
        signal.wakeAll(bump: true)
    }

    /// Up to `limit` events after `cursor`, from memory when the window holds
    /// them, else from the database. Empty when there is nothing newer yet.
    public func events(after cursor: LogCursor, limit: Int) async throws -> [RecordedEvent] {
        let fromMemory = state.withLock { state -> [RecordedEvent]? in
            guard let windowStart = state.windowStart, cursor >= windowStart else { return nil }
            // Binary search for the first event after the cursor.
            var low = 0, high = state.events.count
            while low < high {
                let mid = (low + high) / 2
                if state.events[mid].cursor <= cursor { low = mid + 1 } else { high = mid }
            }
            return Array(state.events[low..<min(state.events.count, low + limit)])
        }
        if let fromMemory { return fromMemory }
        return try await store.readAll(after: cursor, limit: limit)
    }

    /// How many events of the window lie after `cursor` (0 when the cursor is behind the window).
    public func lag(after cursor: LogCursor) -> Int? {
        state.withLock { state in
            guard let windowStart = state.windowStart, cursor >= windowStart else { return nil }
            return state.events.count - state.events.prefix { $0.cursor <= cursor }.count
        }
    }

    /// Return when the feed has moved past `generation`, or after `timeout`.
    public func wait(since generation: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.signal.wait(since: generation) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Wake every waiting client so it can look at the world again (shutdown).
    public func wakeWaiters() { signal.wakeAll(bump: false) }
}
