import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Timeline

/// `GET /v1/stream`: new timeline events as Server-Sent Events.
///
/// Every message carries `id: <log cursor>`; a client reconnecting with
/// `Last-Event-ID` (browsers do this by themselves) resumes right after it,
/// with nothing lost or repeated. Idle streams get a comment every
/// heartbeat interval, which is also how a vanished client is noticed. A
/// client that falls more than the live window behind is sent an `overflow`
/// event and disconnected, to resume from its last id; memory never grows
/// with a slow reader. Graceful shutdown ends every stream.
struct StreamController<Context: ConnectionContext>: Sendable {
    let feed: LiveFeed
    let store: EventStore
    let metrics: ServerMetrics
    let heartbeat: Duration
    let maximumLag: Int

    /// Where a stream begins.
    enum Start {
        case after(LogCursor)
        /// The client asked to resume past the end of this log (it read
        /// another database, say before a restore): it is told to start over.
        case reset(head: LogCursor)
    }

    func addRoutes(to router: Router<Context>, resolvePark: @escaping @Sendable (String) async throws -> String) {
        router.get("v1/stream") { request, context in
            var wanted = SubscriptionFilter(type: try Request.input.eventType(try request.query("type"))?.rawValue)
            if let park = try request.query("park") { wanted.parkID = try await resolvePark(park) }
            let filter = wanted
            let limit = try request.query("limit") == nil ? nil : try request.integer("limit", default: 0, range: 1...100_000)
            let start = try await startCursor(request)
            let presence = ClientPresence(gone: await context.clientGone(), feed: feed)
            var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
            headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                metrics.subscribers.increment()
                defer { metrics.subscribers.decrement() }
                switch start {
                case .reset(let head):
                    try await writer.write(ByteBuffer(string: Self.resetMessage(head: head)))
                    metrics.ended(.reset)
                case .after(let cursor):
                    try await writer.write(ByteBuffer(string: "retry: 2000\n: stream from \(cursor)\n\n"))
                    // Graceful shutdown wakes the waiting loop, which then ends the body.
                    let end = try await withGracefulShutdownHandler {
                        try await stream(from: cursor, filter: filter, limit: limit, presence: presence, to: &writer)
                    } onGracefulShutdown: {
                        feed.wakeWaiters()
                    }
                    metrics.ended(end)
                }
                try await writer.finish(nil)
            })
        }
    }

    /// `event: reset`: the client's position is not in this log; it should
    /// reload what it shows and stream again from `head` (the page and
    /// `parkline subscribe` do). Its `id` is the head, so a client that
    /// merely reconnects resumes from there.
    static func resetMessage(head: LogCursor) -> String {
        "id: \(head)\nevent: reset\ndata: {\"reason\":\"the position asked for lies past the end of this log (was the database restored or replaced?): reload and resume from head\",\"head\":\"\(head)\"}\n\n"
    }

    /// `Last-Event-ID` (a reconnecting client), else `after`: `start`, `end` or a cursor.
    private func startCursor(_ request: Request) async throws -> Start {
        guard let given = try request.headers[.lastEventID] ?? request.query("after") else { return .after(try await currentHead()) }
        switch try Request.input.start(given, field: "after") {
        case .start: return .after(.start)
        case .end: return .after(try await currentHead())
        case .after(let cursor):
            if let head = feed.head, cursor <= head { return .after(cursor) }
            return try await store.isPastEnd(cursor) ? .reset(head: try await store.headCursor()) : .after(cursor)
        }
    }

    private func currentHead() async throws -> LogCursor {
        if let head = feed.head { return head }
        return try await store.headCursor()
    }

    private func stream(from start: LogCursor, filter: SubscriptionFilter, limit: Int?, presence: ClientPresence,
                        to writer: inout any ResponseBodyWriter) async throws -> ServerMetrics.StreamEnd {
        var cursor = start
        var sent = 0
        var wasLive = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if presence.hasLeft { return .disconnected }
            let generation = feed.generation
            let batch = try await feed.events(after: cursor, limit: 200)
            let lag = feed.lag(after: cursor)
            if lag != nil { wasLive = true }
            // The feed trims its window in steps of a tenth: a client that
            // enters it at its start (catching up from the database) may be
            // up to that much more behind, and is not cut off for it.
            if wasLive && lag == nil || (lag ?? 0) > maximumLag + maximumLag / 10 {
                try await writer.write(ByteBuffer(string: "event: overflow\ndata: {\"message\":\"this client fell too far behind; reconnect with Last-Event-ID to resume\"}\n\n"))
                return .overflow
            }
            if batch.isEmpty {
                await presence.wait(since: generation, until: .now + heartbeat)
                if presence.hasLeft { return .disconnected }
                if feed.generation == generation && !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                }
                continue
            }
            // Each message's bytes were rendered once for every client: one
            // message is written as it is (no copy); several are joined into
            // one write.
            var messages: [ByteBuffer] = []
            for item in batch {
                cursor = item.event.cursor
                let admitted = item.messages.filter { filter.admits($0.filterable) }
                let taken = admitted.prefix(limit.map { $0 - sent } ?? admitted.count)
                // Of a log event's several messages only the last carries its id, and
                // none when the limit cuts them short.
                for (index, message) in taken.enumerated() {
                    let last = taken.count == admitted.count && index == admitted.count - 1
                    messages.append(last ? message.bytes : message.bare ?? message.bytes)
                }
                sent += taken.count
                if let limit, sent >= limit { break }
            }
            if messages.count == 1 {
                try await writer.write(messages[0])
            } else if !messages.isEmpty {
                var chunk = ByteBuffer()
                chunk.reserveCapacity(messages.reduce(0) { $0 + $1.readableBytes })
                for message in messages { chunk.writeImmutableBuffer(message) }
                try await writer.write(chunk)
            }
            if let limit, sent >= limit { return .limit }
        }
        return .closed
    }
}

