import Foundation

/// A timeline event's state: what `TimelineEventExtracted` and `…Recorded` carry.
public struct TimelineEventPayload: Codable, Sendable, Hashable {
    public struct Source: Codable, Sendable, Hashable {
        public var document: String?
        public var documentHash: String?
        public var offset: [Int]?
        public var published: String?
        public var extractorVersion: String?
        public var recordedBy: String?
        /// The outlet that published the document (a manifest's `source`), when known.
        public var outlet: String?

        public init(document: String? = nil, documentHash: String? = nil, offset: [Int]? = nil,
                    published: String? = nil, extractorVersion: String? = nil, recordedBy: String? = nil,
                    outlet: String? = nil) {
            self.document = document
            self.documentHash = documentHash
            self.offset = offset
            self.published = published
            self.extractorVersion = extractorVersion
            self.recordedBy = recordedBy
            self.outlet = outlet
        }
    }

    public struct Money: Codable, Sendable, Hashable {
        public var value: Double
        public var currency: String
        public var text: String

        public init(value: Double, currency: String, text: String) {
            self.value = value
            self.currency = currency
            self.text = text
        }
    }

    public var eventId: UUID
    public var type: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var date: String
    public var precision: String
    public var lower: String
    public var upper: String
    public var expression: String?
    public var park: ParkPayload
    public var title: String
    public var evidence: String?
    public var subjects: [String]
    public var amounts: [Money]
    /// The first report's source.
    public var source: Source
    /// Every report of the event when several were merged into it, oldest
    /// first, each with its own date as read; `nil`: the event is its only report.
    public var reports: [TimelineEventPayload]?
    /// Days the reports give when they disagree (the event's own date is the
    /// one most reports support); `nil` when they agree.
    public var datesReported: [String]?
    /// A person corrected the date: reports merged later do not change it.
    public var dateCorrected: Bool?
    /// Set on a report merged into another event: the event that shows it.
    public var mergedInto: UUID?

    public init(eventId: UUID, type: String, date: String, precision: String, lower: String, upper: String,
                expression: String?, park: ParkPayload, title: String, evidence: String?, subjects: [String],
                amounts: [Money], source: Source) {
        self.eventId = eventId
        self.type = type
        self.date = date
        self.precision = precision
        self.lower = lower
        self.upper = upper
        self.expression = expression
        self.park = park
        self.title = title
        self.evidence = evidence
        self.subjects = subjects
        self.amounts = amounts
        self.source = source
    }
}
