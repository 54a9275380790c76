import ArgumentParser
import AsyncHTTPClient
import EventStore
import Foundation
import TimelineEvents
import Logging
import NIOCore
import NIOHTTP1
import Projections
import Synchronization
import TimelineServer

extension ParklineBench {
    /// A bounded soak: queries, writes and streams at once against one
    /// daemon, then a check that nothing was lost, repeated or refused.
    struct Soak: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "soak",
            abstract: "Load a daemon with queries (wrk), writers and stream subscribers at once; check every subscriber got every event in order.",
            discussion: """
                Passes (exit 0) when no request got a 5xx, every write was acknowledged, every \
                subscriber received every recorded event once and in log order (count and checksum), \
                and the daemon's memory levelled off. Loopback only.

                Examples:
                  swift run -c release parkline-bench soak
                  swift run -c release parkline-bench soak --duration 300 --subscribers 2000
                """
        )

        @Option(help: "Seconds of load.") var duration = 60
        @Option(help: "Server-Sent Events subscribers, all open for the whole run.") var subscribers = 1000
        @Option(help: "Concurrent writers, each recording events through the API one after another.") var writers = 4
        @Option(help: "Events already in the log when the soak starts.") var events = 100_000
        @Option(help: "Output: table or json.") var format: Run.OutputStyle = .table
        @Option(help: ArgumentHelp("Use an existing PostgreSQL server instead of a throwaway cluster.", valueName: "url"))
        var databaseURL: String?

        func validate() throws {
            guard duration >= 1, subscribers >= 1, writers >= 1, events >= 1000 else {
                throw ValidationError("--duration, --subscribers and --writers must be at least 1, --events at least 1000")
            }
        }

        func run() async throws {
            var logger = Logger(label: "parkline-bench")
            logger.logLevel = .error
            FileLimit.raiseToHard()
            guard let wrk = LiveBenchmarks.which("wrk") else { throw BenchError.missingTool("wrk is not installed: apt-get install -y wrk") }
            let environment = try await BenchEnvironment.start(databaseURL: databaseURL, logger: logger)
            defer { environment.shutDown() }
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
                connectionPool: .init(idleTimeout: .seconds(600), concurrentHTTP1ConnectionsPerHostSoftLimit: subscribers + writers + 16)))
            let result: SoakResult
            do {
                result = try await environment.withDatabase("soak") { db in
                    var log = SyntheticLog(parkCount: 100)
                    for _ in stride(from: 0, to: events, by: 10_000) { _ = try await db.store.append(log.documents(events: 10_000)) }
                    try await TimelineProjector(client: db.client, logger: db.logger).catchUp()
                    let token = "soak-" + UUID().uuidString
                    let daemon = try await BenchDaemon.start(databaseURL: environment.url(database: "parkline_bench_soak"),
                                                             http: http, token: token)
                    do {
                        let run = SoakRun(http: http, daemon: daemon, db: db, token: token, wrk: wrk,
                                          duration: .seconds(duration), subscribers: subscribers, writers: writers)
                        let result = try await run.run()
                        await daemon.stop()
                        return result
                    } catch {
                        await daemon.stop()
                        throw error
                    }
                }
            } catch {
                try? await http.shutdown()
                throw error
            }
            try await http.shutdown()
            switch format {
            case .table: print(result.table(duration: duration, subscribers: subscribers, writers: writers))
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            }
            if !result.passed { throw ExitCode(1) }
        }
    }
}

/// What a soak saw.
struct SoakResult: Codable {
    var queries = 0
    var queriesPerSecond = 0.0
    var queryFailures = 0
    var writesAcknowledged = 0
    var writeStatuses: [String: Int] = [:]
    var serverErrors = 0
    var subscribersComplete = 0
    var subscriberProblems: [String] = []
    var residentMegabytes: [Double] = []
    var deliveryWait = 0.0

    /// Growth of the resident set over the second half of the run.
    var residentDrift: Double {
        guard residentMegabytes.count >= 2 else { return 0 }
        let half = residentMegabytes[residentMegabytes.count / 2]
        return (residentMegabytes.last ?? half) - half
    }

