import Foundation
import Hummingbird
import Timeline

/// `GET /v1/events/{id}/sources`: every report of an event with its
/// document, outlet, publication date, address when it is a web page, and
/// the paragraph around its evidence sentence, for checking an event.
struct EventSourcesController<Context: RequestContext>: Sendable {
    let activity: any ActivityReading

    struct Sources: Encodable {
        var event_id: String
        var reports: [EventSources.Report]
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("{id}/sources") { _, context in
            let id = try eventIDParameter(context)
            guard let reports = try await activity.sources(of: id) else {
                throw APIError.notFound("no event has the id \(id.uuidString.lowercased())")
            }
            return try json(Sources(event_id: id.uuidString.lowercased(), reports: reports))
        }
    }
}
