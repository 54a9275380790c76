import AsyncHTTPClient
import EventStore
import Foundation
import TimelineEvents
import NIOCore
import PostgresNIO
import Projections
import Synchronization

/// The daemon under load: timeline requests per second (wrk), append-to-
/// delivery latency with many SSE subscribers, and resident memory.
struct LiveBenchmarks {
    let environment: BenchEnvironment
    let scale: Scale
    let http: HTTPClient

    // MARK: query over HTTP

    /// wrk on a park's timeline, a random park per request, against a daemon
    /// serving the large log (`database`).
    func httpQueries(database: String, parkCount: Int, events: Int) async throws -> [Figure] {
        guard let wrkPath = Self.which("wrk") else {
            throw BenchError.missingTool("wrk is not installed: apt-get install -y wrk")
        }
        let daemon = try await BenchDaemon.start(databaseURL: environment.url(database: database), http: http)
        // Cached: every park's page is rendered once, then served until the
        // read model moves. Uncached: a distinct query string per request
        // defeats the cache, so each request queries and renders. The two run
        // in turn, a warm-up round and then `--repeat` rounds each; each
        // figure is the median round, with the range in its note.
        var rates: [Bool: [Double]] = [:]
        do {
            for round in 0...scale.pairs {
                for cached in [true, false] {
                    if cached { try await warmPageCache(daemon, parkCount: parkCount) }
                    let rate = try await wrk(wrkPath, daemon: daemon, parkCount: parkCount, distinct: !cached)
                    if round > 0 { rates[cached, default: []].append(rate) }
                }
            }
        } catch {
            await daemon.stop()
            throw error
        }
        await daemon.stop()
        return [true, false].map { cached in
            let measured = rates[cached] ?? []
            return Figure(
                .query, "HTTP \(cached ? "cached" : "uncached"), page of \(LogBenchmarks.pageSize), wrk -t2 -c32, \(BenchReport.number(Double(events))) events",
                metric: "requests", unit: "req/s", value: Pairs.median(measured), target: .atLeast(cached ? 5000 : 2000, "req/s"),
                note: "median of \(measured.count) rounds (\(BenchReport.number(measured.min() ?? 0))–\(BenchReport.number(measured.max() ?? 0))); served by \(daemon.binary)")
        }
    }

