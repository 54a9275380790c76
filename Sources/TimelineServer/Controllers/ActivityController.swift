import Foundation
import Hummingbird
import Timeline

/// `GET /v1/parks/{id}/activity`: one park's events counted by month,
/// quarter or year and by type (the web page's chart); `GET /v1/activity`:
/// every park's totals by period (the park list's sparklines). Both answer
/// from the page cache while the read model is unchanged.
struct ActivityController<Context: RequestContext>: Sendable {
    let timeline: any TimelineReading
    let activity: any ActivityReading
    let pages: EventPages

    /// One period of one park.
    struct Period: Encodable {
        /// `2022-06`, `2022-Q3` or `2022`.
        var period: String
        var start: String
        var end: String
        var total: Int
        /// Events by type; types with none are left out.
        var counts: [String: Int]?
    }

    struct ParkActivity: Encodable {
        var park: TimelineQueries.ParkSummary
        var bucket: String
        /// Events counted, by type, over every period.
        var totals: [String: Int]
        /// Periods with at least one event, oldest first.
        var periods: [Period]
        var log_cursor: String?
    }

    struct ParkTotals: Encodable {
        var id: String
        var periods: [Period]
    }

    struct AllActivity: Encodable {
        var bucket: String
        var parks: [ParkTotals]
    }

    func addRoutes(parks: RouterGroup<Context>, activity group: RouterGroup<Context>) {
        parks.get("{id}/activity") { request, context in
            try await pages.cached(request) {
                let park = try await timeline.park(named: try pathParameter(context))
                return try await parkActivity(request, park: park)
            }
        }
        group.get { request, _ in
            try await pages.cached(request) { try await allActivity(request) }
        }
    }

    private func bucket(_ request: Request, default fallback: TimelineQueries.Bucket) throws -> TimelineQueries.Bucket {
        guard let text = try request.query("bucket", maxLength: 20) else { return fallback }
        guard let bucket = TimelineQueries.Bucket(rawValue: text) else {
            throw APIError.badRequest("bucket=\(text.prefix(20)) is not a period: use month, quarter or year")
        }
        return bucket
    }

    private func filter(_ request: Request, parkID: String?) throws -> TimelineQueries.Filter {
        var filter = try Request.input.filter(parkID: parkID, type: try request.query("type"), from: try request.query("from"),
                                              to: try request.query("to"), asOf: nil)
        filter.text = try request.searchText()
        return filter
    }

    private func parkActivity(_ request: Request, park: TimelineQueries.ParkSummary) async throws -> ParkActivity {
        let bucket = try bucket(request, default: .month)
        let filter = try filter(request, parkID: park.id)
        let cursor = try await timeline.readCursor()
        let counts = try await activity.activity(filter, bucket: bucket, byType: true)
        var totals: [String: Int] = [:]
        for count in counts { totals[count.type, default: 0] += count.count }
        return ParkActivity(park: park, bucket: bucket.rawValue, totals: totals,
                            periods: Self.periods(counts, bucket: bucket, byType: true), log_cursor: cursor?.description)
    }

    private func allActivity(_ request: Request) async throws -> AllActivity {
        let bucket = try bucket(request, default: .quarter)
        let counts = try await activity.activity(try filter(request, parkID: nil), bucket: bucket, byType: false)
        var order: [String] = []
        var byPark: [String: [TimelineQueries.ActivityCount]] = [:]
        for count in counts {
            if byPark[count.parkID] == nil { order.append(count.parkID) }
            byPark[count.parkID, default: []].append(count)
        }
        return AllActivity(bucket: bucket.rawValue, parks: order.map {
            ParkTotals(id: $0, periods: Self.periods(byPark[$0] ?? [], bucket: bucket, byType: false))
        })
    }

    /// Counts (ordered by period) folded into periods.
    static func periods(_ counts: [TimelineQueries.ActivityCount], bucket: TimelineQueries.Bucket, byType: Bool) -> [Period] {
        var result: [Period] = []
        for count in counts {
            if result.last?.start != count.start {
                guard let (label, end) = bucket.period(startingOn: count.start) else { continue }
                result.append(Period(period: label, start: count.start, end: end, total: 0, counts: byType ? [:] : nil))
            }
            result[result.count - 1].total += count.count
            if byType { result[result.count - 1].counts?[count.type, default: 0] += count.count }
        }
        return result
    }
}
