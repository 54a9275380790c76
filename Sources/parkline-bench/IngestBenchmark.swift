import EventStore
import Extraction
import Foundation
import Timeline

/// Ingest on a large log, with the resolver matching every new report
/// against the park's events, against the same ingest with every report
/// its own event (what ingest did before resolution), in the same run.
///
/// The seed documents are ingested round after round, each round under new
/// names and with a marker line, so each is a new document whose reports
/// are of acts the timeline already shows. The seeds' park is read as the
/// log's largest (`park0000`), so the resolver reads its candidates from the
/// busiest park, decides, and appends its merges.
struct IngestBenchmark {
    let db: Database
    let seeds: String
    let rounds: Int
    let logSize: Int

    func run() async throws -> [Figure] {
        let documents = try DocumentSet.load(paths: [seeds]).documents
        let busiest = SyntheticLog.parkID(0)
        let extractor = Extractor(gazetteer: ParkGazetteer(parks: ParkGazetteer.bundled.parks.map { park in
            park.id == "suxitong" ? Park(id: busiest, name: park.name, aliases: park.aliases, city: park.city, province: park.province) : park
        }))
        let readModel = ReadModel(client: db.client, logger: db.logger)
        let resolution = ReportResolution(queries: TimelineQueries(client: db.client, logger: db.logger), readModel: readModel)
        let resolving = Ingestor(store: db.store, extractor: extractor, resolution: resolution, logger: db.logger)
        let plain = Ingestor(store: db.store, extractor: extractor, logger: db.logger)
        var timings: [Bool: Duration] = [true: .zero, false: .zero]
        var ingested: [Bool: Int] = [true: 0, false: 0]
        for round in 0..<rounds * 2 {
            let withResolution = round % 2 == 0
            let batch = documents.map { document in
                SourceDocument(name: "r\(round)-\(document.name)", text: document.text + "\n（第\(round)稿）", published: document.published,
                               source: document.source)
            }
            let elapsed = try await ContinuousClock().measure {
                _ = try await (withResolution ? resolving : plain).ingest(batch)
            }
            timings[withResolution]! += elapsed
            ingested[withResolution]! += batch.count
            // Both kinds of round find the read model where the last left it.
            try await readModel.catchUp()
        }
        let rate = { (resolved: Bool) in Double(ingested[resolved]!) / timings[resolved]!.seconds }
        return [Figure(.ingest, "seed documents onto \(BenchReport.number(Double(logSize))) events", metric: "ingest",
                       unit: "documents/s", value: rate(true),
                       baseline: ("the same ingest, no resolution", rate(false)), target: .ratioAtLeast(0.9),
                       note: "\(rounds) rounds of \(documents.count) documents each way, alternating; each report matched against the busiest park")]
    }
}
