import Foundation

/// Reports found to be of one act: each join's `reports` (events, each with
/// the reports already merged into it) join its `eventId`, which keeps its
/// id, so links to it and corrections of it keep working. Appended to the
/// park's stream by a person (one join), or by the resolver: one merge per
/// park an ingest touched, holding every join it decided there in the order
/// decided (a merge per join made an ingest's append write a row per report
/// it joined).
///
/// Written with one join, the body is the join's fields (`eventId`,
/// `reports`, `rule`) beside `parkId`, as every merge was before merges
/// held several; with more, they are listed under `joins`. Both are read.
public struct ReportsMerged: Codable, Sendable, Hashable {
    /// One decision: `reports` join `eventId`.
    public struct Join: Codable, Sendable, Hashable {
        public var eventId: UUID
        public var reports: [UUID]
        /// What decided: the resolver's rule (`same-subject`, `same-title`, …) or `person`.
        public var rule: String

        public init(eventId: UUID, reports: [UUID], rule: String) {
            self.eventId = eventId
            self.reports = reports
            self.rule = rule
        }
    }

    /// In the order they apply.
    public var joins: [Join]
    public var parkId: String
    public var reason: String?
    /// The event as the decision left it: a person's merge carries it; the
    /// resolver's do not (they would grow with the square of an act's
    /// reports), and subscribers are sent the state the read model derives.
    public var event: TimelineEventPayload?

    public init(eventId: UUID, reports: [UUID], parkId: String, rule: String, reason: String? = nil, event: TimelineEventPayload? = nil) {
        self.init(joins: [Join(eventId: eventId, reports: reports, rule: rule)], parkId: parkId, reason: reason, event: event)
    }

    public init(joins: [Join], parkId: String, reason: String? = nil, event: TimelineEventPayload? = nil) {
        self.joins = joins
        self.parkId = parkId
        self.reason = reason
        self.event = event
    }

    /// The events joins were made into, each once, in order of first join.
    public var targets: [UUID] {
        var seen = Set<UUID>()
        return joins.map(\.eventId).filter { seen.insert($0).inserted }
    }

    /// Every report joined.
    public var reports: [UUID] { joins.flatMap(\.reports) }

    /// The merge as seen from one of its targets: its joins into `target` alone.
    public func joins(into target: UUID) -> ReportsMerged {
        ReportsMerged(joins: joins.filter { $0.eventId == target }, parkId: parkId, reason: reason, event: event)
    }

    private enum CodingKeys: String, CodingKey {
        case joins, parkId, reason, event, eventId, reports, rule
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let joins = try container.decodeIfPresent([Join].self, forKey: .joins) {
            self.joins = joins
        } else {
            joins = [Join(eventId: try container.decode(UUID.self, forKey: .eventId),
                          reports: try container.decode([UUID].self, forKey: .reports),
                          rule: try container.decode(String.self, forKey: .rule))]
        }
        parkId = try container.decode(String.self, forKey: .parkId)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        event = try container.decodeIfPresent(TimelineEventPayload.self, forKey: .event)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if joins.count == 1, let join = joins.first {
            try container.encode(join.eventId, forKey: .eventId)
            try container.encode(join.reports, forKey: .reports)
            try container.encode(join.rule, forKey: .rule)
        } else {
            try container.encode(joins, forKey: .joins)
        }
        try container.encode(parkId, forKey: .parkId)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(event, forKey: .event)
    }
}

extension ReportsMerged {
    /// The body as `JSONEncoder.eventBody` writes it (keys sorted, slashes
    /// kept), byte for byte, written directly for the shape the resolver
    /// appends (no reason, no event): the encoder's own work was a tenth of
    /// the resolver's. Other shapes go through `encoder`.
    public func encodedBody(_ encoder: @autoclosure () -> JSONEncoder) throws -> Data {
        guard reason == nil, event == nil, !joins.isEmpty else { return try encoder().encode(self) }
        var json = "{"
        if joins.count == 1 {
            Self.appendFields(of: joins[0], parkId: parkId, to: &json)
        } else {
            json += #""joins":["#
            for (index, join) in joins.enumerated() {
                json += index == 0 ? "{" : ",{"
                Self.appendFields(of: join, parkId: nil, to: &json)
                json += "}"
            }
            json += #"],"parkId":"#
            Self.appendQuoted(parkId, to: &json)
        }
        json += "}"
        return Data(json.utf8)
    }

    /// A join's fields in key order, with `parkId` between `eventId` and `reports` when given.
    private static func appendFields(of join: Join, parkId: String?, to json: inout String) {
        json += #""eventId":""# + join.eventId.uuidText + #"""#
        if let parkId {
            json += #","parkId":"#
            appendQuoted(parkId, to: &json)
        }
        json += #","reports":["#
        for (index, report) in join.reports.enumerated() {
            json += (index == 0 ? #"""# : #",""#) + report.uuidText + #"""#
        }
        json += #"],"rule":"#
        appendQuoted(join.rule, to: &json)
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
