import EventStore
import Extraction
import Foundation
import Logging
import Synchronization
import TimelineEvents

/// Resolution at ingest: the new reports of an append are matched, in log
/// order, with the events the timeline shows (brought up to date first) and
/// with each other; every match becomes a `ReportsMerged` on the park's
/// stream, appended in the same transaction as the reports.
///
/// Two ingests never decide against the same stale picture: a decision is
/// appended only while the log holds nothing newer than what it was taken
/// from, under the resolve lock (`append(_:written:ahead:to:)`).
public struct ReportResolution: Sendable {
    let queries: TimelineQueries
    let readModel: ReadModel
    let resolver = ReportResolver()
    /// Kept across ingests: one resolution serves a process's ingests.
    let parkSpellings = ParkSpellings()
    let known = ResolvedEvents()
    /// The candidate lookup's data for the parks this process resolves reports of.
    let index: CandidateIndex

    /// The advisory lock resolving writers share.
    static let lock = "parkline.resolve"

    public init(queries: TimelineQueries, readModel: ReadModel) {
        self.init(queries: queries, readModel: readModel, index: CandidateIndex())
    }

    init(queries: TimelineQueries, readModel: ReadModel, index: CandidateIndex) {
        self.queries = queries
        self.readModel = readModel
        self.index = index
    }

    /// Candidates looked up, and decisions taken, ahead of the append, for the
    /// reports of documents still being read (`lookAhead`). They stand while
    /// the log holds nothing after `checkpoint`: the read model and the park
    /// directory are projections of the log, so both are then as they were
    /// read here.
    struct Lookahead: Sendable {
        var checkpoint: LogCursor
        /// Each report looked up, by its id, with what was found, and what the
        /// rules decide among those alone (a decision that stands unless the
        /// batch's own reports change one of them or are candidates too).
        var found: [UUID: Found] = [:]
        /// Every report looked up, in the order they came.
        var order: [UUID] = []
        /// The decisions for all of them, taken ahead as the append would take
        /// them when every document is new (the common case): the append then
        /// only checks it holds these reports, in this order, each recorded by
        /// the log event of `recordedBy`.
        var batch: Decisions?
        var recordedBy: [UUID] = []

        struct Found: Sendable {
            var report: TimelineEventPayload
            /// Its candidates as stored, each with the log position of the version read
            /// (one found may be gone by then: a rebuild swapped the tables).
            var stored: [(event: TimelineEventPayload, position: Int64)] = []
            var decision: ReportResolver.Decision?
        }
    }

    /// Look up the candidates of the reports `batches` gives, one batch at a
    /// time as they come (one per document, while the next is extracted):
    /// the read model brought up to date, the park directory read, each
    /// report's lookup and the candidates' payloads read, and the rules run
    /// among them, off the append's path. `nil` when the read model cannot
    /// hold the whole log (a transaction still open holds it back), the park
    /// directory moved on while it was read, or a read fails: the append then
    /// decides from what it reads itself.
    func lookAhead(_ batches: AsyncStream<[TimelineEventPayload]>) async -> Lookahead? {
        do {
            let types = DomainEventType.allCases.map(\.rawValue)
            let previous = index.synced
            var start = try await queries.resolutionState(types: types, changesSince: previous, limit: CandidateIndex.changeLimit)
            if start == nil {
                try await readModel.catchUp()
                start = try await queries.resolutionState(types: types, changesSince: previous, limit: CandidateIndex.changeLimit)
            }
            guard let start else { return nil }
            let (checkpoint, fingerprint) = (start.checkpoint, start.directory)
            try await parkSpellings.refresh(fingerprint: fingerprint, queries: queries)
            try await followReadModel(from: previous, to: start)
            // The process's memo, unless a decision holds it (then one of its own).
            var memo = known.takeMemo()
            defer { known.returnMemo(memo) }
            memo.beginBatch()
            var ahead = Lookahead(checkpoint: checkpoint)
            for await reports in batches where !reports.isEmpty {
                // Another ingest of this process may have read the directory in another state since.
                guard let spellings = parkSpellings.spellings(of: reports.map(\.park), at: fingerprint) else { return nil }
                let found = try await candidates(for: lookups(reports, spellings: spellings, memo: &memo), at: checkpoint)
                let stored = try await storedEvents(found)
                memo.storedVersions(Self.versions(of: stored))
                for (report, events) in zip(reports, stored) {
                    let decision = resolver.match(report, among: events.map(\.event), memo: &memo)
                    ahead.found[report.eventId] = .init(report: report, stored: events, decision: decision)
                    ahead.order.append(report.eventId)
                }
            }
            // The batch as a whole, decided here rather than on the append's path.
            let looked = ahead.order.map { ahead.found[$0]! }
            memo.storedVersions(Self.versions(of: looked.map(\.stored)))
            ahead.recordedBy = looked.map { DeterministicID.extraction(of: $0.report.eventId) }
            ahead.batch = try decide(looked.map(\.report), recordedBy: ahead.recordedBy, onlyReports: true, stored: looked.map(\.stored),
                                     ahead: looked.map(\.decision), memo: &memo)
            return ahead
        } catch {
            return nil
        }
    }

