import EventStore
import Extraction
import PostgresNIO
import Projections

extension TimelineQueries {
    /// The length of the periods activity is counted in.
    public enum Bucket: String, Sendable, CaseIterable {
        case month, quarter, year
    }

    /// How many current events of one type one park has in one period.
    public struct ActivityCount: Sendable, Equatable {
        public var parkID: String
        /// The period's first day, `YYYY-MM-DD`.
        public var start: String
        public var type: String
        public var count: Int

        public init(parkID: String, start: String, type: String, count: Int) {
            self.parkID = parkID
            self.start = start
            self.type = type
            self.count = count
        }
    }

    /// Current events counted by park, period and type, in that order. An
    /// event counts in the period its date starts in (a quarter-precise
    /// event in the quarter's first month). The filter's park, type, date
    /// bounds and text apply as they do to `events(_:)`; `asOf`, `after`
    /// and `limit` do not. Without `byType`, each count is of every type
    /// (`type` is empty): read from an index alone, with no row visited,
    /// when there is no text to search (all parks of a 200k-event log:
    /// 130 ms, against 700 ms by type; README, The web page).
    public func activity(_ filter: Filter, bucket: Bucket, byType: Bool = true) async throws -> [ActivityCount] {
        let rows = try await client.query("""
            SELECT park_id, date_trunc(\(bucket.rawValue), lower_date::timestamp)::date::text,
                   \(unescaped: byType ? "type" : "''::text"), count(*)::int8
            FROM \(unescaped: ReadModelTables.live.versions) v
            WHERE valid_to IS NULL AND NOT retracted
              AND (\(filter.parkID)::text IS NULL OR park_id = \(filter.parkID))
              AND (\(filter.type)::text IS NULL OR type = \(filter.type))
              AND (\(filter.from)::date IS NULL OR upper_date >= \(filter.from)::date)
              AND (\(filter.to)::date IS NULL OR lower_date <= \(filter.to)::date)
              AND (\(filter.text)::text IS NULL OR EXISTS (
                   SELECT 1 FROM (\(unescaped: TextSearch.fields)) AS f(t) WHERE strpos(lower(f.t), lower(\(filter.text))) > 0))
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3
            """, logger: logger)
        var result: [ActivityCount] = []
        for try await (park, start, type, count) in rows.decode((String, String, String, Int64).self) {
            result.append(ActivityCount(parkID: park, start: start, type: type, count: Int(count)))
        }
        return result
    }

    /// Where the read models are up to in the log, read where the queries
    /// read: a listing read after this shows every event up to it (and
    /// perhaps a few later), so a stream opened after it misses nothing.
    public func readCursor() async throws -> LogCursor {
        try await ReadModel(client: client, logger: logger).checkpoint()
    }
}

extension TimelineQueries.Bucket {
    /// The period starting on `start` (`YYYY-MM-DD`): its label (`2022-06`,
    /// `2022-Q3`, `2022`) and last day.
    public func period(startingOn start: String) -> (label: String, end: String)? {
        guard let day = CivilDate(iso: start) else { return nil }
        let year = String(start.prefix(4))
        let lastDay = { (month: Int) in
            CivilDate(year: day.year, month: month, day: CivilDate.daysIn(year: day.year, month: month)).description
        }
        switch self {
        case .month:
            return (String(start.prefix(7)), lastDay(day.month))
        case .quarter:
            let quarter = (day.month - 1) / 3 + 1
            return ("\(year)-Q\(quarter)", lastDay(quarter * 3))
        case .year:
            return (year, "\(year)-12-31")
        }
    }
}
