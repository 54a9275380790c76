import Foundation

/// SIGINT/SIGTERM as an async wait, so Ctrl-C ends a subscription or a watch cleanly.
enum SignalWatcher {
    struct Interrupts: Sendable {
        let stream: AsyncStream<Void>
        func first() async {
            for await _ in stream { return }
        }
    }

    static func interrupts() -> Interrupts {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            retained.append(source)
        }
        return Interrupts(stream: stream)
    }

    nonisolated(unsafe) static var retained: [any DispatchSourceSignal] = []

    /// Run `body` until it ends or Ctrl-C (SIGINT/SIGTERM) ends it.
    static func untilInterrupted(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let signals = interrupts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await signals.first() }
            group.addTask { try await body() }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