    /// Append `appends` with the merges their reports call for, and keep
    /// what they leave (`committed`). `written`: reports the caller holds, by
    /// the id of the log event that records each (the rest are decoded).
    ///
    /// When `ahead` covers every report, the decision is taken from it without
    /// reading the database, and appended in one statement that first takes
    /// the resolve lock and checks the log holds nothing after the look-ahead's
    /// checkpoint. Otherwise, or when the log moved, the decision is taken
    /// again holding the lock, from what it reads there.
    ///
    /// `logger` is told (debug) why a decision was taken again under the lock.
    func append(_ appends: [EventStore.StreamAppend], written: [UUID: TimelineEventPayload] = [:], ahead: Lookahead? = nil,
                to store: EventStore, logger: Logger? = nil) async throws -> [AppendResult] {
        let extracted = appends.flatMap(\.events).filter { $0.type == DomainEventType.timelineEventExtracted.rawValue }
        let decoder = JSONDecoder()
        let reports = try extracted.map { try written[$0.id] ?? decoder.decode(TimelineEventPayload.self, from: $0.data) }
        let why: String
        if let ahead, let decisions = try decisions(for: reports, recordedBy: extracted, in: appends, ahead: ahead) {
            let all = appends + decisions.merges
            if let results = try await store.append(all, lockedBy: Self.lock, unlessMovedPast: ahead.checkpoint,
                                                    types: DomainEventType.allCases.map(\.rawValue)) {
                committed(decisions, results: results, of: all)
                return results
            }
            why = "the log moved past the look-ahead's checkpoint"
        } else {
            why = ahead == nil ? "no look-ahead (off, the read model behind, the park directory moved, or a read failed)"
                : "the look-ahead does not hold these reports as they are"
        }
        logger?.debug("resolution decides under the lock", metadata: ["why": "\(why)", "reports": "\(reports.count)"])
        return try await store.withLock(Self.lock) {
            let decisions = try await decisions(for: reports, recordedBy: extracted, in: appends)
            let all = appends + decisions.merges
            let results = try await store.append(all)
            committed(decisions, results: results, of: all)
            return results
        }
    }

    /// Bring the candidate index to the read model's state `start` (read
    /// with the changes since `previous`, where the index was).
    private func followReadModel(from previous: LogCursor?, to start: TimelineQueries.ResolutionState) async throws {
        guard let missing = index.follow(from: previous, to: start.checkpoint, changes: start.changes), !missing.isEmpty else { return }
        index.fill(try await queries.indexRows(of: missing), expected: missing, at: start.checkpoint)
    }

