import EventStore
import Extraction
import Foundation
import TimelineEvents

/// Resolution at ingest: the new reports of an append are matched, in log
/// order, with the events the timeline shows (brought up to date first) and
/// with each other; every match becomes a `ReportsMerged` on the park's
/// stream, appended in the same transaction as the reports.
///
/// The caller holds the resolve lock, so two ingests never decide against
/// the same stale picture.
public struct ReportResolution: Sendable {
    let queries: TimelineQueries
    let readModel: ReadModel
    let resolver = ReportResolver()

    public init(queries: TimelineQueries, readModel: ReadModel) {
        self.queries = queries
        self.readModel = readModel
    }

    /// The merges `appends` call for, one park stream append per park.
    func decisions(for appends: [EventStore.StreamAppend]) async throws -> [EventStore.StreamAppend] {
        let reports = try appends.flatMap(\.events)
            .filter { $0.type == DomainEventType.timelineEventExtracted.rawValue }
            .map { try JSONDecoder().decode(TimelineEventPayload.self, from: $0.data) }
        guard !reports.isEmpty else { return [] }
        try await readModel.catchUp()
        // Each park's distinctive names once, not once per report.
        let directory = try await queries.parkNames().map { ($0.id, ReportResolver.cores(of: $0)) }
        var spellingsOfPark: [String: [String]] = [:]
        /// Events this batch creates or changes, by id (newest state).
        var pending: [UUID: TimelineEventPayload] = [:]
        var pendingOrder: [UUID] = []
        var merges: [String: [NewEvent]] = [:]
        for report in reports {
            if spellingsOfPark[report.park.id] == nil {
                let mine = ReportResolver.cores(of: report.park)
                spellingsOfPark[report.park.id] = [report.park.id]
                    + directory.filter { $0.0 != report.park.id && ReportResolver.coresMatch(mine, $0.1) }.map(\.0)
            }
            let spellings = spellingsOfPark[report.park.id]!
            let stored = try await queries.candidates(for: report, parks: spellings).map { pending[$0.eventId] ?? $0 }
            let fresh = pendingOrder.compactMap { pending[$0] }.filter { candidate in !stored.contains { $0.eventId == candidate.eventId } }
            guard let decision = resolver.match(report, among: stored + fresh),
                  let target = (stored + fresh).first(where: { $0.eventId == decision.eventID }) else {
                pending[report.eventId] = report
                pendingOrder.append(report.eventId)
                continue
            }
            let merged = target.merging(report)
            if pending[target.eventId] == nil { pendingOrder.append(target.eventId) }
            pending[target.eventId] = merged
            let body = ReportsMerged(eventId: target.eventId, reports: [report.eventId], parkId: report.park.id,
                                     rule: decision.rule, event: merged)
            merges[report.park.id, default: []].append(try NewEvent(
                id: DeterministicID.merge(of: report.eventId, into: target.eventId), type: DomainEventType.reportsMerged.rawValue,
                body: body, metadata: ["actor": "parkline resolver", "rule": decision.rule]))
        }
        return try merges.keys.sorted().map { park in
            EventStore.StreamAppend(stream: try StreamName(category: "park", id: park), expectedVersion: .any, events: merges[park]!)
        }
    }
}
