import Foundation

/// A change to a timeline event: the fields given replace the current ones.
public struct TimelineEventCorrected: Codable, Sendable, Hashable {
    public var eventId: UUID
    /// The event's park, so subscribers can filter without a lookup (absent in old logs).
    public var parkId: String?
    public var type: String?
    public var date: String?
    public var precision: String?
    public var lower: String?
    public var upper: String?
    public var title: String?
    public var reason: String

    public init(eventId: UUID, parkId: String? = nil, type: String? = nil, date: String? = nil, precision: String? = nil,
                lower: String? = nil, upper: String? = nil, title: String? = nil, reason: String) {
        self.eventId = eventId
        self.parkId = parkId
        self.type = type
        self.date = date
        self.precision = precision
        self.lower = lower
        self.upper = upper
        self.title = title
        self.reason = reason
    }
}

extension TimelineEventPayload {
    /// The state after `correction`: the fields it gives replace these.
    public func applying(_ correction: TimelineEventCorrected) -> TimelineEventPayload {
        var result = self
        if let type = correction.type { result.type = type }
        // A date set by hand stays when more reports of the event arrive.
        if let date = correction.date, date != self.date || correction.lower.map({ $0 != lower }) == true {
            result.dateCorrected = true
        }
        if let date = correction.date { result.date = date }
        if let precision = correction.precision { result.precision = precision }
        if let lower = correction.lower { result.lower = lower }
        if let upper = correction.upper { result.upper = upper }
        if let title = correction.title { result.title = title }
        return result
    }
}
