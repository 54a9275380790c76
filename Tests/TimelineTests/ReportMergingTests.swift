import EventStore
import Extraction
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
@testable import Timeline
import TimelineEvents

/// Several outlets' reports of one act become one timeline event; different
/// acts stay apart; a person can overrule either way.
@Suite struct ReportMergingTests {
    struct Harness {
        let db: Database
        let readModel: ReadModel
        let queries: TimelineQueries
        let ingest: DocumentIngest
        let editor: TimelineEditor

        init(_ db: Database) throws {
            self.db = db
            readModel = ReadModel(client: db.client, logger: db.logger)
            queries = TimelineQueries(client: db.client, logger: db.logger)
            ingest = DocumentIngest(store: db.store, readModel: readModel, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)),
                                    settleTimeout: .seconds(10), logger: db.logger)
            editor = TimelineEditor(store: db.store, queries: queries, readModel: readModel)
        }

        func document(_ name: String, _ text: String, _ published: String, outlet: String? = nil) -> SourceDocument {
            SourceDocument(name: name, text: text, published: CivilDate(iso: published), source: outlet)
        }

        func events(type: String? = nil) async throws -> [TimelineEventPayload] {
            try await readModel.catchUp()
            return try await queries.events(.init(parkID: "suxitong", type: type))
        }
    }

    static let paper = "5月10日，苏锡通科技产业园区与星河新材料有限公司签署投资协议，总投资20亿元。"
    static let wire = "2024年5月10日，星河新材料有限公司年产5万吨新材料项目在苏锡通园区正式签约。"
    static let weekly = "上周五（5月10日），星河新材料与苏锡通园区签约，项目总投资20亿元。"

    @Test func twoPapersReportingOneSigningGiveOneEventWithBothReports() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            _ = try await h.ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11", outlet: "南通日报")])
            _ = try await h.ingest.ingest([h.document("wire.txt", Self.wire, "2024-05-12", outlet: "新华社")])
            let signings = try await h.events(type: "signing")
            #expect(signings.count == 1)
            let event = try #require(signings.first)
            #expect(event.date == "2024-05-10")
            let record = EventRecord(event)
            #expect(record.reports.map(\.document) == ["paper.txt", "wire.txt"])
            #expect(record.reports.map(\.outlet) == ["南通日报", "新华社"])
            #expect(record.first_reported == "2024-05-11")
            #expect(record.source.document == "paper.txt")

            // The wire's own id leads to the event, and a correction through it changes the event.
            let wireID = try #require(UUID(uuidString: record.reports[1].id))
            let change = try await h.editor.correct(wireID, .init(title: "星河新材料项目签约", reason: "clearer title"), actor: "test")
            #expect(change.event.eventId == event.eventId)
            #expect(try await h.events(type: "signing").map(\.title) == ["星河新材料项目签约"])
        }
    }

    /// Listings take each event's API JSON from PostgreSQL
    /// (`parkline_event_record`): it must be byte for byte what `EventRecord`
    /// encodes, for merged reports with their outlets, a hand-recorded event,
    /// half-year and quarter dates, a correction, text that needs escaping, and
    /// a listing as of an earlier time.
    @Test func listingsRenderedByTheDatabaseAreWhatEventRecordEncodes() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            _ = try await h.ingest.ingest(try DocumentSet.load(paths: [seedsFolder]).documents)
            _ = try await h.ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11", outlet: "南通日报")])
            _ = try await h.ingest.ingest([h.document("wire.txt", Self.wire, "2024-05-12", outlet: "新华社")])
            let park = ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通园区"], city: "南通")
            let recorded = try await h.editor.record(
                .init(park: park, type: .meeting, date: try #require(EventDate(parsing: "2024-H1")),
                      title: "园区\"半年\"工作会", evidence: "第一行\n第二行\t\\ a/b"), actor: "test")
            _ = try await h.events()
            let beforeCorrection = try #require(try await h.queries.history(of: recorded.event.eventId).last?.knownFrom)
            _ = try await h.editor.correct(recorded.event.eventId, .init(date: EventDate(parsing: "2024-Q3"), reason: "the quarter"),
                                           actor: "test")
            _ = try await h.events()
            let filters: [TimelineQueries.Filter] = [.init(), .init(asOf: beforeCorrection), .init(parkID: "suxitong", type: "signing")]
            var seen: [TimelineEventPayload] = []
            for filter in filters {
                let events = try await h.queries.events(filter)
                let listing = try await h.queries.records(filter)
                let records = listing.events
                #expect(records.count == events.count && !events.isEmpty)
                #expect(listing.readCursor == (try await h.readModel.checkpoint()))
                for (event, record) in zip(events, records) {
                    let expected = String(decoding: try JSONEncoder.parkline.encode(EventRecord(event)), as: UTF8.self)
                    #expect(String(buffer: record.json) == expected)
                    #expect(record.key == TimelineQueries.PageKey(event))
                }
                seen += events
            }
            #expect(seen.contains { ($0.reports?.count ?? 0) > 1 }, "no merged event")
            #expect(Set(seen.map(\.precision)).isSuperset(of: ["day", "month", "quarter", "half"]))
            #expect(seen.contains { $0.source.recordedBy != nil && $0.source.document == nil })
            // An empty listing still says where the read model is.
            let none = try await h.queries.records(.init(parkID: "no-such-park"))
            #expect(none.events.isEmpty)
            #expect(none.readCursor == (try await h.readModel.checkpoint()))
        }
    }

    /// A transaction left open anywhere on the server holds the read horizon
    /// back: the read model cannot apply the first report yet, but it is
    /// committed, and the resolver must still find it.
    @Test func aReportPastTheReadHorizonIsStillFoundByTheResolver() async throws {
        try await withTestDatabase(in: .resolver) { db in
            let h = try Harness(db)
            let ingest = DocumentIngest(store: db.store, readModel: h.readModel, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)),
                                        settleTimeout: .milliseconds(100), logger: db.logger)
            let held = try await PostgresConnection.connect(configuration: db.settings.connectionConfiguration(), id: 7, logger: db.logger)
            try await held.query("BEGIN", logger: db.logger)
            try await held.query("SELECT pg_current_xact_id()", logger: db.logger)
            _ = try await ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11", outlet: "南通日报")])
            _ = try await ingest.ingest([h.document("wire.txt", Self.wire, "2024-05-12", outlet: "新华社")])
            // The merge just made is past the horizon too, and names its report only: the third report joins both.
            _ = try await ingest.ingest([h.document("weekly.txt", Self.weekly, "2024-05-13", outlet: "周刊")])
            #expect(try await h.events(type: "signing").isEmpty, "the open transaction did not hold the horizon back")
            try await held.query("ROLLBACK", logger: db.logger)
            try await held.close()
            let signings = try await h.events(type: "signing")
            #expect(signings.count == 1)
            #expect(signings.first.map { EventRecord($0).reports.map(\.document) } == ["paper.txt", "wire.txt", "weekly.txt"])
        }
    }

    /// The same with the first report applied: the merge past the horizon
    /// joins a report to an event the read model holds.
    @Test func aMergePastTheReadHorizonIsLaidOverTheStoredEvent() async throws {
        try await withTestDatabase(in: .resolver) { db in
            let h = try Harness(db)
            let ingest = DocumentIngest(store: db.store, readModel: h.readModel, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)),
                                        settleTimeout: .milliseconds(100), logger: db.logger)
            _ = try await ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11", outlet: "南通日报")])
            #expect(try await h.events(type: "signing").count == 1)
            let held = try await PostgresConnection.connect(configuration: db.settings.connectionConfiguration(), id: 8, logger: db.logger)
            try await held.query("BEGIN", logger: db.logger)
            try await held.query("SELECT pg_current_xact_id()", logger: db.logger)
            _ = try await ingest.ingest([h.document("wire.txt", Self.wire, "2024-05-12", outlet: "新华社")])
            _ = try await ingest.ingest([h.document("weekly.txt", Self.weekly, "2024-05-13", outlet: "周刊")])
            try await held.query("ROLLBACK", logger: db.logger)
            try await held.close()
            let signings = try await h.events(type: "signing")
            #expect(signings.count == 1)
            #expect(signings.first.map { EventRecord($0).reports.map(\.document) } == ["paper.txt", "wire.txt", "weekly.txt"])
        }
    }

    @Test func reportsInOneIngestMergeAndAVaguerReportKeepsTheDay() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            let monthly = "苏锡通园区招商月报：5月，星河新材料有限公司签约落户苏锡通园区。"
            _ = try await h.ingest.ingest([
                h.document("month.txt", monthly, "2024-06-01"),
                h.document("paper.txt", Self.paper, "2024-05-11"),
            ])
            let signings = try await h.events(type: "signing")
            #expect(signings.count == 1)
            #expect(signings.first?.date == "2024-05-10")
            #expect(signings.first?.precision == "day")
            #expect(signings.first?.allReports.count == 2)
        }
    }

    /// The read model's `type_class` column (what the resolver's index ranges
    /// over) groups the types as `TimelineEventPayload.typeClass` does.
    @Test func theReadModelGroupsKindsOfActAsTheResolverDoes() async throws {
        try await withTestDatabase { db in
            let types = EventType.allCases.map(\.rawValue)
            // A scratch copy of the live table, generated column included, one row per type.
            try await db.client.withTransaction(logger: db.logger) { connection in
                try await connection.query("CREATE TEMP TABLE probe (LIKE timeline_event_versions INCLUDING GENERATED) ON COMMIT DROP",
                                           logger: db.logger)
                try await connection.query("""
                    INSERT INTO probe (event_id, version, park_id, type, date_text, precision, lower_date, upper_date, title,
                                       retracted, payload, valid_from, log_position)
                    SELECT gen_random_uuid(), 1, 'p', t, '2024', 'year', '2024-01-01', '2024-12-31', t, false, '{}', now(), 0
                    FROM unnest(\(types)) AS t
                    """, logger: db.logger)
                var stored: [String: String] = [:]
                for try await (type, kind) in try await connection.query("SELECT type, type_class FROM probe", logger: db.logger)
                    .decode((String, String).self) { stored[type] = kind }
                for type in types { #expect(stored[type] == TimelineEventPayload.typeClass(type), "\(type)") }
            }
        }
    }

    /// The candidate lookup tests names in SQL before anything is decoded; it
    /// must never hide the event the resolver would choose. Over the merge
    /// corpus, each report read as its own event, the resolver's choice among
    /// every other event is among what the lookup returns, and choosing among
    /// those alone gives the same rule.
    @Test func theLookupHidesNoMatchTheResolverWouldMake() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Corpus/merge")
            let manifest = try String(contentsOf: corpus.appendingPathComponent("published.tsv"), encoding: .utf8)
            let documents = try manifest.split(separator: "\n").map { line in
                let fields = line.split(separator: "\t").map(String.init)
                return h.document(fields[0], try String(contentsOf: corpus.appendingPathComponent("docs/" + fields[0]), encoding: .utf8),
                                  fields[1])
            }
            // Every report its own event: ingested without resolution.
            let reports = try await Ingestor(store: db.store, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)), logger: db.logger)
                .ingest(documents)
            // Other tests' transactions on the cluster may hold the log's horizon back a while.
            await h.readModel.settle(past: try #require(reports.compactMap(\.cursor).max()), timeout: .seconds(120))
            let events = try await h.queries.events(.init())
            let directory = try await h.queries.parkNames()
            let resolver = ReportResolver()
            var memo = ReportResolver.Memo()
            var matched = 0
            for report in events {
                let chosen = resolver.match(report, among: events)
                let parks = [report.park.id] + directory.filter { $0.id != report.park.id && ReportResolver.samePark($0, report.park) }.map(\.id)
                let keys = resolver.lookup(report, memo: &memo)
                let found = try await h.queries.candidateEvents(for: [TimelineQueries.CandidateQuery(
                    parks: parks, typeClass: TimelineEventPayload.typeClass(report.type), lower: report.lower, upper: report.upper,
                    text: keys.text, needles: keys.needles, byWording: keys.byWording)])[0]
                guard let chosen else { continue }
                matched += 1
                #expect(found.contains { $0.eventId == chosen.eventID }, "\(report.title): the lookup hid the event it matches")
                #expect(resolver.match(report, among: found)?.rule == chosen.rule, "\(report.title)")
            }
            // The corpus is of acts reported several times: most reports match another.
            #expect(matched >= 40, "\(matched) reports matched")
        }
    }

    /// What resolution keeps between a process's ingests (`ResolvedEvents`:
    /// events at their versions, the rules' reading of them) changes no
    /// decision, and neither does deciding ahead (`lookAhead`): the merge
    /// corpus ingested a document at a time by one process is merged as when
    /// every ingest starts cold and decides under the lock alone, and every
    /// event kept is the read model's row at its version.
    @Test func whatResolutionKeepsBetweenIngestsChangesNoDecision() async throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/merge")
        let manifest = try String(contentsOf: corpus.appendingPathComponent("published.tsv"), encoding: .utf8)
        let documents = try manifest.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return SourceDocument(name: fields[0], text: try String(contentsOf: corpus.appendingPathComponent("docs/" + fields[0]), encoding: .utf8),
                                  published: CivilDate(iso: fields[1]))
        }
        struct Merge: Hashable { var event: UUID, reports: [UUID], rule: String }
        let merges = { (db: Database) in
            try await db.store.readAll(limit: 100_000).filter { $0.type == DomainEventType.reportsMerged.rawValue }.map { event in
                let merge = try event.decode(ReportsMerged.self)
                // Who decided, and by which rules, in the metadata too.
                let metadata = try JSONDecoder().decode([String: String].self, from: event.metadata)
                #expect(metadata == ["actor": "parkline resolver", "rule": Set(merge.joins.map(\.rule)).sorted().joined(separator: ",")])
                return merge.joins.map { Merge(event: $0.eventId, reports: $0.reports, rule: $0.rule) }
            }.flatMap { $0 }
        }
        let warm = try await withTestDatabase { db in
            let h = try Harness(db)
            for document in documents { _ = try await h.ingest.ingest([document]) }
            let held = h.ingest.resolution.known.held
            // Every event the timeline shows was made or read by this process.
            let shown = try await h.queries.events(.init()).count
            #expect(shown >= 30 && held.count >= shown, "\(held.count) events kept, \(shown) shown")
            let stored = try await h.queries.payloads(of: Array(held.keys))
            for (version, event) in held {
                #expect(stored[version] == event, "\(event.title): kept unlike the read model's row at \(version.position)")
            }
            return try await merges(db)
        }
        // Cold, and with every decision taken under the lock from what it reads there.
        let cold = try await withTestDatabase { db in
            let h = try Harness(db)
            for document in documents {
                var ingestor = Ingestor(store: db.store, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)),
                                        resolution: ReportResolution(queries: h.queries, readModel: h.readModel), logger: db.logger)
                ingestor.looksAhead = false
                if let cursor = try await ingestor.ingest([document]).compactMap(\.cursor).max() {
                    await h.readModel.settle(past: cursor, timeout: .seconds(120))
                }
            }
            return try await merges(db)
        }
        #expect(warm.count >= 20, "\(warm.count) merges")
        #expect(Set(warm) == Set(cold))
    }

    /// Candidates looked up and decisions taken while documents are extracted
    /// (`lookAhead`) are appended only while the log holds nothing newer (the
    /// append checks, under the resolve lock): one overtaken by another ingest
    /// is decided again (the wire joins the paper's signing, which the lookup
    /// ahead could not see), and one still current is trusted as it is (a
    /// lookup ahead emptied by hand, its decision too, leaves the weekly on its own).
    @Test func candidatesLookedUpAheadAreUsedOnlyWhileTheLogHoldsNothingNewer() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            let extractor = Extractor(gazetteer: try GazetteerFile.load(nil))
            let ingestor = Ingestor(store: db.store, extractor: extractor, logger: db.logger)
            /// A document's append as the ingest makes it, with its reports.
            let prepared = { (document: SourceDocument) throws -> ([EventStore.StreamAppend], [TimelineEventPayload]) in
                let result = try extractor.extract(document)
                let (events, _) = try ingestor.plan(document: document, result: result, history: [])
                return ([EventStore.StreamAppend(stream: try StreamName(category: "document", id: result.documentHash),
                                                 expectedVersion: .noStream, events: events)],
                        result.events.map { Ingestor.payload($0, outlet: nil) })
            }
            let lookAhead = { (resolution: ReportResolution, reports: [TimelineEventPayload]) async -> ReportResolution.Lookahead? in
                let (stream, continuation) = AsyncStream.makeStream(of: [TimelineEventPayload].self)
                continuation.yield(reports)
                continuation.finish()
                return await resolution.lookAhead(stream)
            }
            let merges = { (report: UUID) async throws -> [ReportsMerged] in
                let rows = try await db.client.query("SELECT data::text FROM events WHERE type = 'ReportsMerged'")
                var found: [ReportsMerged] = []
                for try await text in rows.decode(String.self) {
                    let merge = try JSONDecoder().decode(ReportsMerged.self, from: Data(text.utf8))
                    if merge.reports.contains(report) { found.append(merge) }
                }
                return found
            }

            // Overtaken: another ingest appends the paper after the look-ahead; the
            // append finds the log moved, decides again under the lock, and merges.
            let resolution = ReportResolution(queries: h.queries, readModel: h.readModel)
            let (wireAppends, wireReports) = try prepared(h.document("wire.txt", Self.wire, "2024-05-12"))
            let overtaken = try #require(await lookAhead(resolution, wireReports))
            #expect(overtaken.found.values.allSatisfy { $0.stored.isEmpty }, "nothing to find before the paper")
            _ = try await h.ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11")])
            _ = try await resolution.append(wireAppends, ahead: overtaken, to: db.store)
            let wire = try #require(wireReports.first { $0.type == "signing" })
            #expect(try await merges(wire.eventId).count == 1, "the wire joins the paper's signing")

            // Current: the look-ahead is trusted as it stands, without reading again.
            // Emptied by hand (candidates and decision), it leaves the weekly alone.
            let (weeklyAppends, weeklyReports) = try prepared(h.document("weekly.txt", Self.weekly, "2024-05-13"))
            var current = try #require(await lookAhead(resolution, weeklyReports))
            #expect(current.found.values.contains { !$0.stored.isEmpty }, "the signing is found ahead")
            #expect(current.found.values.contains { $0.decision != nil }, "and decided ahead")
            #expect(current.batch?.merges.count == 1, "the batch too, as a whole")
            for id in Array(current.found.keys) {
                current.found[id]?.stored = []
                current.found[id]?.decision = nil
            }
            current.batch = nil
            _ = try await resolution.append(weeklyAppends, ahead: current, to: db.store)
            let weekly = try #require(weeklyReports.first { $0.type == "signing" })
            #expect(try await merges(weekly.eventId).isEmpty)
            #expect(try await h.events(type: "signing").count == 2)
        }
    }

    /// The look-ahead decides a batch of new documents as a whole, as the
    /// append would under the resolve lock: reports of one act in two of its
    /// documents (the second joins the event the first joined), and a report
    /// of an act the log does not hold yet, which a later document joins.
    /// Another batch (a document left out, as one already ingested is) is
    /// decided at the append, report by report.
    @Test func aBatchDecidedAheadIsTheBatchTheLockedAppendDecides() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            _ = try await h.ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11")])
            let extractor = Extractor(gazetteer: try GazetteerFile.load(nil))
            let ingestor = Ingestor(store: db.store, extractor: extractor, logger: db.logger)
            let opening = "6月3日，苏锡通园区明远精密光学有限公司新厂房正式投产。"
            let documents = [h.document("wire.txt", Self.wire, "2024-05-12"), h.document("weekly.txt", Self.weekly, "2024-05-13"),
                             h.document("plant.txt", opening, "2024-06-03"),
                             h.document("plant-wire.txt", "2024年6月3日，明远精密光学有限公司在苏锡通园区的新厂房投产。", "2024-06-04")]
            var appends: [EventStore.StreamAppend] = []
            var batches: [[TimelineEventPayload]] = []
            for document in documents {
                let result = try extractor.extract(document)
                let (events, _) = try ingestor.plan(document: document, result: result, history: [])
                appends.append(.init(stream: try StreamName(category: "document", id: result.documentHash), expectedVersion: .noStream, events: events))
                batches.append(result.events.map { Ingestor.payload($0, outlet: nil) })
            }
            let resolution = ReportResolution(queries: h.queries, readModel: h.readModel)
            let (stream, continuation) = AsyncStream.makeStream(of: [TimelineEventPayload].self)
            for batch in batches { continuation.yield(batch) }
            continuation.finish()
            let ahead = try #require(await resolution.lookAhead(stream))
            #expect(ahead.batch != nil)
            let merged = { (decisions: ReportResolution.Decisions?) in
                Set(try (decisions?.merges ?? []).flatMap(\.events).map { try JSONDecoder().decode(ReportsMerged.self, from: $0.data) }
                    .flatMap(\.joins).map { "\($0.eventId) \($0.reports) \($0.rule)" })
            }
            for appended in [appends, Array(appends.dropFirst())] {
                let extracted = appended.flatMap(\.events).filter { $0.type == DomainEventType.timelineEventExtracted.rawValue }
                let reports = try extracted.map { try JSONDecoder().decode(TimelineEventPayload.self, from: $0.data) }
                let fromAhead = try resolution.decisions(for: reports, recordedBy: extracted, in: appended, ahead: ahead)
                let underLock = try await resolution.decisions(for: reports, recordedBy: extracted, in: appended)
                let (ahead, locked) = (try merged(fromAhead), try merged(underLock))
                #expect(ahead == locked)
                #expect(locked.count == appended.count - 1, "every document after the first of its act joins it")
            }
        }
    }

    @Test func differentCompaniesOnOneDayAndASigningAndItsGroundbreakingStayApart() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            let other = "5月10日，苏锡通科技产业园区与海岳精密机械有限公司签署合作协议。"
            let groundbreaking = "5月10日，星河新材料有限公司年产5万吨新材料项目在苏锡通园区开工。"
            _ = try await h.ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11")])
            _ = try await h.ingest.ingest([h.document("other.txt", other, "2024-05-11"),
                                           h.document("works.txt", groundbreaking, "2024-05-11")])
            #expect(try await h.events(type: "signing").count == 2)
            #expect(try await h.events(type: "groundbreaking").count == 1)
            #expect(try await h.events().allSatisfy { $0.reports == nil })
        }
    }

    /// A day's events come in the order they became known (their first
    /// report's publication date), not in the order of their ids, in a
    /// listing and across pages.
    @Test func aDaysEventsAreListedInTheOrderTheyBecameKnown() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            let texts = ["2024年5月10日，苏锡通科技产业园区与星河新材料有限公司签署投资协议。",
                         "2024年5月10日，苏锡通科技产业园区与海岳精密机械有限公司签署合作协议。"]
            // The event ids do not depend on the publication date: the one whose id
            // sorts first is published later, so the id order is the wrong answer.
            let ids = try texts.enumerated().map { index, text in
                try #require(try Extractor(gazetteer: GazetteerFile.load(nil)).extract(h.document("\(index).txt", text, "2024-05-11")).events.first)
                    .identity
            }.map(DeterministicID.timelineEvent(identity:))
            let (knownLater, knownFirst) = ids[0].uuidString.lowercased() < ids[1].uuidString.lowercased() ? (0, 1) : (1, 0)
            _ = try await h.ingest.ingest([h.document("later.txt", texts[knownLater], "2024-05-13")])
            _ = try await h.ingest.ingest([h.document("first.txt", texts[knownFirst], "2024-05-11")])
            let listed = try await h.events(type: "signing")
            #expect(listed.map(\.eventId) == [ids[knownFirst], ids[knownLater]])
            #expect(listed.map { EventRecord($0).first_reported } == ["2024-05-11", "2024-05-13"])

            // A page of one ends at a cursor that leads to the other.
            var filter = TimelineQueries.Filter(parkID: "suxitong", type: "signing")
            filter.limit = 1
            let first = try await h.queries.records(filter).events
            #expect(first.map(\.key.eventID) == [ids[knownFirst]])
            let token = try #require(first.first?.key.token)
            let key = try #require(TimelineQueries.PageKey(token: token))
            #expect(key == first.first?.key)
            filter.after = key
            #expect(try await h.queries.records(filter).events.map(\.key.eventID) == [ids[knownLater]])
        }
    }

    @Test func aPageCursorCarriesThePublicationDateItOrdersBy() throws {
        let id = UUID()
        let key = TimelineQueries.PageKey(lower: "2024-05-10", precision: "month", firstReported: "2024-05-11", eventID: id)
        #expect(key.token.hasSuffix(".2.20240511.\(id.uuidString.lowercased())"))
        #expect(TimelineQueries.PageKey(token: key.token) == key)
        let none = TimelineQueries.PageKey(lower: "2024-05-10", precision: "day", firstReported: "", eventID: id)
        #expect(TimelineQueries.PageKey(token: none.token) == none)
        #expect(try Regex(TimelineQueries.PageKey.tokenPattern).wholeMatch(in: key.token) != nil)
        #expect(try Regex(TimelineQueries.PageKey.tokenPattern).wholeMatch(in: none.token) != nil)
        // The shape before migration 0016, and dates that are not eight digits, are no cursors.
        #expect(TimelineQueries.PageKey(token: "739000.0.\(id.uuidString.lowercased())") == nil)
        #expect(TimelineQueries.PageKey(token: "739000.0.2024051.\(id.uuidString.lowercased())") == nil)
        #expect(TimelineQueries.PageKey(token: "739000.0.2024-5-1.\(id.uuidString.lowercased())") == nil)
        // Only `YYYY-MM-DD` orders, as in the read model.
        #expect(TimelineQueries.PageKey.orderingDate("2024-05-11") == "2024-05-11")
        #expect(TimelineQueries.PageKey.orderingDate("2024-05") == "")
        #expect(TimelineQueries.PageKey.orderingDate(nil) == "")
    }

    @Test func aPersonSplitsAndMergesAndARebuildGivesTheSameTimeline() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            _ = try await h.ingest.ingest([h.document("paper.txt", Self.paper, "2024-05-11")])
            _ = try await h.ingest.ingest([h.document("wire.txt", Self.wire, "2024-05-12")])
            let merged = try #require(try await h.events(type: "signing").first)
            let wireID = try #require(merged.allReports.last?.eventId)

            _ = try await h.editor.split(wireID, reason: "checking", actor: "test")
            let apart = try await h.events(type: "signing")
            #expect(Set(apart.map(\.eventId)) == [merged.eventId, wireID])
            #expect(apart.allSatisfy { $0.reports == nil })

            // Merging by hand keeps the first report's id, whichever id is given first.
            let joined = try await h.editor.merge(wireID, with: [merged.eventId], reason: "same act", actor: "test")
            #expect(joined.event.eventId == merged.eventId)
            let again = try await h.events(type: "signing")
            #expect(again.map(\.eventId) == [merged.eventId])
            #expect(again.first?.allReports.count == 2)

            let before = try await h.queries.events(.init())
            try await h.readModel.rebuild()
            #expect(try await h.queries.events(.init()) == before)
        }
    }

    @Test func reportsThatGiveDifferentDaysSaySo() {
        func report(_ day: String, _ document: String) -> TimelineEventPayload {
            TimelineEventPayload(eventId: UUID(), type: "signing", date: day, precision: "day", lower: day, upper: day, expression: nil,
                                 park: ParkPayload(id: "p", name: "某园区", aliases: [], city: nil), title: "t", evidence: nil,
                                 subjects: [], amounts: [], source: .init(document: document, published: "2024-05-12"))
        }
        var month = report("2024-05", "c")
        (month.precision, month.lower, month.upper) = ("month", "2024-05-01", "2024-05-31")
        let event = report("2024-05-10", "a").merging(report("2024-05-11", "b")).merging(month).merging(report("2024-05-11", "d"))
        #expect(event.date == "2024-05-11")
        #expect(event.datesReported == ["2024-05-10", "2024-05-11"])
        #expect(report("2024-05-10", "a").merging(month).date == "2024-05-10")
        #expect(report("2024-05-10", "a").merging(month).datesReported == nil)
    }
}

extension TimelineQueries {
    /// `candidates(for:)` with every payload read.
    func candidateEvents(for queries: [CandidateQuery]) async throws -> [[TimelineEventPayload]] {
        let found = try await candidates(for: queries)
        let payloads = try await payloads(of: Set(found.joined()))
        return found.map { $0.compactMap { payloads[$0] } }
    }
}
