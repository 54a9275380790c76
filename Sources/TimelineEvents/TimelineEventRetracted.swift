import Foundation

public struct TimelineEventRetracted: Codable, Sendable, Hashable {
    public var eventId: UUID
    public var parkId: String?
    public var reason: String

    public init(eventId: UUID, parkId: String? = nil, reason: String) {
        self.eventId = eventId
        self.parkId = parkId
        self.reason = reason
    }
}