    /// Each query's candidates at `checkpoint`: from the index where it can
    /// tell (the parks it lacks loaded first), the rest in one statement.
    func candidates(for lookups: [TimelineQueries.CandidateQuery], at checkpoint: LogCursor) async throws
        -> [[TimelineQueries.EventVersion]] {
        var found = lookups.map { index.candidates(for: $0, at: checkpoint) }
        let unloaded = index.unloaded(zip(lookups, found).filter { $1 == nil }.flatMap { CandidateIndex.split($0.0.parks) })
        if !unloaded.isEmpty,
           let loaded = try await queries.indexRows(ofParks: unloaded, limit: index.parkLimit, at: checkpoint) {
            index.fill(loaded.rows, parks: unloaded, tooLarge: loaded.tooLarge, at: checkpoint)
            found = zip(lookups, found).map { $1 ?? index.candidates(for: $0, at: checkpoint) }
        }
        // Parks too large to hold whole: the spans of days asked for.
        let spans = index.spansNeeded(for: zip(lookups, found).filter { $1 == nil }.map(\.0))
        if !spans.isEmpty, let rows = try await queries.indexRows(ofSpans: spans, at: checkpoint) {
            index.fill(rows, spans: spans, at: checkpoint)
            found = zip(lookups, found).map { $1 ?? index.candidates(for: $0, at: checkpoint) }
        }
        let asked = found.indices.filter { found[$0] == nil }
        if !asked.isEmpty {
            for (index, versions) in zip(asked, try await queries.candidates(for: asked.map { lookups[$0] })) { found[index] = versions }
        }
        return found.map { $0 ?? [] }
    }

    /// What the candidate statement looks up for each report.
    private func lookups(_ reports: [TimelineEventPayload], spellings: [String: [String]],
                         memo: inout ReportResolver.Memo) -> [TimelineQueries.CandidateQuery] {
        reports.map { Self.lookup($0, keys: resolver.lookup($0, memo: &memo), spellings: spellings) }
    }

    static func lookup(_ report: TimelineEventPayload, keys: ReportResolver.LookupKeys,
                       spellings: [String: [String]]) -> TimelineQueries.CandidateQuery {
        TimelineQueries.CandidateQuery(
            parks: spellings[report.park.id]!, typeClass: TimelineEventPayload.typeClass(report.type),
            lower: report.lower, upper: report.upper, text: keys.text, needles: keys.needles, byWording: keys.byWording)
    }

    /// The merges an append calls for, and the events it leaves as this
    /// process last saw them (`committed(_:results:)` keeps them once stored).
    struct Decisions: Sendable {
        /// One park stream append per park.
        var merges: [EventStore.StreamAppend] = []
        /// Each timeline event of the batch: its state after the batch, and the ids of
        /// the log events (reports, merges) that made it. `nil`: nothing to keep.
        fileprivate var outcome: (states: [UUID: TimelineEventPayload], madeBy: [(logEvent: UUID, event: UUID)])?
    }

    /// The merges `reports` (recorded by `extracted`, of `appends`) call for,
    /// from what `ahead` found, without reading anything; `nil` when `ahead`
    /// does not hold every report as it is.
    func decisions(for reports: [TimelineEventPayload], recordedBy extracted: [NewEvent], in appends: [EventStore.StreamAppend],
                   ahead: Lookahead) throws -> Decisions? {
        guard reports.allSatisfy({ ahead.found[$0.eventId]?.report == $0 }) else { return nil }
        // Every document new, as the look-ahead took them: its decisions stand as they are.
        if let batch = ahead.batch, reports.count == ahead.order.count, Self.onlyReports(appends),
           zip(reports, ahead.order).allSatisfy({ $0.eventId == $1 }),
           extracted.map(\.id) == ahead.recordedBy {
            return batch
        }
        var stored: [[(event: TimelineEventPayload, position: Int64)]] = []
        var decided: [ReportResolver.Decision?] = []
        stored.reserveCapacity(reports.count)
        decided.reserveCapacity(reports.count)
        for report in reports {
            let found = ahead.found[report.eventId]!
            stored.append(found.stored)
            decided.append(found.decision)
        }
        var memo = known.takeMemo()
        defer { known.returnMemo(memo) }
        memo.beginBatch()
        memo.storedVersions(Self.versions(of: stored))
        return try decide(reports, recordedBy: extracted.map(\.id), onlyReports: Self.onlyReports(appends), stored: stored, ahead: decided, memo: &memo)
    }

