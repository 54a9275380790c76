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

extension ReportsMerged {
    /// The body as `JSONEncoder.eventBody` writes it (keys sorted), written
    /// directly when it is the resolver's (no reason, no event) and its texts
    /// need no escaping; `nil` otherwise. The resolver writes one per report
    /// it merges, and the general encoder cost it a tenth of its time.
    public var plainJSON: Data? {
        guard reason == nil, event == nil, Self.needsNoEscaping(parkId), Self.needsNoEscaping(rule) else { return nil }
        var text = #"{"eventId":""# + eventId.uuidString + #"","parkId":""# + parkId + #"","reports":["#
        text += reports.map { "\"" + $0.uuidString + "\"" }.joined(separator: ",")
        text += #"],"rule":""# + rule + #""}"#
        return Data(text.utf8)
    }

    /// The resolver's metadata (`actor`, `rule`) as `JSONEncoder.eventBody` writes it, when `rule` needs no escaping.
    public static func resolverMetadataJSON(rule: String) -> Data? {
        needsNoEscaping(rule) ? Data((#"{"actor":"parkline resolver","rule":""# + rule + #""}"#).utf8) : nil
    }

    /// Whether JSON writes `text` as it is: no quotation mark, backslash or control character.
    static func needsNoEscaping(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0x7F }
    }
}
