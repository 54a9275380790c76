import Synchronization

/// A generation counter that tasks can wait on: read `generation`, look at
/// the world, then `wait(since:)`; a bump in between is never missed.
/// Shared by the log notifier and the daemon's live feed.
public final class WakeSignal: Sendable {
    private struct Waiter {
        var continuation: CheckedContinuation<Void, Never>
        /// When ``expire(asOf:)`` ends the wait; `nil`: never.
        var deadline: ContinuousClock.Instant?
    }

    private struct State {
        var generation: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiterID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var generation: UInt64 { state.withLock { $0.generation } }

    public var waiterCount: Int { state.withLock { $0.waiters.count } }

    /// Return when woken, when the generation moved past `generation`, or
    /// when the task is cancelled.
    public func wait(since generation: UInt64) async {
        await wait(since: generation, id: makeWaiterID(), deadline: nil, unless: { false })
    }

    /// A name for one waiter, for ``wake(_:)``.
    public func makeWaiterID() -> UInt64 {
        state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
    }

    /// As `wait(since:)`, and also return once `deadline` has passed (as
    /// seen by the owner's next ``expire(asOf:)``), when ``wake(_:)`` names
    /// `id`, or at once when `unless` holds as the wait begins. No task or
    /// timer is made for a wait: a thousand stream clients each waiting out
    /// a heartbeat with a sleeping child task left one timer per message and
    /// client alive until it fired (up to 15 s), ~90 MB at 1,000 clients.
    public func wait(since generation: UInt64, id: UInt64, deadline: ContinuousClock.Instant?, unless: @Sendable () -> Bool) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != generation || Task.isCancelled || unless() { return true }
                    state.waiters[id] = Waiter(continuation: continuation, deadline: deadline)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    /// End the wait of `id`, if it is waiting.
    public func wake(_ id: UInt64) {
        state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
    }

    /// End every wait whose deadline is at or before `now`.
    public func expire(asOf now: ContinuousClock.Instant = .now) {
        let expired = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            let ids = state.waiters.compactMap { id, waiter in waiter.deadline.map { $0 <= now } == true ? id : nil }
            return ids.compactMap { state.waiters.removeValue(forKey: $0)?.continuation }
        }
        for waiter in expired { waiter.resume() }
    }

    /// As `wait(since:)`, but return after `timeout` at the latest.
    public func wait(since generation: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait(since: generation) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Wake every waiter; with `bump`, also move the generation on.
    public func wakeAll(bump: Bool) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            if bump { state.generation &+= 1 }
            let waiting = state.waiters.values.map(\.continuation)
            state.waiters.removeAll(keepingCapacity: true)
            return waiting
        }
        for waiter in waiters { waiter.resume() }
    }
}
