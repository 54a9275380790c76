import Foundation

/// A person's word that `reports` are not of the act `eventId` shows: each
/// becomes its own event again, with its own id and date. The resolver only
/// ever places new reports, so it never merges them back.
public struct ReportsSplit: Codable, Sendable, Hashable {
    public var eventId: UUID
    public var reports: [UUID]
    public var parkId: String
    public var reason: String

    public init(eventId: UUID, reports: [UUID], parkId: String, reason: String) {
        self.eventId = eventId
        self.reports = reports
        self.parkId = parkId
        self.reason = reason
    }
}
