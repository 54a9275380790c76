import Foundation
import Logging
import PostgresNIO

/// The log from a cursor on: first what is stored, then live events as they
/// are appended, every event exactly once and in log order.
///
/// Pull-based: a batch is read only when the consumer asks for more, so a
/// slow consumer holds at most one batch in memory. Between batches it waits
/// on the process's ``LogNotifier`` (or polls when there is none, or when
/// reading a standby, which shows an event after the primary's NOTIFY). A read
/// that fails (the connection dropped, the server restarted) is retried from
/// the same cursor after a pause, so nothing is lost or repeated. The
/// sequence ends when its task is cancelled.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent

    let store: EventStore
    let cursor: LogCursor
    let category: String?
    let notifier: LogNotifier?
    let batchSize: Int
    /// Without a notifier, the pause between reads of an idle log. With one,
    /// the longest wait for a notification: a standby shows an event some
    /// time after the primary's NOTIFY, so a reader there also polls.
    var pollInterval: Duration?

    public func makeAsyncIterator() -> Iterator {
        Iterator(subscription: self, cursor: cursor)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let subscription: EventSubscription
        /// Cursor of the last event handed out.
        public private(set) var cursor: LogCursor
        var buffer: [RecordedEvent] = []
        var bufferIndex = 0
        /// The events of the batch in hand that `next()` has not returned
        /// yet: a consumer may look ahead at them (and read no more for it).
        public var buffered: ArraySlice<RecordedEvent> { buffer[Swift.min(bufferIndex, buffer.count)...] }

        init(subscription: EventSubscription, cursor: LogCursor) {
            self.subscription = subscription
            self.cursor = cursor
        }

        public mutating func next() async throws -> RecordedEvent? {
            while !Task.isCancelled {
                if bufferIndex < buffer.count {
                    let event = buffer[bufferIndex]
                    bufferIndex += 1
                    cursor = event.cursor
                    return event
                }
                let generation = subscription.notifier?.generation ?? 0
                do {
                    let (store, after, limit, category) = (subscription.store, cursor, subscription.batchSize, subscription.category)
                    buffer = try await withDeadline(.seconds(15)) {
                        try await store.readAll(after: after, limit: limit, category: category)
                    }
                    store.logger.trace("subscription read", metadata: ["after": "\(after)", "count": "\(buffer.count)"])
                    bufferIndex = 0
                } catch {
                    if Task.isCancelled { return nil }
                    subscription.store.logger.warning("subscription read failed; retrying", metadata: [
                        "cursor": "\(cursor)", "error": "\(String(describing: error).prefix(200))",
                    ])
                    try? await Task.sleep(for: .milliseconds(200))
                    continue
                }
                if buffer.isEmpty {
                    switch (subscription.notifier, subscription.pollInterval) {
                    case let (notifier?, interval?): await notifier.wait(since: generation, timeout: interval)
                    case let (notifier?, nil): await notifier.wait(since: generation)
                    case let (nil, interval): try? await Task.sleep(for: interval ?? .milliseconds(250))
                    }
                }
            }
            return nil
        }
    }
}
