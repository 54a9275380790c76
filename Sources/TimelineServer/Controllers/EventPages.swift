import Foundation
import Hummingbird
import Timeline

/// Pages of a listing of events (a park's timeline, or all events), with
/// their filters read from the query string, answered from the page cache
/// while the read model is unchanged. Shared by the parks and events routes.
struct EventPages: Sendable {
    let timeline: any TimelineReading
    let cache: PageCache
    let metrics: ServerMetrics

    /// A read answered from the page cache while the read model is unchanged.
    func cached<Body: Encodable>(_ request: Request, _ body: () async throws -> Body) async throws -> Response {
        try await cachedBytes(request) { ByteBuffer(bytes: try JSONEncoder.parkline.encode(try await body())) }
    }

    /// As above, for a body already rendered.
    func cachedBytes(_ request: Request, _ render: () async throws -> ByteBuffer) async throws -> Response {
        let (page, hit) = try await cache.page(request.uri.description, render: render)
        metrics.pageCache(hit: hit)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: page))
    }

    /// The page the request's `type`, `from`, `to`, `q`, `as_of`, `cursor` and `limit` ask for.
    ///
    /// A page cursor is a position in the listing (the last event's date,
    /// precision, first publication date and id), not a secret or a grant: any well-formed one is
    /// accepted, and shows only what the same filters show anyway.
    /// The body is `{"events": [EventRecord…], "log_cursor", "next_cursor",
    /// "park"}` (the last three absent when there is none), keys sorted as
    /// everywhere else. The events come rendered by the read model
    /// (``TimelineReading/records(_:)``) and are passed through as they are.
    /// `log_cursor` is the log cursor the listing was read at: open
    /// `/v1/stream?after=` with it to miss nothing recorded since.
    func page(_ request: Request, parkID: String?, park: TimelineQueries.ParkSummary?) async throws -> ByteBuffer {
        let limit = try request.integer("limit", default: 200, range: 1...1000)
        var after: TimelineQueries.PageKey?
        if let token = try request.query("cursor") {
            guard let key = TimelineQueries.PageKey(token: token) else {
                throw APIError.badRequest("cursor is not a page cursor: pass next_cursor from the previous page unchanged, or leave cursor out to start from the first page")
            }
            after = key
        }
        var filter = try Request.input.filter(
            parkID: parkID, type: try request.query("type"), from: try request.query("from"), to: try request.query("to"),
            asOf: try request.query("as_of"))
        filter.after = after
        filter.limit = limit + 1
        filter.text = try request.searchText()
        let listing = try await timeline.records(filter)
        var events = listing.events
        var next: String?
        if events.count > limit {
            events.removeLast(events.count - limit)
            next = events.last?.key.token
        }
        let encoder = JSONEncoder.parkline
        var body = ByteBuffer()
        body.reserveCapacity(events.reduce(256) { $0 + $1.json.readableBytes + 1 })
        body.writeStaticString("{\"events\":[")
        for (index, event) in events.enumerated() {
            if index > 0 { body.writeStaticString(",") }
            body.writeImmutableBuffer(event.json)
        }
        body.writeStaticString("]")
        for (key, value) in [("log_cursor", listing.readCursor?.description), ("next_cursor", next)] {
            guard let value else { continue }
            body.writeString(",\"\(key)\":")
            body.writeBytes(try encoder.encode(value))
        }
        if let park {
            body.writeStaticString(",\"park\":")
            body.writeBytes(try encoder.encode(park))
        }
        body.writeStaticString("}")
        return body
    }

    /// Later reads must not be answered from pages rendered before a write.
    func invalidate() {
        cache.invalidate()
    }
}
