import Foundation
import Timeline

/// What the activity and sources routes ask: counts of events by period and
/// type, and the texts an event was read in. The daemon answers from
/// PostgreSQL (`DatabaseActivity`).
public protocol ActivityReading: Sendable {
    /// Current events counted by park, period and (with `byType`) type.
    func activity(_ filter: TimelineQueries.Filter, bucket: TimelineQueries.Bucket, byType: Bool) async throws -> [TimelineQueries.ActivityCount]
    /// The reports of an event with their paragraphs; `nil` for an unknown id.
    func sources(of id: UUID) async throws -> [EventSources.Report]?
}

/// The daemon's activity: the read models' counts, the log's texts.
struct DatabaseActivity: ActivityReading {
    let queries: TimelineQueries
    let sources: EventSources

    func activity(_ filter: TimelineQueries.Filter, bucket: TimelineQueries.Bucket, byType: Bool) async throws -> [TimelineQueries.ActivityCount] {
        try await queries.activity(filter, bucket: bucket, byType: byType)
    }

    func sources(of id: UUID) async throws -> [EventSources.Report]? {
        try await sources.reports(of: id)
    }
}
