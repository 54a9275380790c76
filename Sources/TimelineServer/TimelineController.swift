import EventStore
import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Projections
import Timeline

/// The `/v1` routes: reads from the read models, writes through the editor
/// and the ingestor, the raw log for replaying clients.
struct TimelineController<Context: RequestContext>: Sendable {
    let store: EventStore
    let queries: TimelineQueries
    let projector: TimelineProjector
    let extractor: Extractor
    let authorization: WriteAuthorization
    let metrics: ServerMetrics
    let maximumBodyBytes: Int
    let readYourWritesTimeout: Duration
    let pages: PageCache
    let logger: Logger

    var editor: TimelineEditor {
        TimelineEditor(store: store, queries: queries, projector: projector, settleTimeout: readYourWritesTimeout)
    }

    func addRoutes(to router: Router<Context>) {
        let v1 = router.group("v1")
        v1.get("parks") { _, _ in try json(API.ParkList(parks: try await queries.parks())) }
        v1.get("parks/{id}") { _, context in try json(try await park(context)) }
        v1.get("parks/{id}/timeline") { request, context in
            try await cached(request) {
                let park = try await park(context)
                return try await page(request, parkID: park.id, park: park)
            }
        }
        v1.post("parks/{id}/events") { request, context in try await record(request, context) }
        v1.get("events") { request, _ in
            try await cached(request) {
                var parkID: String?
                if let park = try request.query("park") { parkID = try await resolve(park).id }
                return try await page(request, parkID: parkID, park: nil)
            }
        }
        v1.get("events/{id}") { _, context in try json(try await detail(context)) }
        v1.post("events/{id}/retractions") { request, context in try await retract(request, context) }
        v1.post("events/{id}/corrections") { request, context in try await correct(request, context) }
        v1.post("documents") { request, _ in try await ingest(request) }
        v1.get("log") { request, _ in try await log(request) }
    }

    // MARK: Reads

