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
        var generation: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    let store: EventStore
    let notifier: LogNotifier
    let capacity: Int
    let logger: Logger
    private let state = Mutex(State())

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

    public var generation: UInt64 { state.withLock { $0.generation } }

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
        wakeAll()
        let subscription = store.subscribe(after: start, notifier: notifier)
        for try await event in subscription.cancelOnGracefulShutdown() {
            state.withLock { state in
                state.events.append(event)
                if state.events.count > capacity {
                    let dropped = state.events.count - capacity
                    state.windowStart = state.events[dropped - 1].cursor
                    state.events.removeFirst(dropped)
                }
                state.generation &+= 1
            }
            wakeAll()
        }
        wakeAll()
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
            group.addTask { await self.waitForChange(since: generation) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForChange(since generation: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.generation != generation || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Wake every waiting client so it can look at the world again (shutdown).
    public func wakeWaiters() { wakeAll() }

    private func wakeAll() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            let all = Array(state.waiters.values)
            state.waiters.removeAll(keepingCapacity: true)
            return all
        }
        for waiter in waiters { waiter.resume() }
    }
}
