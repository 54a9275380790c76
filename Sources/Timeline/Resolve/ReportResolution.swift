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
    /// Kept across ingests: one resolution serves a process's ingests.
    let parkSpellings = ParkSpellings()

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
        let unapplied = try await readModel.unapplied([.timelineEventExtracted, .reportsMerged])
        // Each park's spellings once, not once per report.
        let spellingsOfPark = try await parkSpellings.spellings(of: reports.map(\.park), queries: queries)
        // The stored candidates of every report in one statement, read before any decision:
        // the decisions of this batch are laid over them as they are taken (`pending`).
        var memo = ReportResolver.Memo()
        let lookups = reports.map { report in
            let keys = resolver.lookup(report, memo: &memo)
            return TimelineQueries.CandidateQuery(
                parks: spellingsOfPark[report.park.id]!, typeClass: TimelineEventPayload.typeClass(report.type),
                lower: report.lower, upper: report.upper, textPairs: keys.textPairs, needles: keys.needles, byWording: keys.byWording)
        }
        let storedCandidates = try await queries.candidates(for: lookups)
        /// Events this batch creates or changes, by id (newest state).
        var pending: [UUID: TimelineEventPayload] = [:]
        var pendingOrder: [UUID] = []
        /// Reports past the horizon that joined a stored event (laid over it when it is a candidate).
        var joining: [UUID: [TimelineEventPayload]] = [:]
        // Reports committed but past the read horizon (an older transaction is
        // still open) are candidates too, as if they were of this batch.
        for event in unapplied {
            if event.type == DomainEventType.timelineEventExtracted.rawValue {
                let report = try event.decode(TimelineEventPayload.self)
                pending[report.eventId] = report
                pendingOrder.append(report.eventId)
            } else if let merge = try? event.decode(ReportsMerged.self) {
                if let merged = merge.event {
                    // A person's merge carries the event it made.
                    for report in merge.reports { pending[report] = nil }
                    if pending[merge.eventId] == nil { pendingOrder.append(merge.eventId) }
                    pending[merge.eventId] = merged
                } else {
                    // The resolver's merges name their reports, which came in the same transaction.
                    let reports = merge.reports.compactMap { pending[$0] }
                    for report in merge.reports { pending[report] = nil }
                    if let target = pending[merge.eventId] {
                        pending[merge.eventId] = reports.reduce(target) { $0.merging($1) }
                    } else {
                        joining[merge.eventId, default: []] += reports
                    }
                }
            }
        }
        var merges: [String: [NewEvent]] = [:]
        for (report, stored) in zip(reports, storedCandidates) {
            let stored = stored.map { pending[$0.eventId] ?? joining[$0.eventId]?.reduce($0) { $0.merging($1) } ?? $0 }
            let storedIDs = Set(stored.map(\.eventId))
            // Events new in this batch that could be the same act: another document's,
            // the same kind of act in one of the park's spellings, on touching dates.
            let fresh = pendingOrder.compactMap { pending[$0] }.filter { candidate in
                !storedIDs.contains(candidate.eventId) && Self.mightMatch(candidate, report, memo: &memo)
            }
            guard let decision = resolver.match(report, among: stored + fresh, memo: &memo),
                  let target = (stored + fresh).first(where: { $0.eventId == decision.eventID }) else {
                pending[report.eventId] = report
                pendingOrder.append(report.eventId)
                continue
            }
            let merged = target.merging(report)
            if pending[target.eventId] == nil { pendingOrder.append(target.eventId) }
            pending[target.eventId] = merged
            // The merge names the report and the event, not the event it makes: carrying
            // the whole event made the log grow with the square of an act's reports.
            // Subscribers are sent the event as the read model derives it (`MergeStates`).
            let body = ReportsMerged(eventId: target.eventId, reports: [report.eventId], parkId: report.park.id, rule: decision.rule)
            merges[report.park.id, default: []].append(try NewEvent(
                id: DeterministicID.merge(of: report.eventId, into: target.eventId), type: DomainEventType.reportsMerged.rawValue,
                body: body, metadata: ["actor": "parkline resolver", "rule": decision.rule]))
        }
        return try merges.keys.sorted().map { park in
            EventStore.StreamAppend(stream: try StreamName(category: "park", id: park), expectedVersion: .any, events: merges[park]!)
        }
    }

    /// Whether `candidate`, an event of this batch, passes the tests the stored
    /// candidates passed in SQL (kind of act, dates within a day), is not of
    /// the report's own document and is of its park: the cheap tests first, so
    /// a large document's reports are never compared with each other.
    static func mightMatch(_ candidate: TimelineEventPayload, _ report: TimelineEventPayload, memo: inout ReportResolver.Memo) -> Bool {
        guard TimelineEventPayload.typeClass(candidate.type) == TimelineEventPayload.typeClass(report.type) else { return false }
        if let lower = ReportResolver.dayNumber(report.lower), let upper = ReportResolver.dayNumber(report.upper),
           let theirLower = ReportResolver.dayNumber(candidate.lower), let theirUpper = ReportResolver.dayNumber(candidate.upper),
           theirLower > upper + 1 || theirUpper < lower - 1 {
            return false
        }
        guard memo.samePark(candidate.park, report.park) else { return false }
        if let document = report.source.documentHash {
            let reports = candidate.reports ?? []
            if candidate.source.documentHash == document || reports.contains(where: { $0.source.documentHash == document }) { return false }
        }
        return true
    }
}
