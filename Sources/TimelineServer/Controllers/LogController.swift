import EventStore
import Hummingbird
import Timeline

/// `GET /v1/log`: the raw log in order, a page at a time, each event as
/// `parkline replay` prints it (`LogLine`).
struct LogController<Context: RequestContext>: Sendable {
    let log: any LogReading

    struct Page: Encodable {
        var events: [LogLine]
        /// Pass as `after` for the next page.
        var next_cursor: String
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get { request, _ in try await page(request) }
    }

    private func page(_ request: Request) async throws -> Response {
        let limit = try request.integer("limit", default: 500, range: 1...5000)
        var cursor = LogCursor.start
        if let text = try request.query("after") {
            guard let parsed = LogCursor(text) else {
                throw APIError.badRequest("after=\(text.prefix(40)) is not a log cursor: use the cursor of the last event you read, or 0-0")
            }
            cursor = parsed
        }
        let category = try request.query("category", maxLength: 64)
        let events = try await log.readAll(after: cursor, limit: limit, category: category)
        // An empty page after a cursor this log never reached is not "nothing new yet".
        if events.isEmpty, cursor != .start, try await log.isPastEnd(cursor) {
            throw APIError(.conflict, "past_end_of_log",
                           "after=\(cursor) lies past the end of this log (was the database restored or replaced?): start again from 0-0")
        }
        return try json(Page(events: events.map(LogLine.init), next_cursor: (events.last?.cursor ?? cursor).description))
    }
}