    /// The merges `reports` call for, from what the read model holds now.
    /// The caller holds the resolve lock.
    func decisions(for reports: [TimelineEventPayload], recordedBy extracted: [NewEvent],
                   in appends: [EventStore.StreamAppend]) async throws -> Decisions {
        guard !reports.isEmpty else { return Decisions() }
        var memo = known.takeMemo()
        defer { known.returnMemo(memo) }
        memo.beginBatch()
        // The read model is brought up to date, and the park directory's state read,
        // while the reports' lookup keys are worked out.
        async let readModelState = readModel.catchUpAndReadUnapplied([.timelineEventExtracted, .reportsMerged])
        async let directoryState = queries.parkDirectoryFingerprint()
        let keys = reports.map { resolver.lookup($0, memo: &memo) }
        let (unapplied, caughtUp) = try await readModelState
        // A catch-up may have added parks or names: the state read alongside it may be older.
        let fingerprint = caughtUp ? try await queries.parkDirectoryFingerprint() : try await directoryState
        // Each park's spellings once, not once per report.
        let spellingsOfPark = try await parkSpellings.spellings(of: reports.map(\.park), fingerprint: fingerprint, queries: queries)
        // The stored candidates of every report in one statement, read before any decision:
        // the decisions of this batch are laid over them as they are taken (`pending`).
        let found = try await queries.candidates(for: zip(reports, keys).map { Self.lookup($0, keys: $1, spellings: spellingsOfPark) })
        let stored = try await storedEvents(found)
        memo.storedVersions(Self.versions(of: stored))
        return try decide(reports, recordedBy: extracted.map(\.id), onlyReports: Self.onlyReports(appends), stored: stored,
                          unapplied: unapplied, memo: &memo)
    }

    /// Whether `appends` holds nothing but new documents' reports: a batch that
    /// also corrects or retracts (a document re-read) changes events in ways
    /// `decide` does not follow.
    static func onlyReports(_ appends: [EventStore.StreamAppend]) -> Bool {
        appends.allSatisfy { $0.events.allSatisfy { [DomainEventType.documentIngested.rawValue,
                                                      DomainEventType.timelineEventExtracted.rawValue].contains($0.type) } }
    }

    /// The `ReportsMerged` of `joins`, decided in one batch for `park`'s reports.
    static func merge(_ joins: [ReportsMerged.Join], park: String) throws -> NewEvent {
        // The merge names the reports and the events, not the events it makes: carrying
        // them whole made the log grow with the square of an act's reports.
        // Subscribers are sent the events as the read model derives them (`MergeStates`).
        let body = ReportsMerged(joins: joins, parkId: park)
        let rules = Array(Set(joins.map(\.rule))).sorted()
        return NewEvent(id: DeterministicID.merge(of: joins.flatMap { join in join.reports.map { ($0, join.eventId) } }),
                        type: DomainEventType.reportsMerged.rawValue,
                        data: try body.encodedBody(.eventBody), metadata: try metadata(rule: rules.joined(separator: ",")))
    }

    /// A merge's metadata (what `NewEvent(body:metadata:)` writes), encoded once per
    /// set of rules (`rule`: theirs, comma-separated): a merge's body is its own, its
    /// metadata one of few.
    static func metadata(rule: String) throws -> Data {
        if let known = metadataByRule.withLock({ $0[rule] }) { return known }
        let encoded = try JSONEncoder.eventBody.encode(["actor": "parkline resolver", "rule": rule])
        metadataByRule.withLock { $0[rule] = encoded }
        return encoded
    }

    private static let metadataByRule = Mutex<[String: Data]>([:])