    /// A read answered from the page cache while the read model is unchanged.
    private func cached<Body: Encodable>(_ request: Request, _ body: () async throws -> Body) async throws -> Response {
        let (page, hit) = try await pages.page(request.uri.description) {
            ByteBuffer(bytes: try JSONEncoder.api.encode(try await body()))
        }
        metrics.pageCache(hit: hit)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: page))
    }

    private func resolve(_ name: String) async throws -> TimelineQueries.ParkSummary {
        try await queries.resolvePark(name, gazetteer: extractor.gazetteer.parks)
    }

    private func park(_ context: Context) async throws -> TimelineQueries.ParkSummary {
        try await resolve(try pathParameter(context))
    }

    private func page(_ request: Request, parkID: String?, park: TimelineQueries.ParkSummary?) async throws -> API.EventPage {
        let limit = try request.integer("limit", default: 200, range: 1...1000)
        var after: TimelineQueries.PageKey?
        if let token = try request.query("cursor") {
            guard let key = TimelineQueries.PageKey(token: token) else {
                throw APIError.badRequest("cursor is not one this server gave out: pass next_cursor from the previous page unchanged")
            }
            after = key
        }
        let type = try Parse.eventType(try request.query("type"))
        let filter = TimelineQueries.Filter(
            parkID: parkID, type: type?.rawValue,
            from: try Parse.bound(try request.query("from"), upper: false, field: "from"),
            to: try Parse.bound(try request.query("to"), upper: true, field: "to"),
            asOf: try Parse.timestamp(try request.query("as_of")),
            after: after, limit: limit + 1
        )
        var events = try await queries.events(filter)
        var next: String?
        if events.count > limit {
            events.removeLast(events.count - limit)
            next = events.last.map { TimelineQueries.PageKey($0).token }
        }
        return API.EventPage(park: park, events: events.map(EventRecord.init), next_cursor: next)
    }

    private func detail(_ context: Context) async throws -> API.EventDetail {
        let id = try Parse.uuid(try pathParameter(context))
        let history = try await queries.history(of: id)
        guard let current = history.last else {
            throw APIError.notFound("no event has the id \(id.uuidString.lowercased())")
        }
        return API.EventDetail(
            event: EventRecord(current.event), retracted: current.retracted,
            history: history.map {
                API.Version(version: $0.version, known_from: $0.knownFrom, known_until: $0.knownUntil,
                            retracted: $0.retracted, event: EventRecord($0.event))
            }
        )
    }

    private func log(_ request: Request) async throws -> Response {
        let limit = try request.integer("limit", default: 500, range: 1...5000)
        var cursor = LogCursor.start
        if let text = try request.query("after") {
            guard let parsed = LogCursor(text) else {
                throw APIError.badRequest("after=\(text.prefix(40)) is not a log cursor: use the cursor of the last event you read, or 0-0")
            }
            cursor = parsed
        }
        let category = try request.query("category", maxLength: 64)
        let events = try await store.readAll(after: cursor, limit: limit, category: category)
        let entries = events.map {
            API.LogEntry(position: $0.position, cursor: $0.cursor.description, stream: $0.stream.rawValue,
                         stream_version: $0.streamVersion, id: $0.id.uuidString.lowercased(), type: $0.type,
                         recorded_at: $0.recordedAt, data: RawJSON(data: $0.data), metadata: RawJSON(data: $0.metadata))
        }
        return try json(API.LogPage(events: entries, next_cursor: (events.last?.cursor ?? cursor).description))
    }

    // MARK: Writes

    private func record(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(API.RecordRequest.self, limit: maximumBodyBytes,
                                                 shape: #"{"type", "date", "title", "evidence"?, "source"?}"#)
        let park = try await park(context)
        let recording = TimelineEditor.Recording(
            park: ParkPayload(id: park.id, name: park.name, aliases: park.aliases, city: park.city),
            type: try Parse.eventType(body.type)!, date: try Parse.eventDate(body.date, field: "date")!,
            title: body.title, evidence: body.evidence, source: body.source
        )
        let change = try await editor.record(recording, actor: "api", idempotencyKey: try request.idempotencyKey)
        pages.invalidate()
        return try changed(change, retracted: false)
    }

    private func retract(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(API.RetractRequest.self, limit: maximumBodyBytes, shape: #"{"reason"}"#)
        let id = try Parse.uuid(try pathParameter(context))
        let change = try await editor.retract(id, reason: body.reason, actor: "api", idempotencyKey: try request.idempotencyKey)
        pages.invalidate()
        return try changed(change, retracted: true)
    }

    private func correct(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(API.CorrectRequest.self, limit: maximumBodyBytes,
                                                 shape: #"{"reason", "date"?, "type"?, "title"?}"#)
        guard body.date != nil || body.type != nil || body.title != nil else {
            throw APIError(.unprocessableContent, "nothing_to_change", "give at least one of date, type or title")
        }
        let id = try Parse.uuid(try pathParameter(context))
        let correction = TimelineEditor.Correction(
            type: try Parse.eventType(body.type), date: try Parse.eventDate(body.date, field: "date"),
            title: body.title, reason: body.reason)
        let change = try await editor.correct(id, correction, actor: "api", idempotencyKey: try request.idempotencyKey)
        pages.invalidate()
        return try changed(change, retracted: false)
    }

    private func changed(_ change: TimelineEditor.Change, retracted: Bool) throws -> Response {
        if !change.append.wasDuplicate { metrics.appendedEvents.increment(by: Int64(change.append.positions.count)) }
        return try json(
            API.ChangeResponse(event: EventRecord(change.event), retracted: retracted,
                               cursor: change.append.lastCursor.description, duplicate: change.append.wasDuplicate),
            status: change.append.wasDuplicate ? .ok : .created)
    }

    private func ingest(_ request: Request) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(API.DocumentRequest.self, limit: maximumBodyBytes,
                                                 shape: #"{"text", "published"? (YYYY-MM-DD), "source"?, "name"?}"#)
        var published: CivilDate?
        if let text = body.published {
            guard let date = CivilDate(iso: text) else {
                throw APIError.badRequest("published \"\(text.prefix(40))\" is not a date: use YYYY-MM-DD")
            }
            published = date
        }
        let name = try Request.checkedName(body.name)
        let document = SourceDocument(name: name, text: body.text, published: published, source: body.source)
        let ingestor = Ingestor(store: store, extractor: extractor, logger: logger)
        guard let report = try await ingestor.ingest([document]).first else { throw APIError.badRequest("nothing to ingest") }
        if let cursor = report.cursor {
            // Read-your-writes, as for hand edits.
            await editor.settle(past: cursor)
            pages.invalidate()
        }
        let outcome: String
        var status = HTTPResponse.Status.created
        switch report.outcome {
        case let .new(count):
            outcome = "new"
            metrics.appendedEvents.increment(by: Int64(count + 1))
        case .unchanged:
            outcome = "unchanged"
            status = .ok
        case let .reread(added, corrected, retracted):
            outcome = "reread"
            metrics.appendedEvents.increment(by: Int64(added + corrected + retracted + 1))
        }
        return try json(API.DocumentResponse(document: name, stream: report.stream, outcome: outcome,
                                             events: report.events.map(EventRecord.init)), status: status)
    }
}

extension Request {
    static func checkedName(_ name: String?) throws -> String {
        guard let name, !name.isEmpty else { return "posted document" }
        guard name.count <= 200, !name.contains(where: { $0.isNewline }) else {
            throw APIError.badRequest("name must be one line of at most 200 characters")
        }
        return name
    }
}

/// A JSON response with the API's encoder.
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try JSONEncoder.api.encode(value)
    return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// The `{id}` path segment, percent-decoded (park names arrive as UTF-8 escapes).
func pathParameter(_ context: some RequestContext) throws -> String {
    let raw = try context.parameters.require("id")
    let value = raw.removingPercentEncoding ?? raw
    try Request.refuseControlCharacters(value, in: "the path")
    return value
}