    /// Ask for every park's page once, so that the cached round measures a
    /// warm cache (the uncached round's distinct pages push it past its size
    /// and it starts over).
    private func warmPageCache(_ daemon: BenchDaemon, parkCount: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for park in stride(from: worker, to: parkCount, by: 8) {
                        let url = daemon.baseURL + "/v1/parks/\(SyntheticLog.parkID(park))/timeline?limit=\(LogBenchmarks.pageSize)"
                        let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
                        guard response.status == .ok else { throw BenchError.daemon("\(url) answered \(response.status)") }
                        _ = try await response.body.collect(upTo: 1 << 24)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Requests per second over `httpDuration`, a random park's timeline each.
    private func wrk(_ wrk: String, daemon: BenchDaemon, parkCount: Int, distinct: Bool) async throws -> Double {
        let run = try await WrkRun.run(
            wrk, baseURL: daemon.baseURL, connections: 32, seconds: max(1, Int(scale.httpDuration.seconds)),
            luaSetup: "math.randomseed(7)\ncounter = 0",
            luaRequest: """
              counter = counter + 1
              local path = string.format("/v1/parks/park%04d/timeline?limit=\(LogBenchmarks.pageSize)", math.random(0, \(parkCount - 1)))
              if \(distinct ? "true" : "false") then path = path .. "&n=" .. counter end
              return wrk.format("GET", path)
            """)
        guard run.failures == 0 else { throw BenchError.mismatch("wrk saw \(run.failures) failed requests") }
        return run.rate
    }

    // MARK: subscribe and memory

    /// Append → delivered latency with 1, 100 and 1,000 subscribers (and the
    /// daemon's memory), against a raw LISTEN/NOTIFY round trip.
    func subscribeAndMemory(subscribe: Bool, memory: Bool) async throws -> [Figure] {
        try await environment.withDatabase("live") { db in
            var log = SyntheticLog(parkCount: 20)
            for _ in 0..<5 { _ = try await db.store.append(log.documents(events: 1000)) }
            try await TimelineProjector(client: db.client, logger: db.logger).catchUp()
            let daemon = try await BenchDaemon.start(databaseURL: environment.url(database: "parkline_bench_live"), http: http)
            var figures: [Figure] = []
            do {
                // Idle: started, caught up, one request served.
                _ = try await http.execute(HTTPClientRequest(url: daemon.baseURL + "/v1/parks"), timeout: .seconds(10))
                let idle = try daemon.residentMegabytes()
                if memory {
                    figures.append(Figure(.memory, "idle", metric: "RSS", unit: "MB", value: idle, better: .lower,
                                          note: "served by \(daemon.binary)"))
                }
                let counts = subscribe ? scale.subscriberCounts : [scale.subscriberCounts.last ?? 1]
                for count in counts {
                    let round = try await deliver(to: count, daemon: daemon, db: db, pairedWithNotify: subscribe)
                    let variant = "\(count) subscriber\(count == 1 ? "" : "s")"
                    if subscribe {
                        figures.append(Figure(.subscribe, variant, metric: "p50", unit: "ms", pairs: round.p50, better: .lower,
                                              baselineName: "LISTEN/NOTIFY"))
                        figures.append(Figure(.subscribe, variant, metric: "p99", unit: "ms", pairs: round.p99, better: .lower,
                                              baselineName: "LISTEN/NOTIFY", target: count >= 1000 ? .atMost(25, "ms") : nil))
                    }
                    if memory && count == scale.subscriberCounts.last {
                        figures.append(Figure(.memory, "with \(variant)", metric: "RSS", unit: "MB", value: round.rss, better: .lower,
                                              baseline: ("idle", idle), target: count >= 1000 ? .atMost(150, "MB") : nil,
                                              note: "ratio = idle / with subscribers"))
                    }
                }
            } catch {
                await daemon.stop()
                throw error
            }
            await daemon.stop()
            return figures
        }
    }

    /// What one subscriber count measured: p50 and p99 of each round of
    /// probes, each beside a LISTEN/NOTIFY round run right after it with the
    /// same streams open, and the daemon's memory.
    struct Delivery {
        var p50 = Pairs()
        var p99 = Pairs()
        var rss = 0.0
    }

    /// Connect `count` streams, then append probes one at a time in rounds
    /// (a warm-up round, then `--repeat` rounds), timing each probe from the
    /// append call to its arrival at every subscriber; after each round,
    /// when `pairedWithNotify`, a round of raw LISTEN/NOTIFY round trips.
    private func deliver(to count: Int, daemon: BenchDaemon, db: Database, pairedWithNotify: Bool) async throws -> Delivery {
        let sent = SendTimes()
        let perRound = scale.probes
        let rounds = pairedWithNotify ? scale.pairs + 1 : 1
        let probes = perRound * rounds
        // Every stream starts from the log's head as it is now, not from
        // "end" at whatever moment it connects: a stream that opens late
        // still gets every probe. (Once, streams of an earlier round still
        // counted by the daemon's gauge let the probes start before the last
        // streams of this round had opened; with `after=end` those missed them.)
        let head = try await db.store.headCursor()
        // The previous round's streams are gone first (the daemon counts a client out as it leaves).
        let quiet = ContinuousClock.now + .seconds(60)
        while try await daemon.subscribers(http) > 0 {
            guard ContinuousClock.now < quiet else { throw BenchError.daemon("the previous round's streams are still counted after 60 s") }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await withThrowingTaskGroup(of: [Int: Double]?.self) { group in
            for _ in 0..<count {
                group.addTask { try await self.subscriber(daemon.baseURL, after: head, probes: probes, sent: sent) }
            }
            // Every stream open before the first probe.
            let deadline = ContinuousClock.now + .seconds(120)
            while try await daemon.subscribers(http) < count {
                guard ContinuousClock.now < deadline else { throw BenchError.daemon("only some of \(count) streams opened") }
                try await Task.sleep(for: .milliseconds(100))
            }
            let stream = try StreamName("park-park0001")
            var delivery = Delivery()
            delivery.rss = try daemon.residentMegabytes()
            var notify: [Latencies] = []
            for probe in 0..<probes {
                // Before the last probe every stream is still open (each waits for it).
                if probe == probes - 1 { delivery.rss = max(delivery.rss, try daemon.residentMegabytes()) }
                let event = try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: Self.probe(probe))
                sent.times.withLock { $0[probe] = ContinuousClock.now }
                _ = try await db.store.append(to: stream, expectedVersion: .any, events: [event])
                try await Task.sleep(for: scale.probeInterval)
                if pairedWithNotify && probe % perRound == perRound - 1 {
                    notify.append(try await listenNotifyRoundTrips(db))
                }
            }
            var arrivals: [[Int: Double]] = []
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            for try await result in group {
                guard let result else { throw BenchError.mismatch("not every subscriber received every probe within 60 s") }
                arrivals.append(result)
                if arrivals.count == count { break }
            }
            group.cancelAll()
            let deliveries = arrivals.reduce(0) { $0 + $1.count }
            guard deliveries == count * probes else {
                throw BenchError.mismatch("\(deliveries) deliveries, expected \(count * probes)")
            }
            for round in 0..<rounds where pairedWithNotify && round > 0 {
                var latencies = Latencies()
                for subscriber in arrivals {
                    for probe in round * perRound..<(round + 1) * perRound { if let seconds = subscriber[probe] { latencies.add(seconds: seconds) } }
                }
                delivery.p50.parkline.append(latencies.milliseconds(at: 0.5))
                delivery.p50.baseline.append(notify[round].milliseconds(at: 0.5))
                delivery.p99.parkline.append(latencies.milliseconds(at: 0.99))
                delivery.p99.baseline.append(notify[round].milliseconds(at: 0.99))
            }
            return delivery
        }
    }

    /// One SSE client: reads until it has seen every probe, then returns how
    /// long each took to arrive (seconds, by probe number).
    private func subscriber(_ baseURL: String, after head: LogCursor, probes: Int, sent: SendTimes) async throws -> [Int: Double] {
        var request = HTTPClientRequest(url: baseURL + "/v1/stream?after=\(head)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await http.execute(request, timeout: .seconds(3600))
        guard response.status == .ok else { throw BenchError.daemon("stream answered \(response.status)") }
        var arrived: [Int: Double] = [:]
        let complete = try await response.body.forEachLine { line in
            if line.hasPrefix("data:"), let probe = Self.probeNumber(in: line), arrived[probe] == nil,
               let start = sent.times.withLock({ $0[probe] }) {
                arrived[probe] = (ContinuousClock.now - start).seconds
            }
            return arrived.count < probes
        }
        if complete { return arrived }
        throw BenchError.daemon("a stream ended early")
    }

    static let probeMarker = "bench-probe-"

    static func probeNumber(in line: String) -> Int? {
        guard let range = line.range(of: probeMarker) else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    static func probe(_ number: Int) -> TimelineEventPayload {
        TimelineEventPayload(
            eventId: UUID(), type: "meeting", date: "2026-11", precision: "month", lower: "2026-11-01", upper: "2026-11-30",
            expression: nil, park: ParkPayload(id: "park0001", name: "园区1", aliases: [], city: nil),
            title: "\(probeMarker)\(number)", evidence: nil, subjects: [], amounts: [], source: .init(recordedBy: "parkline-bench"))
    }

    /// NOTIFY on one connection, received by LISTEN on another.
    private func listenNotifyRoundTrips(_ db: Database) async throws -> Latencies {
        let samples = scale.probes * 5
        let connection = try await PostgresConnection.connect(
            configuration: db.settings.connectionConfiguration(), id: 1, logger: db.logger)
        do {
            let latencies = try await roundTrips(samples, listening: connection, db)
            try await connection.close()
            return latencies
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func roundTrips(_ samples: Int, listening connection: PostgresConnection, _ db: Database) async throws -> Latencies {
        let sent = SendTimes()
        return try await connection.listen(on: "parkline_bench_probe") { notifications in
            try await withThrowingTaskGroup(of: Latencies.self) { group in
                group.addTask {
                    var latencies = Latencies()
                    for try await note in notifications {
                        let arrived = ContinuousClock.now
                        if let number = Int(note.payload), let start = sent.times.withLock({ $0[number] }) {
                            latencies.add(arrived - start)
                        }
                        if latencies.count == samples { break }
                    }
                    return latencies
                }
                for number in 0..<samples {
                    sent.times.withLock { $0[number] = ContinuousClock.now }
                    try await db.client.query("SELECT pg_notify('parkline_bench_probe', \(String(number)))", logger: db.logger)
                    try await Task.sleep(for: .milliseconds(5))
                }
                let result = try await group.next() ?? Latencies()
                group.cancelAll()
                return result
            }
        }
    }

    // MARK: Tools

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Run a tool to completion; its standard output.
    static func run(_ path: String, _ arguments: [String]) async throws -> String {
        let child = try ChildProcess.spawn([path] + arguments)
        defer { child.discardOutput() }
        _ = await child.wait()
        return child.output
    }
}

/// When each probe was appended, shared by the appender and the subscribers.
final class SendTimes: Sendable {
    let times = Mutex<[Int: ContinuousClock.Instant]>([:])
}
