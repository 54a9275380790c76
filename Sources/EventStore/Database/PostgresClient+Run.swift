import PostgresNIO
import ServiceLifecycle
import Synchronization

extension PostgresClient {
    /// Run the client's connection pool only while `body` runs.
    ///
    /// The pool needs `run()` to be running; this lends a running client to
    /// `body` and shuts the pool down when `body` returns or throws, so no
    /// connection outlives its use. `run()` is started as an immediate task,
    /// so it has begun before `body`'s first query (a query before it would
    /// work, but PostgresNIO warns that `run()` has not been called).
    public func runWhile<T>(_ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addImmediateTask { await self.run() }
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
        await withDiscardingTaskGroup { group in
            group.addImmediateTask { await client.run() }
            running.open()
        }
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
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    public init() {}

    public func open() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in waiting { waiter.resume() }
    }

    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let passNow = state.withLock { state -> Bool in
                if state.isOpen { return true }
                state.waiting.append(continuation)
                return false
            }
            if passNow { continuation.resume() }
        }
    }
}
