import Foundation
import Hummingbird
import Timeline

/// `/v1/events`: every park's events, one event with its history, and
/// retracting or correcting one by hand.
struct EventsController<Context: RequestContext>: Sendable {
    let timeline: any TimelineReading
    let writer: any TimelineWriting
    let pages: EventPages
    let authorization: WriteAuthorization
    let metrics: ServerMetrics
    let maximumBodyBytes: Int

    /// One state of an event and when the log held it.
    struct Version: Encodable {
        var version: Int
        var known_from: Date
        var known_until: Date?
        var retracted: Bool
        var event: EventRecord
    }

    struct Detail: Encodable {
        var event: EventRecord
        var retracted: Bool
        var history: [Version]
    }

    /// `POST /v1/events/{id}/retractions`.
    struct RetractRequest: Decodable {
        var reason: String
    }

    /// `POST /v1/events/{id}/merges`: these events report the same act.
    struct MergeRequest: Decodable {
        var with: [String]
        var reason: String
    }

    /// `POST /v1/events/{id}/splits`: a report (or every other report) is of another act.
    struct SplitRequest: Decodable {
        var reason: String
    }

    /// `POST /v1/events/{id}/corrections`.
    struct CorrectRequest: Decodable {
        var date: String?
        var type: String?
        var title: String?
        var reason: String
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get { request, _ in
            try await pages.cachedBytes(request) {
                var parkID: String?
                if let park = try request.query("park") { parkID = try await timeline.park(named: park).id }
                return try await pages.page(request, parkID: parkID, park: nil)
            }
        }
        group.get("{id}") { _, context in try json(try await detail(context)) }
        group.post("{id}/retractions") { request, context in try await retract(request, context) }
        group.post("{id}/corrections") { request, context in try await correct(request, context) }
        group.post("{id}/merges") { request, context in try await merge(request, context) }
        group.post("{id}/splits") { request, context in try await split(request, context) }
    }

    private func detail(_ context: Context) async throws -> Detail {
        let id = try eventIDParameter(context)
        var history = try await timeline.history(of: id)
        // A report merged into another event: that event is what the id now shows.
        for _ in 0..<8 {
            guard let host = history.last?.event.mergedInto else { break }
            history = try await timeline.history(of: host)
        }
        guard let current = history.last else {
            throw APIError.notFound("no event has the id \(id.uuidString.lowercased())")
        }
        return Detail(
            event: EventRecord(current.event), retracted: current.retracted,
            history: history.map {
                Version(version: $0.version, known_from: $0.knownFrom, known_until: $0.knownUntil,
                        retracted: $0.retracted, event: EventRecord($0.event))
            }
        )
    }

    private func retract(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(RetractRequest.self, limit: maximumBodyBytes, shape: #"{"reason"}"#)
        let id = try eventIDParameter(context)
        let change = try await writer.retract(id, reason: body.reason, actor: "api", idempotencyKey: try request.idempotencyKey)
        pages.invalidate()
        return try ChangeResponse.response(change, retracted: true, metrics: metrics)
    }

    private func merge(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(MergeRequest.self, limit: maximumBodyBytes, shape: #"{"with": [event ids], "reason"}"#)
        let id = try eventIDParameter(context)
        let others = try body.with.prefix(100).map { try Request.input.eventID($0, field: "with") }
        guard !others.isEmpty else { throw APIError.badRequest("with is empty: give the ids of the events to merge into this one") }
        let change = try await writer.merge(id, with: others, reason: body.reason, actor: "api")
        pages.invalidate()
        return try ChangeResponse.response(change, retracted: false, metrics: metrics)
    }

    private func split(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(SplitRequest.self, limit: maximumBodyBytes, shape: #"{"reason"}"#)
        let change = try await writer.split(try eventIDParameter(context), reason: body.reason, actor: "api")
        pages.invalidate()
        return try ChangeResponse.response(change, retracted: false, metrics: metrics)
    }

    private func correct(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(CorrectRequest.self, limit: maximumBodyBytes,
                                                 shape: #"{"reason", "date"?, "type"?, "title"?}"#)
        guard body.date != nil || body.type != nil || body.title != nil else {
            throw APIError(.unprocessableContent, "nothing_to_change", "give at least one of date, type or title")
        }
        let id = try eventIDParameter(context)
        let correction = TimelineEditor.Correction(
            type: try Request.input.eventType(body.type), date: try Request.input.eventDate(body.date),
            title: body.title, reason: body.reason)
        let change = try await writer.correct(id, correction, actor: "api", idempotencyKey: try request.idempotencyKey)
        pages.invalidate()
        return try ChangeResponse.response(change, retracted: false, metrics: metrics)
    }
}
