import Foundation

/// One request at a time per host, and a pause between two: a site is read
/// at a polite pace whatever the number of pages or watchers asking for it.
actor HostPacer {
    private let delay: Duration
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var lastFinished: [String: ContinuousClock.Instant] = [:]

    init(delay: Duration) {
        self.delay = delay
    }

    /// Run `body` when the host is free and its pause is over.
    func withTurn<T: Sendable>(_ host: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(host)
        defer { release(host) }
        if let last = lastFinished[host] {
            let ready = last + delay
            if ready > .now { try await Task.sleep(until: ready, clock: .continuous) }
        }
        return try await body()
    }

    private func acquire(_ host: String) async {
        if busy.insert(host).inserted { return }
        await withCheckedContinuation { continuation in waiting[host, default: []].append(continuation) }
    }

    private func release(_ host: String) {
        lastFinished[host] = .now
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.resume()  // the host stays busy: it passes to the next caller
        } else {
            busy.remove(host)
        }
    }
}
