import EventStore
import Extraction
import Foundation
import Timeline
import TimelineEvents

/// Ingest on a large log, with the resolver matching every new report
/// against the park's events, against the same ingest with every report
/// its own event (what ingest did before resolution), in the same run.
///
/// The seed documents are ingested round after round, each round under new
/// names and with a marker line, so each is a new document whose reports
/// are of acts the timeline already shows. The seeds' park is read as one
/// of the log's parks: parks of ordinary size (the 100th to 103rd of 1,000
/// by events, 0.13 % of the log each), which the target is for, and then
/// the busiest (13 % of the log, some 1,000 events a month at 1M),
/// reported as the worst case: there every report has the most candidates
/// to read.
///
/// Measured in pairs, as the other scenarios are: the figure is the median
/// of the pairs' ratios. A round takes some 30 ms, so a checkpoint or an
/// autovacuum falling into one round moves a ratio of totals a long way
/// (one round of a pair was seen to take three times as long); the ratio
/// over all rounds is kept in the note. Ten pairs gave medians from 0.81
/// to 0.90 for one build, so the ordinary parks are four blocks of pairs,
/// one park each: forty pairs, and no act with more than ten reports
/// (more rounds on one park would give each act as many reports as rounds,
/// more outlets than tell any act).
struct IngestBenchmark {
    let db: Database
    let seeds: String
    let rounds: Int
    let logSize: Int

    func run() async throws -> [Figure] {
        let documents = try DocumentSet.load(paths: [seeds]).documents
        return [
            try await measure(documents, parkRanks: Array(100...103), target: .ratioAtLeast(0.9)),
            try await measure(documents, parkRanks: [1], target: nil),
        ]
    }

    /// Ingest throughput with and without resolution, the seeds' park read
    /// as each of the log's parks of rank `parkRanks` in turn (1 = most
    /// events), `rounds` pairs each.
    private func measure(_ documents: [SourceDocument], parkRanks: [Int], target: Target?) async throws -> Figure {
        var measured = Pairs()
        for rank in parkRanks {
            let pairs = try await measure(documents, parkID: SyntheticLog.parkID(rank - 1))
            measured.parkline += pairs.parkline
            measured.baseline += pairs.baseline
        }
        // Over all rounds (every round ingests as many documents): the harmonic mean of their rates.
        let overall = { (rates: [Double]) in Double(rates.count) / rates.map { 1 / $0 }.reduce(0, +) }
        let (resolved, unresolved) = (overall(measured.parkline), overall(measured.baseline))
        let park = parkRanks == [1] ? "the busiest park"
            : parkRanks.count == 1 ? "the park of rank \(parkRanks[0])" : "parks of rank \(parkRanks.first!)-\(parkRanks.last!)"
        let parkIDs = parkRanks.map { SyntheticLog.parkID($0 - 1) }
        return Figure(.ingest, "seed documents onto \(BenchReport.number(Double(logSize))) events, \(park)", metric: "ingest",
                      unit: "documents/s", pairs: measured, baselineName: "the same ingest, no resolution", target: target,
                      note: "\(parkRanks.count) × \(rounds) pairs of rounds of \(documents.count) documents, alternating, each park's after "
                          + "a warm-up pair; the seeds' park read as \(parkIDs.joined(separator: ", ")); over all rounds "
                          + "\(BenchReport.number(resolved)) against \(BenchReport.number(unresolved)) documents/s, "
                          + "ratio \(String(format: "%.2f", resolved / unresolved))")
    }

    /// `rounds` pairs of rounds with and without resolution, the seeds' park read as `parkID`.
    private func measure(_ documents: [SourceDocument], parkID: String) async throws -> Pairs {
        // The seeds' parks under other ids for the rounds without resolution, so
        // their copies are not candidates of the rounds with it: each act then has
        // as many reports as rounds with resolution ran, as with that many outlets.
        let gazetteer = { (rename: (String) -> String) in
            ParkGazetteer(parks: ParkGazetteer.bundled.parks.map { park in
                Park(id: rename(park.id), name: park.name, aliases: park.aliases, city: park.city, province: park.province)
            })
        }
        let resolvingExtractor = Extractor(gazetteer: gazetteer { $0 == "suxitong" ? parkID : $0 })
        let plainExtractor = Extractor(gazetteer: gazetteer { "\($0)-\(parkID)-plain" })
        let readModel = ReadModel(client: db.client, logger: db.logger)
        let resolution = ReportResolution(queries: TimelineQueries(client: db.client, logger: db.logger), readModel: readModel)
        let resolving = Ingestor(store: db.store, extractor: resolvingExtractor, resolution: resolution, logger: db.logger)
        let plain = Ingestor(store: db.store, extractor: plainExtractor, logger: db.logger)
        /// One round: the seeds under new names, ingested with or without
        /// resolution; documents per second. Both kinds of round find the read
        /// model where the last left it (brought up to date untimed).
        func round(_ number: Int, resolving withResolution: Bool) async throws -> Double {
            let batch = documents.map { document in
                SourceDocument(name: "\(parkID)-r\(number)-\(document.name)", text: document.text + "\n（\(parkID)第\(number)稿）",
                               published: document.published, source: document.source)
            }
            var reports: [Ingestor.Report] = []
            let elapsed = try await ContinuousClock().measure {
                reports = try await (withResolution ? resolving : plain).ingest(batch)
            }
            if !withResolution { try await retract(reports) }
            try await readModel.catchUp()
            return Double(batch.count) / elapsed.seconds
        }

        // Each pair: a round with resolution, then one without; a warm-up pair first,
        // not counted, as in the other scenarios: the first ingest of a process
        // reads the park directory and works out every park's names, once.
        return try await Pairs.measure(rounds, parkline: { pair in
            try await round(2 * pair, resolving: true)
        }, baseline: { pair in
            try await round(2 * pair + 1, resolving: false)
        })
    }

    /// Retract what a round without resolution wrote (not timed). Its parks
    /// carry the seeds' names, so the directory reads them as spellings of
    /// the seeds' park: left on the timeline, every act would gain a copy a
    /// round, each a candidate of the next rounds with resolution, which
    /// then compared a report with ten copies of its act instead of one
    /// event with ten reports, as ten outlets give.
    private func retract(_ reports: [Ingestor.Report]) async throws {
        for stream in Set(reports.map(\.stream)) {
            let name = try StreamName(stream)
            let extracted = try await db.store.read(stream: name, limit: 10_000)
                .filter { $0.type == DomainEventType.timelineEventExtracted.rawValue }
            guard !extracted.isEmpty else { continue }
            let retractions = try extracted.map { event in
                let payload = try event.decode(TimelineEventPayload.self)
                return try NewEvent(type: DomainEventType.timelineEventRetracted.rawValue,
                                    body: TimelineEventRetracted(eventId: payload.eventId, parkId: payload.park.id, reason: "bench: copy without resolution"))
            }
            _ = try await db.store.append(to: name, expectedVersion: .any, events: retractions)
        }
    }
}
