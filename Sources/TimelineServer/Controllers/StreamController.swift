import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
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
struct StreamController<Context: RequestContext>: Sendable {
    let feed: LiveFeed
    let store: EventStore
    let metrics: ServerMetrics
    let heartbeat: Duration
    let maximumLag: Int

    func addRoutes(to router: Router<Context>, resolvePark: @escaping @Sendable (String) async throws -> String) {
        router.get("v1/stream") { request, _ in
            var wanted = SubscriptionFilter(type: try Request.input.eventType(try request.query("type"))?.rawValue)
            if let park = try request.query("park") { wanted.parkID = try await resolvePark(park) }
            let filter = wanted
            let limit = try request.query("limit") == nil ? nil : try request.integer("limit", default: 0, range: 1...100_000)
            let start = try await startCursor(request)
            var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
            headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                metrics.subscribers.increment()
                defer { metrics.subscribers.decrement() }
                try await writer.write(ByteBuffer(string: "retry: 2000\n: stream from \(start)\n\n"))
                // Graceful shutdown wakes the waiting loop, which then ends the body.
                try await withGracefulShutdownHandler {
                    try await stream(from: start, filter: filter, limit: limit, to: &writer)
                } onGracefulShutdown: {
                    feed.wakeWaiters()
                }
                try await writer.finish(nil)
            })
        }
    }

    /// `Last-Event-ID` (a reconnecting client), else `after`: `start`, `end` or a cursor.
    private func startCursor(_ request: Request) async throws -> LogCursor {
        guard let given = try request.headers[.lastEventID] ?? request.query("after") else { return try await currentHead() }
        switch try Request.input.start(given, field: "after") {
        case .start: return .start
        case .end: return try await currentHead()
        case .after(let cursor): return cursor
        }
    }

    private func currentHead() async throws -> LogCursor {
        if let head = feed.head { return head }
        return try await store.headCursor()
    }

    private func stream(from start: LogCursor, filter: SubscriptionFilter, limit: Int?,
                        to writer: inout any ResponseBodyWriter) async throws {
        var cursor = start
        var sent = 0
        var wasLive = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let generation = feed.generation
            let batch = try await feed.events(after: cursor, limit: 200)
            let lag = feed.lag(after: cursor)
            if lag != nil { wasLive = true }
            // The feed trims its window in steps of a tenth: a client that
            // enters it at its start (catching up from the database) may be
            // up to that much more behind, and is not cut off for it.
            if wasLive && lag == nil || (lag ?? 0) > maximumLag + maximumLag / 10 {
                try await writer.write(ByteBuffer(string: "event: overflow\ndata: {\"message\":\"this client fell too far behind; reconnect with Last-Event-ID to resume\"}\n\n"))
                return
            }
            if batch.isEmpty {
                await feed.wait(since: generation, timeout: heartbeat)
                if feed.generation == generation && !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                }
                continue
            }
            var chunk = ""
            for item in batch {
                cursor = item.event.cursor
                guard let message = item.message, filter.admits(message.filterable) else { continue }
                chunk += message.text
                sent += 1
                if let limit, sent >= limit { break }
            }
            if !chunk.isEmpty { try await writer.write(ByteBuffer(string: chunk)) }
            if let limit, sent >= limit { return }
        }
    }

}

/// One log event as a stream sends it, rendered once for every client.
struct StreamMessage: Sendable {
    /// What subscribers' filters look at: the park, and the event's type for whole states.
    var filterable: TimelineChange
    /// The SSE text: `id:`, `event:` and `data:` lines and the blank line.
    var text: String

    /// `nil` when the change cannot be encoded.
    init?(_ event: RecordedEvent, change: TimelineChange) {
        guard let data = try? JSONEncoder.parkline.encode(change) else { return nil }
        var filterable = change
        filterable.event?.evidence = ""
        filterable.event?.reports = []
        filterable.change = nil
        self.filterable = filterable
        text = "id: \(event.cursor)\nevent: \(change.kind)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
