import EventStore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Appends: batched, single-event with 1–32 writers, and contended.
struct AppendBenchmarks {
    let environment: BenchEnvironment
    let scale: Scale

    // MARK: append-batch

    /// 1,000 events a transaction over 100 document streams, against raw
    /// unnest and COPY inserts of identical rows into the same table.
    func batch() async throws -> [Figure] {
        var log = SyntheticLog()
        let rounds = try (0...scale.pairs).map { _ in
            try (0..<scale.batchTransactions).map { _ in try log.documents(events: 1000) }
        }
        let total = Double(rounds[0].reduce(0) { $0 + $1.reduce(0) { $0 + $1.events.count } })
        return try await environment.withDatabase("append_batch") { parklineDB in
            try await environment.withDatabase("append_batch_unnest") { unnestDB in
                try await environment.withDatabase("append_batch_copy") { copyDB in
                    // Each round appends its own documents: Parkline, then unnest, then COPY, in turn.
                    var copies: [Double] = []
                    let unnest = try await Pairs.measure(scale.pairs, parkline: { round in
                        try await rate(events: total) {
                            for appends in rounds[round] { _ = try await parklineDB.store.append(appends) }
                        }
                    }, baseline: { round in
                        let raw = rounds[round].map(RawRows.init)
                        let unnestRate = try await rate(events: total) {
                            for rows in raw {
                                try await unnestDB.client.query("""
                                    INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
                                    SELECT * FROM unnest(\(rows.ids), \(rows.streams), \(rows.versions), \(rows.types),
                                                         \(rows.data)::jsonb[], \(rows.metadata)::jsonb[])
                                    """, logger: unnestDB.logger)
                            }
                        }
                        let texts = raw.map { $0.copyText() }
                        let copyRate = try await rate(events: total) {
                            for text in texts {
                                try await copyDB.client.withConnection { connection in
                                    try await connection.copyFrom(
                                        table: "events", columns: ["event_id", "stream_id", "stream_version", "type", "data", "metadata"],
                                        logger: copyDB.logger
                                    ) { writer in
                                        try await writer.write(ByteBuffer(string: text))
                                    }
                                }
                            }
                        }
                        if round > 0 { copies.append(copyRate) }
                        return unnestRate
                    })
                    var copy = unnest
                    copy.baseline = copies
                    let variant = "\(scale.batchTransactions) txns × 1,000 events, 100 streams each"
                    return [
                        Figure(.appendBatch, variant, metric: "append", unit: "events/s", pairs: unnest,
                               baselineName: "INSERT … unnest", target: .ratioAtLeast(0.8)),
                        Figure(.appendBatch, variant, metric: "append", unit: "events/s", pairs: copy,
                               baselineName: "COPY", target: .ratioAtLeast(0.5)),
                    ]
                }
            }
        }
    }

    // MARK: append-single

    /// One event a transaction with an exact expected version, each writer on
    /// its own stream, against raw single-row autocommit inserts.
    func single() async throws -> [Figure] {
        var figures: [Figure] = []
        for writers in scale.writerCounts {
            let measured = try await environment.withDatabase("append_single_\(writers)") { parklineDB in
                try await environment.withDatabase("append_single_raw_\(writers)") { rawDB in
                    // Each round on streams of its own: Parkline, then the bare INSERT, in turn.
                    try await Pairs.measure(scale.pairs, parkline: { round in
                        try await timedWriters(writers) { writer, deadline in
                            var log = SyntheticLog(seed: UInt64(writer * 1000 + round))
                            let stream = try StreamName("writer-\(round)_\(writer)")
                            var version: Int64 = 0
                            while ContinuousClock.now < deadline {
                                _ = try await parklineDB.store.append(to: stream, expectedVersion: .exact(version), events: [log.nextEvent(offset: 0)])
                                version += 1
                            }
                            return Int(version)
                        }
                    }, baseline: { round in
                        try await timedWriters(writers) { writer, deadline in
                            var log = SyntheticLog(seed: UInt64(writer * 1000 + round))
                            let stream = "writer-\(round)_\(writer)"
                            var version: Int64 = 0
                            while ContinuousClock.now < deadline {
                                let event = log.nextEvent(offset: 0)
                                version += 1
                                try await rawDB.client.query("""
                                    INSERT INTO events (event_id, stream_id, stream_version, type, data)
                                    VALUES (\(event.id), \(stream), \(version), \(event.type), \(String(decoding: event.data, as: UTF8.self))::jsonb)
                                    """, logger: rawDB.logger)
                            }
                            return Int(version)
                        }
                    })
                }
            }
            figures.append(Figure(.appendSingle, "\(writers) writer\(writers == 1 ? "" : "s")", metric: "append", unit: "events/s",
                                  pairs: measured, baselineName: "single-row INSERT", target: .ratioAtLeast(0.8)))
        }
        return figures
    }

    // MARK: append-contended

    /// Eight writers on one stream: each reads the version, appends with it,
    /// and retries when another writer got there first.
    func contended() async throws -> [Figure] {
        let conflicts = Atomic<Int>(0)
        let writers = 8
        let commits = try await environment.withDatabase("append_contended") { db in
            let stream = try StreamName("park-contended")
            return try await timedWriters(writers) { writer, deadline in
                var log = SyntheticLog(seed: UInt64(writer))
                var committed = 0
                var version = try await db.store.version(of: stream)
                while ContinuousClock.now < deadline {
                    do {
                        let result = try await db.store.append(to: stream, expectedVersion: .exact(version), events: [log.nextEvent(offset: 0)])
                        version = result.streamVersion
                        committed += 1
                    } catch let EventStoreError.wrongExpectedVersion(_, _, actual) {
                        conflicts.add(1, ordering: .relaxed)
                        version = actual
                    }
                }
                return committed
            }
        }
        let conflictCount = Double(conflicts.load(ordering: .relaxed))
        let attempts = commits * scale.duration.seconds + conflictCount
        return [
            Figure(.appendContended, "8 writers, 1 stream", metric: "commits", unit: "commits/s", value: commits),
            Figure(.appendContended, "8 writers, 1 stream", metric: "conflicts", unit: "% of attempts",
                   value: attempts > 0 ? 100 * conflictCount / attempts : 0, better: .lower),
        ]
    }

    // MARK: Helpers

    private func rate(events: Double, _ body: () async throws -> Void) async throws -> Double {
        let elapsed = try await ContinuousClock().measure { try await body() }
        return events / elapsed.seconds
    }

    /// Run `writers` loops until the scale's duration is over; events per second in total.
    private func timedWriters(
        _ writers: Int, _ body: @escaping @Sendable (Int, ContinuousClock.Instant) async throws -> Int
    ) async throws -> Double {
        let start = ContinuousClock.now
        let deadline = start + scale.duration
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers { group.addTask { try await body(writer, deadline) } }
            return try await group.reduce(0, +)
        }
        return Double(total) / (ContinuousClock.now - start).seconds
    }
}
