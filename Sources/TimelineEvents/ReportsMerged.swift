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
    /// The body as `JSONEncoder.eventBody` writes it (keys sorted, slashes
    /// kept), byte for byte, written directly for the shape the resolver
    /// appends (no reason, no event): it writes one per report it joins, and
    /// the encoder's own work was a tenth of the resolver's. Other shapes go
    /// through `encoder`.
    public func encodedBody(_ encoder: @autoclosure () -> JSONEncoder) throws -> Data {
        guard reason == nil, event == nil else { return try encoder().encode(self) }
        var json = #"{"eventId":""# + eventId.uuidString + #"","parkId":"#
        Self.appendQuoted(parkId, to: &json)
        json += #","reports":["#
        for (index, report) in reports.enumerated() {
            json += (index == 0 ? #"""# : #",""#) + report.uuidString + #"""#
        }
        json += #"],"rule":"#
        Self.appendQuoted(rule, to: &json)
        json += "}"
        return Data(json.utf8)
    }

    /// `text` as a JSON string, escaped as `JSONEncoder` escapes it.
    static func appendQuoted(_ text: String, to json: inout String) {
        json += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{08}": json += "\\b"
            case "\u{0C}": json += "\\f"
            case _ where scalar.value < 0x20:
                json += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}
