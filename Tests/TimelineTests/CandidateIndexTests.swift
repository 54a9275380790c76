import EventStore
import Extraction
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
@testable import Timeline
import TimelineEvents

/// The resolver's in-process candidate index answers as the candidate
/// statement does, follows what other writers change, and declines what it
/// cannot tell.
@Suite struct CandidateIndexTests {
    typealias Harness = ReportMergingTests.Harness

    static func mergeCorpus() throws -> [SourceDocument] {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/merge")
        let manifest = try String(contentsOf: corpus.appendingPathComponent("published.tsv"), encoding: .utf8)
        return try manifest.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return SourceDocument(name: fields[0], text: try String(contentsOf: corpus.appendingPathComponent("docs/" + fields[0]), encoding: .utf8),
                                  published: CivilDate(iso: fields[1]), source: fields.count > 2 ? fields[2] : nil)
        }
    }

    /// The lookup of every event shown, as a new report of it would ask.
    static func lookups(_ h: Harness, resolution: ReportResolution) async throws -> [TimelineQueries.CandidateQuery] {
        let events = try await h.queries.events(.init())
        let directory = try await h.queries.parkNames()
        var memo = ReportResolver.Memo()
        return events.map { event in
            let parks = [event.park.id] + directory.filter { $0.id != event.park.id && ReportResolver.samePark($0, event.park) }.map(\.id)
            return ReportResolution.lookup(event, keys: resolution.resolver.lookup(event, memo: &memo), spellings: [event.park.id: parks])
        }
    }

    /// Bring the index to the read model as an ingest's look-ahead does
    /// (loading every park asked for when `load`), and compare each answer it
    /// gives with the statement's. Returns how many it answered.
    static func compare(_ lookups: [TimelineQueries.CandidateQuery], _ h: Harness, resolution: ReportResolution,
                        load: Bool = true) async throws -> Int {
        let (batches, continuation) = AsyncStream.makeStream(of: [TimelineEventPayload].self)
        continuation.finish()
        let ahead = try #require(await resolution.lookAhead(batches))
        if load { _ = try await resolution.candidates(for: lookups, at: ahead.checkpoint) }
        var answered = 0
        for lookup in lookups {
            guard let held = resolution.index.candidates(for: lookup, at: ahead.checkpoint) else { continue }
            answered += 1
            let stated = try await h.queries.candidates(for: [lookup])[0]
            #expect(held == stated, "\(lookup.text.prefix(40)): the index found \(held.count), the statement \(stated.count)")
        }
        return answered
    }

    /// Over the merge corpus ingested a document at a time by one process
    /// (parks loaded, its own merges kept as they commit), then changed by
    /// others (a person's split, merge, retraction and correction, another
    /// process's ingest), the index finds for each event's lookup exactly the
    /// versions the statement finds, in its order; it follows those changes
    /// from the log without loading a park again. The same for an index that
    /// holds every park with events by spans of days (`parkLimit` 0, as for
    /// a park too large to hold whole), started once the ingest is done, and
    /// ingesting the last documents itself.
    @Test(arguments: [5_000, 0])
    func theIndexFindsWhatTheStatementFinds(parkLimit: Int) async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            let documents = try Self.mergeCorpus()
            for document in documents.dropLast(3) { _ = try await h.ingest.ingest([document]) }
            let resolution = parkLimit == 5_000 ? h.ingest.resolution
                : ReportResolution(queries: h.queries, readModel: h.readModel, index: CandidateIndex(parkLimit: parkLimit))
            let events = try await h.queries.events(.init())
            let lookups = try await Self.lookups(h, resolution: resolution)
            let answered = try await Self.compare(lookups, h, resolution: resolution)
            #expect(answered * 4 >= lookups.count * 3, "the index answered \(answered) of \(lookups.count) lookups")
            let held = resolution.index.held
            #expect((parkLimit == 0 ? held.bySpans : held.whole).count >= 3, "held whole \(held.whole), by spans \(held.bySpans)")
            #expect((parkLimit == 0 ? held.whole : held.bySpans).isEmpty, "held whole \(held.whole), by spans \(held.bySpans)")

            // Changes this process did not make. An event another event's lookup finds is retracted,
            // another corrected; a merged event is split and joined again.
            var found: [(event: UUID, candidates: [UUID])] = []
            for (event, lookup) in zip(events, lookups) {
                found.append((event.eventId, try await h.queries.candidates(for: [lookup])[0].map(\.eventId)))
            }
            let seen = found.flatMap { seeker in seeker.candidates.filter { $0 != seeker.event } }
            let others = seen.reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
            #expect(others.count >= 2, "\(others.count) events found by another's lookup")
            _ = try await h.editor.retract(try #require(others.first), reason: "test", actor: "test")
            _ = try await h.editor.correct(try #require(others.dropFirst().first), .init(title: "园区内另一项签约", reason: "test"), actor: "test")
            let merged = try #require(events.first { ($0.reports?.count ?? 0) >= 2 && !others.prefix(2).contains($0.eventId) })
            let leaving = try #require(merged.reports?.last?.eventId)
            _ = try await h.editor.split(leaving, reason: "checking", actor: "test")
            _ = try await h.editor.merge(leaving, with: [merged.eventId], reason: "test", actor: "test")
            // Another process's ingest; for the index by spans, its own.
            let other = DocumentIngest(store: db.store, readModel: h.readModel, extractor: Extractor(gazetteer: try GazetteerFile.load(nil)),
                                       settleTimeout: .seconds(10), logger: db.logger,
                                       resolution: parkLimit == 5_000 ? ReportResolution(queries: h.queries, readModel: h.readModel) : resolution)
            _ = try await other.ingest(Array(documents.suffix(3)))
            try await h.readModel.catchUp()
            let later = try await Self.lookups(h, resolution: resolution)
            // Parks the index held before are answered without loading them again.
            let answeredLater = try await Self.compare(later, h, resolution: resolution, load: false)
            #expect(answeredLater * 2 >= later.count, "the index answered \(answeredLater) of \(later.count) lookups")
            #expect(try await Self.compare(later, h, resolution: resolution) * 4 >= later.count * 3)
        }
    }

    /// A park too large to hold whole is read for the days its lookups need,
    /// with a margin: lookups within a year of each other as one span, a
    /// year apart as two; what a span holds is not asked for again.
    @Test func aLargeParkIsReadForTheDaysItsLookupsNeed() throws {
        let index = CandidateIndex(parkLimit: 0)
        let checkpoint = LogCursor(transactionID: 7, position: 70)
        #expect(index.follow(from: nil, to: checkpoint, changes: nil) == [])
        index.fill([], parks: [], tooLarge: ["big"], at: checkpoint)
        func lookup(_ lower: String, _ upper: String, type: String = "signing") -> TimelineQueries.CandidateQuery {
            .init(parks: ["big"], typeClass: type, lower: lower, upper: upper, text: "", needles: [], byWording: false)
        }
        let day = { (text: String) in try #require(ReportResolver.dayNumber(text)) }
        let lookups = [lookup("2024-05-01", "2024-05-31"), lookup("2024-03-10", "2024-03-10"), lookup("2026-01-05", "2026-01-05"),
                       lookup("2024-05-10", "2024-05-10", type: "opening")]
        // Nothing held yet: the statement would answer.
        #expect(lookups.allSatisfy { index.candidates(for: $0, at: checkpoint) == nil })
        let requests = index.spansNeeded(for: lookups)
        #expect(requests.map(\.typeClass) == ["opening", "signing", "signing"])
        let (near, far) = (requests[1], requests[2])
        #expect(near.all == (try day("2024-03-10") - 62)...(try day("2024-05-31") + 32))
        #expect(near.coarse == (try day("2024-03-10") - 397)...(try day("2024-05-31") + 32))
        #expect(far.all == (try day("2026-01-05") - 62)...(try day("2026-01-05") + 32))
        index.fill([], spans: requests, at: checkpoint)
        #expect(index.spansNeeded(for: lookups).isEmpty)
        #expect(lookups.allSatisfy { index.candidates(for: $0, at: checkpoint) == [] })
        // A day past the margin is asked for again.
        #expect(index.spansNeeded(for: [lookup("2026-03-01", "2026-03-01")]).count == 1)
        #expect(index.held.bySpans == ["big"])
    }

    /// The statement answers a park the index has not loaded, and any
    /// checkpoint but the index's own.
    @Test func theIndexDeclinesWhatItCannotTell() async throws {
        try await withTestDatabase { db in
            let h = try Harness(db)
            _ = try await h.ingest.ingest([h.document("paper.txt", ReportMergingTests.paper, "2024-05-11")])
            try await h.readModel.catchUp()
            let resolution = h.ingest.resolution
            let lookup = try #require(try await Self.lookups(h, resolution: resolution).first)
            #expect(try await Self.compare([lookup], h, resolution: resolution) == 1)
            let checkpoint = try #require(resolution.index.synced)
            var elsewhere = lookup
            elsewhere.parks = ["no-such-park"]
            #expect(resolution.index.candidates(for: elsewhere, at: checkpoint) == nil)
            #expect(resolution.index.candidates(for: lookup, at: LogCursor(transactionID: 1, position: 1)) == nil)
        }
    }

    /// For the events its own ingests made, the index searches a name in
    /// their reports' strings; where it answers, the answer is what `LIKE`
    /// over the stored JSON gives (PostgreSQL asked), for names with and
    /// without ASCII, quotes, backslashes and line breaks.
    @Test func whereTheIndexAnswersANameItAnswersAsTheStoredJSONDoes() async throws {
        try await withTestDatabase { db in
            func event(_ evidence: String) -> TimelineEventPayload {
                var report = TimelineEventPayload(
                    eventId: UUID(), type: "signing", date: "2024-05-10", precision: "day", lower: "2024-05-10", upper: "2024-05-10",
                    expression: "5月10日", park: ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: [], city: nil),
                    title: "星河新材料签约", evidence: evidence, subjects: ["星河新材料"], amounts: [],
                    source: .init(document: "a.txt", documentHash: "abc", offset: [1, 2], published: "2024-05-11", extractorVersion: "2"))
                report.reports = [report]
                report.evidence = nil
                return report
            }
            let events = [event("5月10日，SK海力士与园区签约。"), event("园区称\"星河 新材料\"项目落地\n次日开工"), event("路径C:\\新材料")]
            let names = ["SK海力士", "K海", "海力士", "星河 新材料", "\"星河", "n次日", "落地\n次日", "title", "C:", "\\新材料", "新材料", "", "2024", "abc"]
            var answered = 0
            for event in events {
                let entry = try #require(CandidateIndex.Entry(event, at: 1))
                let json = String(decoding: try JSONEncoder.eventBody.encode(event), as: UTF8.self)
                for name in names {
                    guard let found = entry.names(name) else { continue }
                    answered += 1
                    let pattern = "%" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                        .replacingOccurrences(of: "_", with: "\\_") + "%"
                    let rows = try await db.client.query(
                        "SELECT \(event.title) LIKE \(pattern) OR (\(json)::jsonb -> 'reports')::text LIKE \(pattern)", logger: db.logger)
                    var stated: Bool?
                    for try await value in rows.decode(Bool.self) { stated = value }
                    #expect(found == stated, "\(name) in \(event.reports![0].evidence!): the index says \(found)")
                }
            }
            #expect(answered >= 12, "\(answered) answered")
        }
    }

    /// The index searches a report's names in the strings of an event's
    /// reports, as the statement searches their JSON: `texts` holds every
    /// string the encoded payload holds but its ids.
    @Test func anEventsStringsAreEveryStringItsJSONHolds() throws {
        func strings(_ value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let list as [Any]: list.flatMap(strings)
            case let object as [String: Any]: object.values.flatMap(strings)
            default: []
            }
        }
        var report = TimelineEventPayload(
            eventId: UUID(), type: "signing", date: "2024-05", precision: "month", lower: "2024-05-01", upper: "2024-05-31",
            expression: "5月", park: ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通园区"], city: "南通"),
            title: "星河新材料签约", evidence: "5月，星河新材料签约。", subjects: ["星河新材料"],
            amounts: [.init(value: 2e9, currency: "CNY", text: "20亿元")],
            source: .init(document: "a.txt", documentHash: "abc", offset: [1, 2], published: "2024-05-11", extractorVersion: "2",
                          recordedBy: "someone", outlet: "南通日报"))
        report.datesReported = ["2024-05-10", "2024-05-11"]
        report.dateCorrected = true
        report.mergedInto = UUID()
        var event = report
        event.reports = [report, report]
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(event))
        let ids = Set([event.eventId, report.eventId, report.mergedInto!].map(\.uuidString))
        #expect(Set(strings(json)).subtracting(ids) == Set(event.texts))
    }

    /// A lookup's lists are read as the statement reads them, joined with the
    /// separator and split again; the index skips both when nothing in a list
    /// holds the separator, and must give what they give.
    @Test(arguments: [[], [""], ["", ""], ["苏锡通"], ["苏锡通", "", "通州湾"], ["a\u{1F}b", "c"], ["\u{1F}"], ["", "\u{1F}", ""]] as [[String]])
    func aListIsSplitAsTheStatementSplitsIt(_ list: [String]) {
        let joined = list.joined(separator: TimelineQueries.listSeparator)
        #expect(CandidateIndex.split(list) == (joined.isEmpty ? [] : joined.components(separatedBy: TimelineQueries.listSeparator)))
    }

    /// The text's two-character runs, hashed as they are read, are those the resolver's bigrams list.
    @Test(arguments: ["", "苏", "苏锡通园区与星河新材料签约", "a\u{1F}b ab ab", "星河星河星河"])
    func aTextsPairsAreItsBigrams(_ text: String) {
        let pairs = CandidateIndex.TextPairs(text)
        let bigrams = ReportResolver.Bigrams(Array(text.unicodeScalars)).sorted
        for pair in bigrams { #expect(pairs.contains(pair)) }
        // Pairs it does not hold: each bigram's halves swapped, and one of two characters no text here has.
        for pair in bigrams.map({ $0 >> 32 | $0 << 32 }) + [0x4E00_0000_4E01] where !bigrams.contains(pair) {
            #expect(!pairs.contains(pair))
        }
    }
}
