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
        var figures: [Figure] = []
        // Cached: every park's page is rendered once, then served until the
        // read model moves. Uncached: a distinct query string per request
        // defeats the cache, so each request queries and renders.
        for cached in [true, false] {
            let rate: Double
            do {
                rate = try await wrk(wrkPath, daemon: daemon, parkCount: parkCount, distinct: !cached)
            } catch {
                await daemon.stop()
                throw error
            }
            figures.append(Figure(
                .query, "HTTP \(cached ? "cached" : "uncached"), page of \(LogBenchmarks.pageSize), wrk -t2 -c32, \(BenchReport.number(Double(events))) events",
                metric: "requests", unit: "req/s", value: rate, target: cached ? .atLeast(5000, "req/s") : nil,
                note: "served by \(daemon.binary)"))
        }
        await daemon.stop()
        return figures
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
                let raw = subscribe ? try await listenNotifyRoundTrips(db) : Latencies()
                let counts = subscribe ? scale.subscriberCounts : [scale.subscriberCounts.last ?? 1]
                for count in counts {
                    let (latencies, rss) = try await deliver(to: count, daemon: daemon, db: db)
                    let variant = "\(count) subscriber\(count == 1 ? "" : "s")"
                    if subscribe {
                        figures.append(Figure(.subscribe, variant, metric: "p50", unit: "ms", value: latencies.milliseconds(at: 0.5),
                                              better: .lower, baseline: ("LISTEN/NOTIFY", raw.milliseconds(at: 0.5))))
                        figures.append(Figure(.subscribe, variant, metric: "p99", unit: "ms", value: latencies.milliseconds(at: 0.99),
                                              better: .lower, baseline: ("LISTEN/NOTIFY", raw.milliseconds(at: 0.99)),
                                              target: count >= 1000 ? .atMost(50, "ms") : nil))
                    }
                    if memory && count == scale.subscriberCounts.last {
                        figures.append(Figure(.memory, "with \(variant)", metric: "RSS", unit: "MB", value: rss, better: .lower,
                                              baseline: ("idle", idle), target: count >= 1000 ? .atMost(200, "MB") : nil,
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

    /// Connect `count` streams, append probes one at a time, and time each
    /// probe from the append call to its arrival at every subscriber.
    private func deliver(to count: Int, daemon: BenchDaemon, db: Database) async throws -> (Latencies, rss: Double) {
        let sent = SendTimes()
        let probes = scale.probes
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
        return try await withThrowingTaskGroup(of: Latencies?.self) { group in
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
            var rss = try daemon.residentMegabytes()
            for probe in 0..<probes {
                // Before the last probe every stream is still open (each waits for it).
                if probe == probes - 1 { rss = max(rss, try daemon.residentMegabytes()) }
                let event = try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: Self.probe(probe))
                sent.times.withLock { $0[probe] = ContinuousClock.now }
                _ = try await db.store.append(to: stream, expectedVersion: .any, events: [event])
                try await Task.sleep(for: scale.probeInterval)
            }
            var all = Latencies()
            var finished = 0
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            for try await result in group {
                guard let result else { throw BenchError.mismatch("not every subscriber received every probe within 60 s") }
                all.add(contentsOf: result)
                finished += 1
                if finished == count { break }
            }
            group.cancelAll()
            guard all.count == count * probes else {
                throw BenchError.mismatch("\(all.count) deliveries, expected \(count * probes)")
            }
            return (all, rss)
        }
    }

    /// One SSE client: reads until it has seen every probe, then returns when each arrived.
    private func subscriber(_ baseURL: String, after head: LogCursor, probes: Int, sent: SendTimes) async throws -> Latencies {
        var request = HTTPClientRequest(url: baseURL + "/v1/stream?after=\(head)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await http.execute(request, timeout: .seconds(3600))
        guard response.status == .ok else { throw BenchError.daemon("stream answered \(response.status)") }
        var latencies = Latencies()
        var seen = Set<Int>()
        let complete = try await response.body.forEachLine { line in
            if line.hasPrefix("data:"), let probe = Self.probeNumber(in: line), seen.insert(probe).inserted,
               let start = sent.times.withLock({ $0[probe] }) {
                latencies.add(ContinuousClock.now - start)
            }
            return seen.count < probes
        }
        if complete { return latencies }
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
