import EventStore
import Foundation
import Logging
import PostgresNIO
import Projections
import Timeline

/// The scenarios on one large log: growth, read-all, rebuild and query.
/// The log is built once, in stages, with Parkline's own append.
final class LogBenchmarks {
    let db: Database
    let scale: Scale
    private var log: SyntheticLog
    private(set) var size = 0
    private var projector: TimelineProjector

    /// The page a timeline query asks for: a screenful.
    static let pageSize = 50

    init(db: Database, scale: Scale) {
        self.db = db
        self.scale = scale
        log = SyntheticLog(parkCount: scale.parkCount)
        projector = TimelineProjector(client: db.client, logger: db.logger)
    }

    /// Append until the log holds `target` events (1,000 a transaction) and project them.
    func grow(to target: Int) async throws {
        while size < target {
            let count = min(1000, target - size)
            _ = try await db.store.append(log.documents(events: count))
            size += count
        }
        try await projector.catchUp()
        // The statistics autovacuum gathers within a minute of such a load: without
        // them the planner reads a fresh table as tiny and picks the wrong index.
        try await db.client.query("ANALYZE")
    }

    // MARK: growth

    /// Query p99 and append rate as the log grows: flat is the goal.
    func growth() async throws -> [Figure] {
        var figures: [Figure] = []
        var firstP99: Double?
        for stage in scale.growthStages {
            try await grow(to: stage)
            let latencies = try await parklineQueries(count: scale.queries, busiest: 20)
            let p99 = latencies.milliseconds(at: 0.99)
            let appendRate = try await appendRate(events: scale.growthAppendEvents)
            let label = "at \(BenchReport.number(Double(stage))) events"
            if let firstP99 {
                figures.append(Figure(.growth, label, metric: "query p99", unit: "ms", value: p99, better: .lower,
                                      baseline: ("p99 at first stage", firstP99), target: .ratioAtLeast(1 / 1.25),
                                      note: "ratio = first-stage p99 / this p99; pages of the 20 busiest parks"))
            } else {
                firstP99 = p99
                figures.append(Figure(.growth, label, metric: "query p99", unit: "ms", value: p99, better: .lower))
            }
            figures.append(Figure(.growth, label, metric: "append", unit: "events/s", value: appendRate))
        }
        return figures
    }

    private func appendRate(events: Int) async throws -> Double {
        let appends = try (0..<(events / 1000)).map { _ in try log.documents(events: 1000) }
        let elapsed = try await ContinuousClock().measure {
            for batch in appends { _ = try await db.store.append(batch) }
        }
        size += events / 1000 * 1000
        try await projector.catchUp()
        return Double(events / 1000 * 1000) / elapsed.seconds
    }

    // MARK: read-all

    /// `readAll` through the whole log, page by page in gapless order, against
    /// one raw SELECT streaming every row in position order.
    func readAll() async throws -> [Figure] {
        var total = 0
        var rawTotal = 0
        // Reading changes nothing: the pairs read the same log, in turn.
        let measured = try await Pairs.measure(scale.pairs, parkline: { _ in
            total = 0
            let elapsed = try await ContinuousClock().measure {
                var cursor = LogCursor.start
                while true {
                    let page = try await db.store.readAll(after: cursor, limit: scale.readPage)
                    total += page.count
                    guard let last = page.last, page.count == scale.readPage else { break }
                    cursor = last.cursor
                }
            }
            return Double(total) / elapsed.seconds
        }, baseline: { _ in
            rawTotal = 0
            let elapsed = try await ContinuousClock().measure {
                let rows = try await db.client.query("""
                    SELECT global_position, tx_id::text, event_id, stream_id, stream_version, type, data::text, metadata::text, recorded_at
                    FROM events ORDER BY global_position
                    """, logger: db.logger)
                for try await row in rows.decode((Int64, String, UUID, String, Int64, String, String, String, Date).self) {
                    _ = row
                    rawTotal += 1
                }
            }
            return Double(rawTotal) / elapsed.seconds
        })
        guard total == rawTotal else { throw BenchError.mismatch("read-all read \(total) events, the raw SELECT \(rawTotal)") }
        return [Figure(.readAll, "\(BenchReport.number(Double(total))) events, pages of \(scale.readPage)", metric: "read",
                       unit: "events/s", pairs: measured, baselineName: "SELECT … ORDER BY global_position", target: .ratioAtLeast(0.85))]
    }

    // MARK: rebuild

    /// `replay --rebuild` against one server-side INSERT … SELECT that
    /// derives the same current rows and park directory from `events`, in
    /// pairs (a rebuild leaves the read model as it found it).
    func rebuild() async throws -> [Figure] {
        var replayed = 0
        let measured = try await Pairs.measure(scale.pairs, parkline: { _ in
            let elapsed = try await ContinuousClock().measure { replayed = try await projector.rebuild() }
            return Double(replayed) / elapsed.seconds
        }, baseline: { _ in
            Double(replayed) / (try await ContinuousClock().measure { try await rawRebuild() }).seconds
        })
        return [Figure(.rebuild, "\(BenchReport.number(Double(replayed))) events", metric: "replay", unit: "events/s",
                       pairs: measured, baselineName: "INSERT … SELECT from events", target: .ratioAtLeast(0.8))]
    }