/// Whether a stream's client is still there: the connection guard says at
/// once when it leaves, so its stream ends (and the subscriber gauge drops)
/// without waiting for the next heartbeat's failed write.
final class ClientPresence: Sendable {
    private let left = Atomic<Bool>(false)
    private let feed: LiveFeed
    /// This client's name among the feed's waiters (one wait at a time).
    private let waiter: UInt64

    init(gone: EventLoopFuture<Void>?, feed: LiveFeed) {
        self.feed = feed
        waiter = feed.makeWaiterID()
        gone?.whenComplete { [self] _ in
            left.store(true, ordering: .relaxed)
            feed.wake(waiter)
        }
    }

    var hasLeft: Bool { left.load(ordering: .relaxed) }

    /// Wait for the feed to move past `generation`, until `deadline` (the
    /// next heartbeat), or until the client leaves. A leave that comes
    /// before the wait begins is seen as it begins (`unless`), one that
    /// comes during it wakes it.
    func wait(since generation: UInt64, until deadline: ContinuousClock.Instant) async {
        await feed.wait(since: generation, waiter: waiter, deadline: deadline, unless: { [self] in hasLeft })
    }
}

/// One change of a log event as a stream sends it, rendered once for every client.
struct StreamMessage: Sendable {
    /// What subscribers' filters look at: the park, and the event's type for whole states.
    var filterable: TimelineChange
    /// The SSE message: `id:`, `event:` and `data:` lines and the blank
    /// line, as bytes shared by every client's write.
    var bytes: ByteBuffer
    /// The same without its `id:` line, for a log event that is several
    /// messages (a merge into several events): only the last a client is
    /// sent carries the id, so one that reconnects after part of them is
    /// sent them all again (each an update of its event, harmless twice)
    /// rather than resuming past the rest.
    var bare: ByteBuffer?

    /// `nil` when the change cannot be encoded.
    init?(_ event: RecordedEvent, change: TimelineChange, bare: Bool = false) {
        guard let data = try? JSONEncoder.parkline.encode(change) else { return nil }
        var filterable = change
        filterable.event?.evidence = ""
        filterable.event?.reports = []
        filterable.change = nil
        self.filterable = filterable
        var body = ByteBuffer()
        body.writeString("event: \(change.kind)\ndata: ")
        body.writeBytes(data)
        body.writeStaticString("\n\n")
        var bytes = ByteBuffer(string: "id: \(event.cursor)\n")
        bytes.writeImmutableBuffer(body)
        self.bytes = bytes
        self.bare = bare ? body : nil
    }

    /// The messages of one log event's `changes`.
    static func group(_ event: RecordedEvent, changes: [TimelineChange]) -> [StreamMessage] {
        changes.compactMap { StreamMessage(event, change: $0, bare: changes.count > 1) }
    }
}
