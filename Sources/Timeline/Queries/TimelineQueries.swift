import EventStore
import Extraction
import Foundation
import Logging
import PostgresNIO
import Projections
import TimelineEvents

/// Questions users ask of the read models; shared by the CLI and the daemon.
public struct TimelineQueries: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public struct Filter: Sendable {
        public var parkID: String?
        public var type: String?
        /// Inclusive `YYYY-MM-DD` bounds on the event's date.
        public var from: String?
        public var to: String?
        /// Answer with what the log said at this time.
        public var asOf: Date?
        /// Only events after this one in the listing's order (keyset pagination).
        public var after: PageKey?
        public var limit: Int
        /// Only events whose title, subjects or evidence (any report's)
        /// contain this text, ignoring case (`TextSearch`).
        public var text: String?

        public init(parkID: String? = nil, type: String? = nil, from: String? = nil, to: String? = nil, asOf: Date? = nil,
                    after: PageKey? = nil, limit: Int = 10_000, text: String? = nil) {
            self.text = text
            self.after = after
            self.parkID = parkID
            self.type = type
            self.from = from
            self.to = to
            self.asOf = asOf
            self.limit = limit
        }
    }

    /// Timeline events in date order, current or as of a time.
    public func events(_ filter: Filter) async throws -> [TimelineEventPayload] {
        let rows = try await client.query(listing(.payload, filter), logger: logger)
        var result: [TimelineEventPayload] = []
        let decoder = JSONDecoder()
        for try await text in rows.decode(String.self) {
            result.append(try decoder.decode(TimelineEventPayload.self, from: Data(text.utf8)))
        }
        return result
    }

    /// An event as the API shows it: the JSON of its ``EventRecord``, and
    /// where it sits in the listing.
    public struct RenderedEvent: Sendable {
        /// `EventRecord`'s JSON, as `JSONEncoder.parkline` would write it.
        public var json: ByteBuffer
        public var key: PageKey

        public init(json: ByteBuffer, key: PageKey) {
            self.json = json
            self.key = key
        }
    }

    /// A page of a listing as the API sends it: the events' stored JSON,
    /// and the log cursor the read model was at when it was read.
    public struct RenderedListing: Sendable {
        public var events: [RenderedEvent]
        /// Everything up to it is shown: a stream opened after it misses
        /// nothing. `nil` when the answers do not come from the log.
        public var readCursor: LogCursor?

        public init(events: [RenderedEvent], readCursor: LogCursor?) {
            self.events = events
            self.readCursor = readCursor
        }
    }

    /// The same events as ``events(_:)``, as the API shows them: each row's
    /// `record`, rendered when the row was written (migration 0013), so a
    /// listing passes bytes through instead of decoding and encoding every
    /// event. The read model's checkpoint comes in the same statement (one
    /// round trip, one snapshot: the cursor is exactly what the rows show).
    public func records(_ filter: Filter) async throws -> RenderedListing {
        let rows = try await client.query(listing(.record, filter), logger: logger)
        var listing = RenderedListing(events: [], readCursor: .start)
        for try await (tx, position, json, lower, precision, first, id) in rows.decode((String?, Int64?, ByteBuffer?, String?, String?, String?, UUID?).self) {
            if let tx, let position { listing.readCursor = LogCursor(transactionID: UInt64(tx) ?? 0, position: position) }
            guard let json, let lower, let precision, let first, let id else { continue }
            listing.events.append(RenderedEvent(json: json, key: PageKey(lower: lower, precision: precision, firstReported: first, eventID: id)))
        }
        return listing
    }

    /// What a listing selects of each event: the payload, or the stored API
    /// JSON with the sort key and, beside it, the read model's checkpoint
    /// (one row with nulls when the listing is empty).
    private enum Columns {
        case payload, record

        var select: String {
            switch self {
            case .payload: "payload::text"
            case .record: "record, lower_date, precision, first_reported, event_id"
            }
        }

        var before: String {
            switch self {
            case .payload: ""
            case .record: """
                SELECT c.tx_id::text, c.position, l.record, to_char(l.lower_date, 'YYYY-MM-DD'), l.precision, l.first_reported, l.event_id
                FROM (SELECT 1) AS one
                LEFT JOIN \(ReadModelTables.checkpoints) c ON c.name = '\(TimelineProjector.name)'
                LEFT JOIN LATERAL (
                """
            }
        }

        var after: String {
            switch self {
            case .payload: ""
            case .record: "\n) AS l ON true ORDER BY l.lower_date, l.precision, l.first_reported, l.event_id"
            }
        }
    }

    /// The listing's statement: `columns` of the events the filter shows, in
    /// date order; events of one day (and precision) in the order they became
    /// known (`first_reported`, migration 0016), then by id.
    private func listing(_ columns: Columns, _ filter: Filter) -> PostgresQuery {
        let asOf = filter.asOf ?? Date.distantFuture
        let current = filter.asOf == nil
        return """
            \(unescaped: columns.before)SELECT \(unescaped: columns.select) FROM \(unescaped: ReadModelTables.live.versions) v
            WHERE (\(current) AND valid_to IS NULL
                   OR NOT \(current) AND valid_from <= \(asOf) AND (valid_to IS NULL OR valid_to > \(asOf)))
              AND NOT retracted
              AND (\(filter.parkID)::text IS NULL OR park_id = \(filter.parkID))
              AND (\(filter.type)::text IS NULL OR type = \(filter.type))
              AND (\(filter.from)::date IS NULL OR upper_date >= \(filter.from)::date)
              AND (\(filter.to)::date IS NULL OR lower_date <= \(filter.to)::date)
              AND (\(filter.after?.lower)::date IS NULL
                   OR (lower_date, precision, first_reported, event_id)
                      > (\(filter.after?.lower)::date, \(filter.after?.precision)::text, \(filter.after?.firstReported)::text, \(filter.after?.eventID)::uuid))
              AND (\(filter.text)::text IS NULL OR EXISTS (
                   SELECT 1 FROM (\(unescaped: TextSearch.fields)) AS f(t) WHERE strpos(lower(f.t), lower(\(filter.text))) > 0))
            ORDER BY lower_date, precision, first_reported, event_id
            LIMIT \(filter.limit)\(unescaped: columns.after)
            """
    }

    /// Where a page of a listing ends: the last event's sort key, as a
    /// token for clients, `<day>.<precision>.<first reported>.<event id>`:
    /// the day as a number (days since 0000-03-01), the precision as its
    /// index in ``precisions``, the first publication date as eight digits
    /// (empty when there is none), the id in lowercase. A token is a
    /// position, not a grant: every token of this shape is accepted
    /// (``tokenPattern``, which the OpenAPI description repeats) and shows
    /// only what the listing's filters show anyway.
    public struct PageKey: Sendable, Equatable {
        public var lower: String
        public var precision: String
        /// `YYYY-MM-DD`, or empty: the read model's `first_reported` column.
        public var firstReported: String
        public var eventID: UUID

        /// The precisions in the order they are numbered in tokens.
        public static let precisions = ["day", "week", "month", "quarter", "half", "year"]
        /// Every token this pattern matches is accepted.
        public static let tokenPattern = "^[4-9][0-9]{5}\\.[0-5]\\.([0-9]{8})?\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        static let epochOffset = 719_468

        public init(_ event: TimelineEventPayload) {
            self.init(lower: event.lower, precision: event.precision, firstReported: Self.orderingDate(event.firstReported), eventID: event.eventId)
        }

        public init(lower: String, precision: String, firstReported: String, eventID: UUID) {
            self.lower = lower
            self.precision = precision
            self.firstReported = firstReported
            self.eventID = eventID
        }

        /// A publication date as the listing orders by it: `YYYY-MM-DD` as
        /// it is, anything else as none (migration 0016's `parkline_first_reported`).
        public static func orderingDate(_ published: String?) -> String {
            guard let published, published.utf8.count == 10,
                  published.utf8.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) })
            else { return "" }
            return published
        }

        public var token: String {
            let day = (CivilDate(iso: lower)?.dayNumber ?? 0) + Self.epochOffset
            let rank = Self.precisions.firstIndex(of: precision) ?? 0
            return "\(day).\(rank).\(firstReported.filter { $0 != "-" }).\(eventID.uuidString.lowercased())"
        }

        public init?(token: String) {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0].count == 6, let day = Int(parts[0]), (400_000...999_999).contains(day),
                  parts[1].count == 1, let rank = Int(parts[1]), Self.precisions.indices.contains(rank),
                  parts[2].isEmpty || (parts[2].count == 8 && parts[2].allSatisfy(\.isASCII) && parts[2].allSatisfy(\.isNumber)),
                  parts[3].count == 36, parts[3] == parts[3].lowercased(), let id = UUID(uuidString: String(parts[3])) else {
                return nil
            }
            lower = CivilDate(dayNumber: day - Self.epochOffset).description
            precision = Self.precisions[rank]
            let digits = Array(parts[2])
            firstReported = digits.isEmpty ? "" : "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
            eventID = id
        }
    }

    public struct ParkSummary: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var city: String?
        public var events: Int
        public var first: String?
        public var last: String?

        public init(id: String, name: String, aliases: [String], city: String?, events: Int = 0, first: String? = nil, last: String? = nil) {
            self.id = id
            self.name = name
            self.aliases = aliases
            self.city = city
            self.events = events
            self.first = first
            self.last = last
        }
    }

    public func parks() async throws -> [ParkSummary] {
        try await parks(id: nil)
    }

    /// One park of the directory by its id, counted; `nil` when no event names it.
    public func park(id: String) async throws -> ParkSummary? {
        try await parks(id: id).first
    }

    /// The park `name` means (an id, a name or an alias, or part of one).
    /// An id is looked up directly; only other names read the whole directory.
    public func resolvePark(_ name: String, gazetteer: [Park]) async throws -> ParkSummary {
        let needle = name.trimmingCharacters(in: .whitespaces).lowercased()
        if !needle.isEmpty, needle.utf8.count <= 200, let park = try await park(id: needle) { return park }
        return try ParkResolver(parks: try await parks(including: gazetteer)).resolve(name)
    }

    private func parks(id: String?) async throws -> [ParkSummary] {
        let rows = try await client.query("""
            SELECT d.park_id, d.name, d.aliases::text, d.city, d.event_count,
                   (SELECT v.lower_date FROM \(unescaped: ReadModelTables.live.versions) v
                    WHERE v.park_id = d.park_id AND v.valid_to IS NULL AND NOT v.retracted
                    ORDER BY v.lower_date LIMIT 1)::text,
                   (SELECT v.lower_date FROM \(unescaped: ReadModelTables.live.versions) v
                    WHERE v.park_id = d.park_id AND v.valid_to IS NULL AND NOT v.retracted
                    ORDER BY v.lower_date DESC LIMIT 1)::text
            FROM \(unescaped: ReadModelTables.live.parks) d
            WHERE \(id)::text IS NULL OR d.park_id = \(id)
            ORDER BY d.event_count DESC, d.park_id
            """, logger: logger)
        var result: [ParkSummary] = []
        for try await (id, name, aliases, city, count, first, last) in rows.decode((String, String, String, String?, Int64, String?, String?).self) {
            let names = (try? JSONDecoder().decode([String].self, from: Data(aliases.utf8))) ?? []
            result.append(ParkSummary(id: id, name: name, aliases: names, city: city, events: Int(count), first: first, last: last))
        }
        return result
    }

    /// The parks with events, then the gazetteer's parks not seen yet.
    public func parks(including gazetteer: [Park]) async throws -> [ParkSummary] {
        var result = try await parks()
        let known = Set(result.map(\.id))
        for park in gazetteer where !known.contains(park.id) {
            result.append(ParkSummary(id: park.id, name: park.name, aliases: park.aliases, city: park.city))
        }
        return result
    }

    /// A number that changes when any park's id or names change (not its counts).
    public func parkDirectoryFingerprint() async throws -> Int64 {
        let rows = try await client.query("SELECT \(unescaped: Self.directoryState)", logger: logger)
        for try await (count, sum) in rows.decode((Int64, Int64).self) { return Self.fingerprint(count, sum) }
        return 0
    }

    /// The park directory's state as two columns, its parks and a sum of their ids' and names' hashes.
    static let directoryState = """
        count(*)::int8, coalesce(sum(hashtext(park_id || '|' || name || '|' || aliases::text)), 0)::int8
        FROM \(ReadModelTables.live.parks)
        """

    static func fingerprint(_ count: Int64, _ sum: Int64) -> Int64 { count &* 1_000_003 &+ sum }

    /// The read model's checkpoint when it holds everything the log has
    /// committed of `types` (and was written by this code); `nil` otherwise.
    public func currentCheckpoint(types: [String]) async throws -> LogCursor? {
        let rows = try await client.query(currentCheckpoint(types: types), logger: logger)
        for try await (tx, position, version, current) in rows.decode((String, Int64, String, Bool).self) {
            return Self.cursor(tx, position, version, current)
        }
        return nil
    }

    /// The checkpoint, its code version and whether the log holds nothing of
    /// `types` after it (`parkline_checkpoint` in the read models' migrations).
    private func currentCheckpoint(types: [String]) -> PostgresQuery {
        """
        SELECT c.tx_id::text, c.position, c.code_version, c.current
        FROM parkline_checkpoint(\(TimelineProjector.name), \(types)) AS c
        """
    }

    static func cursor(_ tx: String, _ position: Int64, _ version: String, _ current: Bool) -> LogCursor? {
        guard current, version == TimelineProjector.codeVersion, let tx = UInt64(tx) else { return nil }
        return LogCursor(transactionID: tx, position: position)
    }

    /// Every park's id and names (no counts: cheap), for finding a park under another spelling.
    public func parkNames() async throws -> [ParkPayload] {
        // The aliases as a text array: a JSON decoder per park cost more than the rest of the read.
        let rows = try await client.query("""
            SELECT park_id, name, ARRAY(SELECT jsonb_array_elements_text(aliases)), city FROM \(unescaped: ReadModelTables.live.parks)
            """, logger: logger)
        var result: [ParkPayload] = []
        for try await (id, name, aliases, city) in rows.decode((String, String, [String], String?).self) {
            result.append(ParkPayload(id: id, name: name, aliases: aliases, city: city))
        }
        return result
    }

    /// What the resolver looks up for one new report: its park under every
    /// spelling, its kind of act (`TimelineEventPayload.typeClass`), its dates,
    /// and what an event must share with it to be compared by name.
    public struct CandidateQuery: Sendable, Hashable {
        public var parks: [String]
        public var typeClass: String
        public var lower: String
        public var upper: String
        /// The report's subjects, title and wording: an event one of whose subjects'
        /// two-character runs is found there is compared.
        public var text: String
        /// The report's names, quotes and gatherings: an event whose text holds one is compared.
        public var needles: [String]
        /// Compare the nearest events whatever their names (the report names no company,
        /// so its wording may be all that makes it the same act).
        public var byWording: Bool

        public init(parks: [String], typeClass: String, lower: String, upper: String, text: String, needles: [String],
                    byWording: Bool) {
            self.parks = parks
            self.typeClass = typeClass
            self.lower = lower
            self.upper = upper
            self.text = text
            self.needles = needles
            self.byWording = byWording
        }
    }

    /// What joins a list's items into the one text the candidate statement takes.
    static let listSeparator = "\u{1F}"

    /// Events compared by wording alone, per report: the nearest in date.
    public static let wordingCandidates = 10

    /// For each query, the events its report might be another report of,
    /// nearest first (`resolution_candidates` in the read models' migrations
    /// says which). One statement for the whole batch; only the events' ids
    /// and versions leave the server: the caller reads the payloads it does
    /// not hold already (`payloads(of:)`).
    public func candidates(for queries: [CandidateQuery]) async throws -> [[EventVersion]] {
        guard !queries.isEmpty else { return [] }
        // Each list travels as one text. No park id holds the unit separator; a needle that did
        // would be looked up as its parts, each found wherever the whole is.
        let joined = { (lists: [[String]]) in lists.map { $0.joined(separator: Self.listSeparator) } }
        let rows = try await client.query("""
            SELECT query_index, candidate, candidate_position
            FROM resolution_candidates(\(joined(queries.map(\.parks))), \(queries.map(\.typeClass)), \(queries.map(\.lower))::date[],
                                       \(queries.map(\.upper))::date[], \(queries.map(\.text)), \(joined(queries.map(\.needles))),
                                       \(queries.map(\.byWording)), \(Int32(Self.wordingCandidates)))
            """, logger: logger)
        var result = Array(repeating: [EventVersion](), count: queries.count)
        for try await (index, id, position) in rows.decode((Int64, UUID, Int64).self) {
            result[Int(index) - 1].append(EventVersion(eventId: id, position: position))
        }
        return result
    }

    /// One state of an event: its id and the log position that made it.
    public struct EventVersion: Sendable, Hashable {
        public var eventId: UUID
        public var position: Int64
    }

    /// The events as they were at those versions, each decoded once.
    public func payloads(of versions: some Collection<EventVersion>) async throws -> [EventVersion: TimelineEventPayload] {
        guard !versions.isEmpty else { return [:] }
        let rows = try await client.query("""
            SELECT v.event_id, v.log_position, v.payload::text
            FROM unnest(\(versions.map(\.eventId)), \(versions.map(\.position))) AS k(event_id, log_position)
            JOIN \(unescaped: ReadModelTables.live.versions) v USING (event_id, log_position)
            """, logger: logger)
        var result: [EventVersion: TimelineEventPayload] = [:]
        let decoder = JSONDecoder()
        for try await (id, position, text) in rows.decode((UUID, Int64, String).self) {
            result[EventVersion(eventId: id, position: position)] = try decoder.decode(TimelineEventPayload.self, from: Data(text.utf8))
        }
        return result
    }

    /// One event's versions, oldest first, with when each became known.
    public struct Version: Sendable, Codable, Equatable {
        public var version: Int
        public var knownFrom: Date
        public var knownUntil: Date?
        public var retracted: Bool
        public var event: TimelineEventPayload
    }

    public func history(of id: UUID) async throws -> [Version] {
        let rows = try await client.query("""
            SELECT version, valid_from, valid_to, retracted, payload::text FROM \(unescaped: ReadModelTables.live.versions)
            WHERE event_id = \(id) ORDER BY version
            """, logger: logger)
        var result: [Version] = []
        for try await (version, from, to, retracted, payload) in rows.decode((Int, Date, Date?, Bool, String).self) {
            result.append(Version(version: version, knownFrom: from, knownUntil: to, retracted: retracted,
                                  event: try JSONDecoder().decode(TimelineEventPayload.self, from: Data(payload.utf8))))
        }
        return result
    }
}
