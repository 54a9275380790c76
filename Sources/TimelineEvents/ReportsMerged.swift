import Foundation

/// Reports found to be of one act: `reports` (events, each with the reports
/// already merged into it) join `eventId`, which keeps its id, so links to
/// it and corrections of it keep working. Appended to the park's stream by
/// the resolver when a new report arrives, or by a person.
public struct ReportsMerged: Codable, Sendable, Hashable {
    public var eventId: UUID
    public var reports: [UUID]
    public var parkId: String
    /// What decided: the resolver's rule (`same-subject`, `same-title`, …) or `person`.
    public var rule: String
    public var reason: String?
    /// The event as the decision left it: a person's merge carries it; the
    /// resolver's do not (they would grow with the square of an act's
    /// reports), and subscribers are sent the state the read model derives.
    public var event: TimelineEventPayload?

    public init(eventId: UUID, reports: [UUID], parkId: String, rule: String, reason: String? = nil, event: TimelineEventPayload? = nil) {
        self.eventId = eventId
        self.reports = reports
        self.parkId = parkId
        self.rule = rule
        self.reason = reason
        self.event = event
    }
}