    var passed: Bool {
        serverErrors == 0 && queryFailures == 0 && subscriberProblems.isEmpty && residentDrift < 50
    }

    func table(duration: Int, subscribers: Int, writers: Int) -> String {
        let rss = residentMegabytes
        return """
            soak: \(duration) s, wrk -t2 -c16 on timelines, \(writers) writers, \(subscribers) SSE subscribers
              queries          \(queries) (\(String(format: "%.0f", queriesPerSecond)) req/s), not 2xx: \(queryFailures)
              writes           \(writesAcknowledged) acknowledged, statuses \(writeStatuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))
              5xx              \(serverErrors)
              subscribers      \(subscribersComplete) of \(subscribers) got all \(writesAcknowledged) events in order (count and checksum), \
            the last \(String(format: "%.1f", deliveryWait)) s after the writers stopped
              daemon RSS       start \(String(format: "%.1f", rss.first ?? 0)) MB, max \(String(format: "%.1f", rss.max() ?? 0)) MB, \
            end \(String(format: "%.1f", rss.last ?? 0)) MB, drift over the second half \(String(format: "%+.1f", residentDrift)) MB
            \(subscriberProblems.prefix(5).map { "  problem: \($0)" }.joined(separator: "\n"))
            \(passed ? "PASS" : "FAIL")
            """
    }
}

/// One soak against a running daemon.
struct SoakRun {
    let http: HTTPClient
    let daemon: BenchDaemon
    let db: Database
    let token: String
    let wrk: String
    let duration: Duration
    let subscribers: Int
    let writers: Int

    /// What one subscriber received: recorded events, in arrival order.
    final class Tally: Sendable {
        struct State {
            var count = 0
            var checksum = SoakChecksum()
            var last = LogCursor.start
            var problem: String?
        }
        let state = Mutex(State())
    }

    final class Writes: Sendable {
        let statuses = Mutex<[Int: Int]>([:])
        let stop = Atomic<Bool>(false)
        let acknowledged = Atomic<Int>(0)
    }

