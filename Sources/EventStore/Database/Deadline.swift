import Foundation
import Synchronization

/// Run `operation` but give up after `timeout`.
///
/// A query sent on a connection the server has just terminated can wait
/// forever instead of failing (seen with PostgresNIO when backends are
/// killed under load). Long-lived loops (subscriptions, the projector) must
/// not stall on one, so their reads run under a deadline: the operation
/// runs in a task of its own, and when time is up the caller gets
/// `EventStoreError.unavailable` (and retries) while that task is cancelled
/// and left to finish, or not, on its own.
public func withDeadline<T: Sendable>(
    _ timeout: Duration,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let once = ResumeOnce<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            once.set(continuation)
            let work = Task {
                do { once.resume(.success(try await operation())) } catch { once.resume(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                once.resume(.failure(EventStoreError.unavailable("no answer within \(timeout)")))
            }
            // Whoever finishes first ends the other. A timer left sleeping
            // after its operation answered held memory: every API request
            // runs under a deadline, and at 16k req/s with a 10 s timeout
            // those sleepers took 600 MB (found by parkline-bench soak).
            once.onFinish {
                work.cancel()
                timer.cancel()
            }
        }
    } onCancel: {
        once.resume(.failure(CancellationError()))
    }
}

/// A continuation resumed by whichever of several racers comes first.
final class ResumeOnce<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var done = false
        var finish: (@Sendable () -> Void)?
    }
    private let state = Mutex(State())

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.finish = action
            return false
        }
        if runNow { action() }
    }

    func resume(_ result: Result<T, any Error>) {
        let (continuation, finish) = state.withLock { state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
            guard !state.done else { return (nil, nil) }
            state.done = true
            if state.continuation == nil { state.early = result }
            defer { state.continuation = nil; state.finish = nil }
            return (state.continuation, state.finish)
        }
        continuation?.resume(with: result)
        finish?()
    }
}
