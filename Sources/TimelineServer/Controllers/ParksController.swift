import Foundation
import Hummingbird
import Timeline
import TimelineEvents

/// `/v1/parks`: the parks, one park, its timeline, and recording an event
/// of it by hand.
struct ParksController<Context: RequestContext>: Sendable {
    let timeline: any TimelineReading
    let writer: any TimelineWriting
    let pages: EventPages
    let authorization: WriteAuthorization
    let metrics: ServerMetrics
    let maximumBodyBytes: Int

    struct ParkList: Encodable {
        var parks: [TimelineQueries.ParkSummary]
    }

    /// `POST /v1/parks/{id}/events`.
    struct RecordRequest: Decodable {
        var type: String
        var date: String
        var title: String
        var evidence: String?
        var source: String?
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get { _, _ in try json(ParkList(parks: try await timeline.parks())) }
        group.get("{id}") { _, context in try json(try await park(context)) }
        group.get("{id}/timeline") { request, context in
            try await pages.cachedBytes(request) {
                let park = try await park(context)
                return try await pages.page(request, parkID: park.id, park: park)
            }
        }
        group.post("{id}/events") { request, context in try await record(request, context) }
    }

    private func park(_ context: Context) async throws -> TimelineQueries.ParkSummary {
        try await timeline.park(named: try pathParameter(context))
    }

    private func record(_ request: Request, _ context: Context) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(RecordRequest.self, limit: maximumBodyBytes,
                                                 shape: #"{"type", "date", "title", "evidence"?, "source"?}"#)
        let park = try await park(context)
        let recording = TimelineEditor.Recording(
            park: ParkPayload(id: park.id, name: park.name, aliases: park.aliases, city: park.city),
            type: try Request.input.eventType(body.type)!, date: try Request.input.eventDate(body.date)!,
            title: body.title, evidence: body.evidence, source: body.source
        )
        let change = try await writer.record(recording, actor: "api", idempotencyKey: try request.idempotencyKey)
        pages.invalidate()
        return try ChangeResponse.response(change, retracted: false, metrics: metrics)
    }
}