    func run() async throws -> SoakResult {
        var result = SoakResult()
        let tallies = (0..<subscribers).map { _ in Tally() }
        let writes = Writes()
        let start = try await db.store.headCursor()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for tally in tallies { group.addTask { try await subscribe(tally) } }
            let deadline = ContinuousClock.now + .seconds(120)
            while try await daemon.subscribers(http) < subscribers {
                guard ContinuousClock.now < deadline else { throw BenchError.daemon("only some of \(subscribers) streams opened") }
                try await Task.sleep(for: .milliseconds(100))
            }
            result.residentMegabytes.append(try daemon.residentMegabytes())
            let writerTasks = (0..<writers).map { writer in Task { try await write(writer, writes) } }
            let sampler = Task {
                var samples: [Double] = []
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(5))
                    if let rss = try? daemon.residentMegabytes() { samples.append(rss) }
                }
                return samples
            }
            let load = try await queries()
            writes.stop.store(true, ordering: .relaxed)
            for task in writerTasks { try await task.value }
            sampler.cancel()
            result.residentMegabytes += await sampler.value
            (result.queries, result.queriesPerSecond, result.queryFailures) = load

            // Every subscriber must now hold exactly what the log holds.
            var expected = SoakChecksum()
            var expectedCount = 0
            var cursor = start
            while true {
                let batch = try await db.store.readAll(after: cursor, limit: 5000)
                guard let last = batch.last else { break }
                for event in batch where event.type == DomainEventType.timelineEventRecorded.rawValue {
                    expected.add(event.cursor.description)
                    expectedCount += 1
                }
                cursor = last.cursor
            }
            let stopped = ContinuousClock.now
            let complete = { tallies.allSatisfy { $0.state.withLock { $0.count >= expectedCount || $0.problem != nil } } }
            while !complete() && ContinuousClock.now < stopped + .seconds(60) {
                try await Task.sleep(for: .milliseconds(100))
            }
            result.deliveryWait = (ContinuousClock.now - stopped).seconds
            result.residentMegabytes.append(try daemon.residentMegabytes())
            group.cancelAll()
            result.writesAcknowledged = writes.acknowledged.load(ordering: .relaxed)
            let statuses = writes.statuses.withLock { $0 }
            result.writeStatuses = Dictionary(uniqueKeysWithValues: statuses.map { (String($0.key), $0.value) })
            result.serverErrors = statuses.filter { $0.key >= 500 }.values.reduce(0, +)
            if expectedCount != result.writesAcknowledged {
                result.subscriberProblems.append("the log holds \(expectedCount) recorded events, \(result.writesAcknowledged) writes were acknowledged")
            }
            for (index, tally) in tallies.enumerated() {
                let state = tally.state.withLock { $0 }
                if let problem = state.problem {
                    result.subscriberProblems.append("subscriber \(index): \(problem)")
                } else if state.count != expectedCount || state.checksum != expected {
                    result.subscriberProblems.append("subscriber \(index): \(state.count) of \(expectedCount) events, checksum \(state.checksum == expected ? "equal" : "differs")")
                } else {
                    result.subscribersComplete += 1
                }
            }
            return result
        }
    }

    /// wrk on random parks' timelines for the soak's duration.
    private func queries() async throws -> (Int, Double, Int) {
        let run = try await WrkRun.run(
            wrk, baseURL: daemon.baseURL, connections: 16, seconds: Int(duration.seconds), luaSetup: "math.randomseed(11)",
            luaRequest: #"return wrk.format("GET", string.format("/v1/parks/park%04d/timeline?limit=50", math.random(0, 99)))"#)
        return (run.requests, run.rate, run.failures)
    }

    /// One writer: record an event, wait for the answer, record the next,
    /// each under its own idempotency key (retried with it on 503).
    private func write(_ writer: Int, _ writes: Writes) async throws {
        var sequence = 0
        while !writes.stop.load(ordering: .relaxed) {
            var request = HTTPClientRequest(url: daemon.baseURL + "/v1/parks/park\(String(format: "%04d", writer % 100))/events")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Idempotency-Key", value: "soak-\(writer)-\(sequence)")
            request.body = .bytes(ByteBuffer(string: #"{"type":"meeting","date":"2026-11","title":"soak \#(writer)-\#(sequence)"}"#))
            let response = try await http.execute(request, timeout: .seconds(60))
            _ = try await response.body.collect(upTo: 1 << 20)
            let status = Int(response.status.code)
            writes.statuses.withLock { $0[status, default: 0] += 1 }
            if status == 201 || status == 200 {
                writes.acknowledged.add(1, ordering: .relaxed)
                sequence += 1
            } else if status != 503 {
                throw BenchError.mismatch("a write got \(status)")
            }
        }
    }

    /// One subscriber, from the head on, until cancelled.
    private func subscribe(_ tally: Tally) async throws {
        var request = HTTPClientRequest(url: daemon.baseURL + "/v1/stream?after=end&type=meeting")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await http.execute(request, timeout: .seconds(3600))
        guard response.status == .ok else {
            tally.state.withLock { $0.problem = "the stream answered \(response.status.code)" }
            return
        }
        var isRecorded = false
        var pendingID: String?
        do {
            _ = try await response.body.forEachLine { line in
                if line.hasPrefix("event: ") {
                    isRecorded = line == "event: " + DomainEventType.timelineEventRecorded.rawValue
                    if line == "event: overflow" { tally.state.withLock { $0.problem = "told it fell behind (overflow)" } }
                } else if line.hasPrefix("id: "), let cursor = LogCursor(String(line.dropFirst(4))) {
                    tally.state.withLock { state in
                        if cursor <= state.last && state.problem == nil {
                            state.problem = "\(cursor) arrived after \(state.last)"
                        }
                        state.last = cursor
                    }
                    pendingID = line
                } else if line.isEmpty {
                    pendingID = nil
                } else if line.hasPrefix("data: "), isRecorded, let id = pendingID {
                    tally.state.withLock { state in
                        state.count += 1
                        state.checksum.add(String(id.dropFirst(4)))
                    }
                }
                return true
            }
        } catch is CancellationError {
            return
        }
    }
}

/// An order-sensitive digest of event ids (FNV-1a, 64 bit): equal digests
/// mean the same ids in the same order.
struct SoakChecksum: Equatable, Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ id: String) {
        for byte in id.utf8 + [0x0A] {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }
}
