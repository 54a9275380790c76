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
/// of the log's parks: a park of ordinary size (the 100th of 1,000 by
/// events, 0.13 % of the log), which the target is for, and then the
/// busiest (13 % of the log, some 1,000 events a month at 1M), reported
/// as the worst case: there every report has the most candidates to read.
struct IngestBenchmark {
    let db: Database
    let seeds: String
    let rounds: Int
    let logSize: Int

    func run() async throws -> [Figure] {
        let documents = try DocumentSet.load(paths: [seeds]).documents
        return [
            try await measure(documents, parkRank: 100, target: .ratioAtLeast(0.9)),
            try await measure(documents, parkRank: 1, target: nil),
        ]
    }

    /// Ingest throughput with and without resolution, the seeds' park read
    /// as the log's park of rank `parkRank` (1 = most events).
    private func measure(_ documents: [SourceDocument], parkRank: Int, target: Target?) async throws -> Figure {
        let parkID = SyntheticLog.parkID(parkRank - 1)
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
        var timings: [Bool: Duration] = [true: .zero, false: .zero]
        var ingested: [Bool: Int] = [true: 0, false: 0]
        // A warm-up pair first, not timed, as in the other scenarios: the first
        // ingest of a process reads the park directory and works out every
        // park's names, once.
        for round in 0..<(rounds + 1) * 2 {
            let withResolution = round % 2 == 0
            let timed = round >= 2
            let batch = documents.map { document in
                SourceDocument(name: "\(parkID)-r\(round)-\(document.name)", text: document.text + "\n（\(parkID)第\(round)稿）", published: document.published,
                               source: document.source)
            }
            var reports: [Ingestor.Report] = []
            let elapsed = try await ContinuousClock().measure {
                reports = try await (withResolution ? resolving : plain).ingest(batch)
            }
            if timed {
                timings[withResolution]! += elapsed
                ingested[withResolution]! += batch.count
            }
            if !withResolution { try await retract(reports) }
            // Both kinds of round find the read model where the last left it.
            try await readModel.catchUp()
        }
        let rate = { (resolved: Bool) in Double(ingested[resolved]!) / timings[resolved]!.seconds }
        let park = parkRank == 1 ? "the busiest park" : "the park of rank \(parkRank)"
        return Figure(.ingest, "seed documents onto \(BenchReport.number(Double(logSize))) events, \(park)", metric: "ingest",
                      unit: "documents/s", value: rate(true),
                      baseline: ("the same ingest, no resolution", rate(false)), target: target,
                      note: "\(rounds) rounds of \(documents.count) documents each way, alternating, after a warm-up pair; the seeds' park read as \(parkID)")
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
