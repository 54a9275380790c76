import Foundation
import PostgresNIO
import ServiceLifecycle
import Synchronization

extension PostgresClient {
    /// Run the client's connection pool only while `body` runs.
    ///
    /// The pool needs `run()` to be running; this lends a running client to
    /// `body` and shuts the pool down when `body` returns or throws, so no
    /// connection outlives its use. `body` starts once the task running
    /// `run()` has begun (a query before it would work, but PostgresNIO warns
    /// that `run()` has not been called).
    public func runWhile<T>(_ body: () async throws -> T) async throws -> T {
        let started = Gate()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // The gate opens in the same task just before run(), whose first act marks the pool running.
            group.addTask {
                started.open()
                await self.run()
            }
            await started.wait()
            defer { group.cancelAll() }
            return try await body()
        }
    }
}

/// A `PostgresClient` as a service of a service group, with a gate that
/// opens once the client's `run()` has begun: services that query at once
/// when they start wait behind it (``AfterGate``), so no query races the
/// pool's start.
public struct PostgresClientService: Service {
    public let client: PostgresClient
    public let running: Gate

    public init(_ client: PostgresClient, running: Gate = Gate()) {
        self.client = client
        self.running = running
    }

    public func run() async {
        running.open()
        await client.run()
    }
}

/// A service that starts once its gates open.
public struct AfterGate: Service {
    public let gates: [Gate]
    public let service: any Service

    public init(_ gates: [Gate], _ service: any Service) {
        self.gates = gates
        self.service = service
    }

    public func run() async throws {
        for gate in gates { await gate.wait() }
        guard !Task.isCancelled else { return }
        try await service.run()
    }
}

/// Opens once; everyone waiting, and everyone who comes later, passes.
public final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var waiting: [UUID: CheckedContinuation<Void, Never>] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    public func open() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Return once the gate is open, or when the task is cancelled.
    public func wait() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let passNow = state.withLock { state -> Bool in
                    if state.isOpen || Task.isCancelled { return true }
                    state.waiting[id] = continuation
                    return false
                }
                if passNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
        }
    }
}
