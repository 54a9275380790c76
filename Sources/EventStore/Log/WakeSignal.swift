import Synchronization

/// A generation counter that tasks can wait on: read `generation`, look at
/// the world, then `wait(since:)`; a bump in between is never missed.
/// Shared by the log notifier and the daemon's live feed.
public final class WakeSignal: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiterID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var generation: UInt64 { state.withLock { $0.generation } }

    public var waiterCount: Int { state.withLock { $0.waiters.count } }

    /// Return when woken, when the generation moved past `generation`, or
    /// when the task is cancelled.
    public func wait(since generation: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != generation || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
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
            let waiting = Array(state.waiters.values)
            state.waiters.removeAll(keepingCapacity: true)
            return waiting
        }
        for waiter in waiters { waiter.resume() }
    }
}