    /// Decide each report in turn among its stored candidates (`stored`) and
    /// the events the batch made so far. `ahead`: what was decided for each
    /// among its stored candidates alone, kept where the batch changed none of
    /// them; `unapplied`: reports and merges committed but past the read horizon.
    private func decide(_ reports: [TimelineEventPayload], recordedBy logEvents: [UUID], onlyReports: Bool,
                        stored storedCandidates: [[(event: TimelineEventPayload, position: Int64)]],
                        ahead: [ReportResolver.Decision?]? = nil, unapplied: [RecordedEvent] = [],
                        memo: inout ReportResolver.Memo) throws -> Decisions {
        guard !reports.isEmpty else { return Decisions() }
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
                for join in merge.joins {
                    if let merged = merge.event {
                        // A person's merge carries the event it made.
                        for report in join.reports { pending[report] = nil }
                        if pending.index(forKey: join.eventId) == nil { pendingOrder.append(join.eventId) }
                        pending[join.eventId] = merged
                    } else {
                        // The resolver's merges name their reports, which came in the same transaction.
                        let reports = join.reports.compactMap { pending[$0] }
                        for report in join.reports { pending[report] = nil }
                        if let target = pending[join.eventId] {
                            pending[join.eventId] = reports.reduce(target) { $0.merging($1) }
                        } else {
                            joining[join.eventId, default: []] += reports
                        }
                    }
                }
            }
        }
        /// Each park's joins, in the order decided.
        var joins: [String: [ReportsMerged.Join]] = [:]
        var madeBy = zip(logEvents, reports).map { (logEvent: $0, event: $1.eventId) }
        // The kind of act and days of the batch's events, worked out once each.
        var reach: [UUID: Reach] = [:]
        for (index, (report, stored)) in zip(reports, storedCandidates).enumerated() {
            // A candidate an earlier report of this batch joined is not what the rules saw ahead.
            // (Keys are looked up, not values: a value read is a copy of the whole event.)
            let touched = stored.contains { pending.index(forKey: $0.event.eventId) != nil || joining.index(forKey: $0.event.eventId) != nil }
            let storedIDs = Set(stored.map(\.event.eventId))
            // Events new in this batch that could be the same act: another document's,
            // the same kind of act in one of the park's spellings, on touching dates.
            let mine = Reach(report)
            let fresh = pendingOrder.compactMap { id -> TimelineEventPayload? in
                guard !storedIDs.contains(id) else { return nil }
                if reach[id] == nil, let at = pending.index(forKey: id) { reach[id] = Reach(pending.values[at]) }
                guard let theirs = reach[id], mine.touches(theirs), theirs.mightMatch(report, memo: &memo) else { return nil }
                return pending[id]
            }
            let decision: ReportResolver.Decision?
            let target: TimelineEventPayload?
            let decidedAhead = touched || !fresh.isEmpty ? nil : ahead?[index]
            if let decidedAhead {
                // Its candidates are as stored: no copy of them is laid over.
                decision = decidedAhead
                target = decision.flatMap { decision in stored.first { $0.event.eventId == decision.eventID }?.event }
            } else {
                let candidates = stored.map { pending[$0.event.eventId] ?? joining[$0.event.eventId]?.reduce($0.event) { $0.merging($1) } ?? $0.event }
                    + fresh
                decision = resolver.match(report, among: candidates, memo: &memo)
                target = decision.flatMap { decision in candidates.first { $0.eventId == decision.eventID } }
            }
            guard let decision, let target else {
                pending[report.eventId] = report
                pendingOrder.append(report.eventId)
                continue
            }
            let merged = target.merging(report)
            if pending.index(forKey: target.eventId) == nil { pendingOrder.append(target.eventId) }
            pending[target.eventId] = merged
            reach[target.eventId] = nil
            joins[report.park.id, default: []].append(ReportsMerged.Join(eventId: target.eventId, reports: [report.eventId], rule: decision.rule))
        }
        // One merge per park: a row for every join was most of what merges added to an append.
        var merges: [EventStore.StreamAppend] = []
        for park in joins.keys.sorted() {
            let merge = try Self.merge(joins[park]!, park: park)
            merges.append(EventStore.StreamAppend(stream: try StreamName(category: "park", id: park), expectedVersion: .any, events: [merge]))
            madeBy += joins[park]!.map { (merge.id, $0.eventId) }
        }
        return Decisions(merges: merges, outcome: onlyReports ? (pending, madeBy) : nil)
    }

    /// Each stored candidate's version and number of reports, for the memo.
    static func versions(of stored: [[(event: TimelineEventPayload, position: Int64)]]) -> [UUID: (position: Int64, reports: Int)] {
        var versions: [UUID: (position: Int64, reports: Int)] = [:]
        // By index: each candidate read in place, not copied out whole.
        for list in stored.indices {
            for index in stored[list].indices where versions.index(forKey: stored[list][index].event.eventId) == nil {
                versions[stored[list][index].event.eventId] = (stored[list][index].position, stored[list][index].event.reports?.count ?? 1)
            }
        }
        return versions
    }

    /// The stored candidates as events: those this process holds at the
    /// version found are not read again.
    private func storedEvents(_ found: [[TimelineQueries.EventVersion]]) async throws
        -> [[(event: TimelineEventPayload, position: Int64)]] {
        var (events, missing) = known.events(at: Set(found.joined()))
        if !missing.isEmpty {
            let read = try await queries.payloads(of: missing)
            known.remember(read.map { ($0.key, $0.value) })
            events.merge(read) { held, _ in held }
        }
        // A version gone between the two reads (a rebuild swapped the tables) is no candidate.
        return found.map { $0.compactMap { version in events[version].map { ($0, version.position) } } }
    }

    /// Keep what an ingest left, now that it is stored: each event of the
    /// batch at the position of the last of its log events.
    func committed(_ decisions: Decisions, results: [AppendResult], of appends: [EventStore.StreamAppend]) {
        guard let (states, madeBy) = decisions.outcome, !results.contains(where: \.wasDuplicate) else { return }
        var positionOfLogEvent: [UUID: Int64] = [:]
        for (append, result) in zip(appends, results) {
            for (event, position) in zip(append.events, result.positions) { positionOfLogEvent[event.id] = position }
        }
        var positions: [UUID: Int64] = [:]
        for (logEvent, event) in madeBy {
            guard let position = positionOfLogEvent[logEvent] else { return }
            positions[event] = max(positions[event] ?? position, position)
        }
        let kept = positions.compactMap { id, position in
            states[id].map { (TimelineQueries.EventVersion(eventId: id, position: position), $0) }
        }
        known.remember(kept)
        index.remember(kept)
    }

    /// An event's kind of act, days, park and documents: what tells most of a
    /// batch's events apart from a report, read once per event (not copied
    /// out of the batch's events for every report that asks).
    struct Reach {
        var typeClass: String
        var lower: Int?
        var upper: Int?
        var park: ParkPayload
        /// The documents its reports are from.
        var documents: [String]

        init(_ event: TimelineEventPayload) {
            typeClass = TimelineEventPayload.typeClass(event.type)
            lower = ReportResolver.dayNumber(event.lower)
            upper = ReportResolver.dayNumber(event.upper)
            park = event.park
            documents = ([event.source.documentHash] + (event.reports ?? []).map(\.source.documentHash)).compactMap { $0 }
        }

        /// Whether the event may be `report`'s act, once `touches` holds: of the report's
        /// park, and not of its own document (a page reports an act once).
        func mightMatch(_ report: TimelineEventPayload, memo: inout ReportResolver.Memo) -> Bool {
            guard memo.samePark(park, report.park) else { return false }
            return report.source.documentHash.map { !documents.contains($0) } ?? true
        }

        /// The same kind of act on dates within a day of each other (or dates not known as days).
        func touches(_ other: Reach) -> Bool {
            guard typeClass == other.typeClass else { return false }
            guard let lower, let upper, let theirLower = other.lower, let theirUpper = other.upper else { return true }
            return theirLower <= upper + 1 && theirUpper >= lower - 1
        }
    }
}