    /// The rebuild's baseline: the current rows and park directory in two
    /// statements, into tables dropped afterwards.
    private func rawRebuild() async throws {
        try await db.client.withTransaction(logger: db.logger) { connection in
            try await connection.query("CREATE TABLE bench_versions (LIKE timeline_event_versions INCLUDING ALL)", logger: db.logger)
            try await connection.query("CREATE TABLE bench_parks (LIKE park_directory INCLUDING ALL)", logger: db.logger)
            try await connection.query("""
                INSERT INTO bench_versions (event_id, version, park_id, type, date_text, precision, lower_date, upper_date,
                                            title, document, payload, valid_from, log_position)
                SELECT (data->>'eventId')::uuid, 1, data->'park'->>'id', data->>'type', data->>'date', data->>'precision',
                       (data->>'lower')::date, (data->>'upper')::date, data->>'title', data->'source'->>'document',
                       data, recorded_at, global_position
                FROM events WHERE type = 'TimelineEventExtracted'
                """, logger: db.logger)
            try await connection.query("""
                INSERT INTO bench_parks (park_id, name, aliases, city)
                SELECT DISTINCT ON (data->'park'->>'id') data->'park'->>'id', data->'park'->>'name', data->'park'->'aliases',
                       data->'park'->>'city'
                FROM events WHERE type = 'TimelineEventExtracted'
                ORDER BY data->'park'->>'id', global_position DESC
                """, logger: db.logger)
            try await connection.query("DROP TABLE bench_versions, bench_parks", logger: db.logger)
        }
    }

    // MARK: query

    /// A park's timeline in-process, p50 and p99, against the raw indexed
    /// SELECT of the same rows: in pairs, each round the same random parks
    /// both ways (reading changes nothing), and each figure the median of the
    /// rounds with the spread of their ratios.
    func query() async throws -> [Figure] {
        var p50 = Pairs()
        var ours = Latencies()
        let p99 = try await Pairs.measure(scale.pairs, parkline: { _ in
            ours = try await parklineQueries(count: scale.queries)
            return ours.milliseconds(at: 0.99)
        }, baseline: { round in
            let raw = try await rawQueries(count: scale.queries)
            if round > 0 {
                p50.parkline.append(ours.milliseconds(at: 0.5))
                p50.baseline.append(raw.milliseconds(at: 0.5))
            }
            return raw.milliseconds(at: 0.99)
        })
        let variant = "page of \(Self.pageSize), \(log.parkCount) parks, \(BenchReport.number(Double(size))) events"
        return [
            Figure(.query, variant, metric: "p50", unit: "ms", pairs: p50, better: .lower, baselineName: "raw indexed SELECT"),
            Figure(.query, variant, metric: "p99", unit: "ms", pairs: p99, better: .lower, baselineName: "raw indexed SELECT",
                   target: .atMost(1.5, "ms")),
        ]
    }

    /// The raw indexed SELECT of a random park's timeline page, `count` times.
    private func rawQueries(count: Int) async throws -> Latencies {
        var random = SeededRandom(seed: 7)
        var latencies = Latencies()
        for _ in 0..<count {
            let park = SyntheticLog.parkID(Int.random(in: 0..<log.parkCount, using: &random))
            let clock = ContinuousClock()
            let start = clock.now
            let rows = try await db.client.query("""
                SELECT payload::text FROM timeline_event_versions
                WHERE park_id = \(park) AND valid_to IS NULL AND NOT retracted
                ORDER BY lower_date, precision, first_reported, event_id LIMIT \(Self.pageSize)
                """, logger: db.logger)
            for try await text in rows.decode(String.self) { _ = text }
            latencies.add(clock.now - start)
        }
        return latencies
    }

    /// Timeline pages of random parks, or of the `busiest` parks only (their
    /// pages are full at every log size, so growth compares like with like),
    /// each event as the API shows it (`TimelineQueries.records`, what the
    /// daemon's listings send).
    private func parklineQueries(count: Int, busiest: Int? = nil) async throws -> Latencies {
        let queries = TimelineQueries(client: db.client, logger: db.logger)
        var random = SeededRandom(seed: 7)
        var latencies = Latencies()
        for _ in 0..<count {
            let park = SyntheticLog.parkID(Int.random(in: 0..<min(busiest ?? log.parkCount, log.parkCount), using: &random))
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await queries.records(.init(parkID: park, limit: Self.pageSize))
            latencies.add(clock.now - start)
        }
        return latencies
    }
}

enum BenchError: Error, CustomStringConvertible {
    case mismatch(String)
    case missingTool(String)
    case daemon(String)

    var description: String {
        switch self {
        case .mismatch(let text): "results disagree: \(text)"
        case .missingTool(let text): text
        case .daemon(let text): "parklined: \(text)"
        }
    }
}
