import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParklineTestSupport
import Synchronization
import ServiceLifecycle
import Testing
import TimelineServer

/// What a hostile but fair client found (#19): connections that never finish
/// a header, more connections than the process can hold, oversized headers,
/// `Expect: 100-continue`, a stream client that leaves. Real sockets
/// against the real server.
@Suite struct ConnectionGuardTests {
    @Test func aHeaderThatNeverCompletesIsAnswered408AndClosed() async throws {
        // A daemon without the testing framework's client: that client's own
        // idle connection would meet the 1 s header clock too.
        try await withTestDatabase { db in
            let port = try freeLoopbackPort()
            var configuration = serverConfiguration(port: port)
            configuration.connections.headerTimeout = .seconds(1)
            let app = try await buildApplication(configuration: configuration, settings: db.settings, logger: db.logger)
            let group = ServiceGroup(configuration: .init(services: [app], logger: db.logger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await eventually { (try? await httpGet(port: port, path: "/healthz"))?.contains("ok") == true })

                let connection = try RawConnection(port: port)
                defer { connection.close() }
                connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                // Waiting is the behaviour under test; the bound is generous.
                let answer = await connection.readInBackground(timeout: 30)
                #expect(answer.text.hasPrefix("HTTP/1.1 408"), "\(answer.text.prefix(200))")
                #expect(answer.text.contains(#""code":"header_timeout""#))
                #expect(answer.closed)
                // A connection that opens and sends nothing is closed the same way.
                let silent = try RawConnection(port: port)
                defer { silent.close() }
                #expect(await silent.readInBackground(timeout: 30).closed)

                await group.triggerGracefulShutdown()
                try await tasks.next()
            }
        }
    }

    @Test func connectionsOverTheCapAreRefusedClearlyAndHealthAnswersOnceTheyGo() async throws {
        try await withServer(.live, configuration: serverConfiguration { $0.connections.maximumConnections = 6; $0.connections.headerTimeout = .seconds(120) }) { client, _ in
            let port = try #require(client.port)
            // Hold connections open (each with half a request) until one is refused: the cap is 6,
            // less what the test's own HTTP client keeps open.
            var idle: [RawConnection] = []
            var refusal = ""
            for _ in 0..<30 where refusal.isEmpty {
                let connection = try RawConnection(port: port)
                connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n")
                let answer = await connection.readInBackground(until: "}}", timeout: 2)
                if answer.text.isEmpty {
                    idle.append(connection)
                } else {
                    refusal = answer.text
                    connection.close()
                }
            }
            #expect(refusal.hasPrefix("HTTP/1.1 503") && refusal.contains(#""code":"too_many_connections""#)
                    && refusal.contains("Retry-After: 1"), "\(refusal.prefix(300))")
            #expect(idle.count <= 6)
            for connection in idle { connection.close() }
            let healthy = try await eventually(timeout: .seconds(30)) {
                let probe = try RawConnection(port: port)
                defer { probe.close() }
                probe.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                return await probe.readInBackground(timeout: 10).text.hasPrefix("HTTP/1.1 200")
            }
            #expect(healthy, "/healthz did not answer once the idle connections closed")
            let metrics = try await client.get("/metrics").text
            #expect((metricValue(metrics, "parkline_http_refused_connections_total") ?? 0) >= 1)
        }
    }

    @Test func startingTheDaemonRaisesTheOpenFileLimitToTheHardLimit() async throws {
        let hard = FileLimit.current.hard
        try #require(hard > 64 && hard < Int.max, "no finite hard limit to raise to")
        #expect(FileLimit.setSoft(hard - 1))
        #expect(FileLimit.current.soft == hard - 1)
        try await withServer { _, _ in
            #expect(FileLimit.current.soft == hard)
        }
        #expect(FileLimit.connectionCap(forFiles: 1024) < 1024)
        #expect(FileLimit.connectionCap(forFiles: 1024) > 500)
    }

    @Test func oversizedHeadersAre431AndMalformedRequests400WithAJSONBody() async throws {
        try await withServer(.live) { client, _ in
            let port = try #require(client.port)
            let big = try RawConnection(port: port)
            defer { big.close() }
            big.send("GET /v1/parks HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n")
            let answer = await big.readInBackground(timeout: 30)
            #expect(answer.text.hasPrefix("HTTP/1.1 431"), "\(answer.text.prefix(200))")
            #expect(answer.text.contains(#""code":"headers_too_large""#))
            let garbage = try RawConnection(port: port)
            defer { garbage.close() }
            garbage.send("GET /v1/parks HTTP/1.1\r\nHost x\r\n\r\n")
            let malformed = await garbage.readInBackground(timeout: 30)
            #expect(malformed.text.hasPrefix("HTTP/1.1 400"), "\(malformed.text.prefix(200))")
            #expect(malformed.text.contains(#""code":"malformed_request""#))
        }
    }

    @Test func expect100ContinueIsAnsweredBeforeTheBodyAndTooLargeBodiesAreRefusedFirst() async throws {
        try await withServer(.live) { client, _ in
            let port = try #require(client.port)
            let body = #"{"type":"meeting","date":"2024-05-02","title":"园区召开百日攻坚推进会"}"#
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            connection.send("POST /v1/parks/suxitong/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer \(testToken)\r\nContent-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n")
            let interim = await connection.readInBackground(until: "\r\n\r\n", timeout: 30)
            #expect(interim.text.hasPrefix("HTTP/1.1 100 Continue"), "\(interim.text.prefix(200))")
            connection.send(body)
            let final = await connection.readInBackground(until: "\r\n\r\n", timeout: 30)
            #expect(final.text.contains("HTTP/1.1 201"), "\(final.text.prefix(300))")

            let large = try RawConnection(port: port)
            defer { large.close() }
            large.send("POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n")
            let refused = await large.readInBackground(timeout: 30)
            #expect(refused.text.hasPrefix("HTTP/1.1 413"), "\(refused.text.prefix(200))")
        }
    }

    @Test func aStreamClientThatLeavesIsCountedOutAtOnceNotAtTheNextHeartbeat() async throws {
        // A heartbeat far beyond the test's bound: only noticing the client leave ends its stream in time.
        try await withServer(.live, configuration: serverConfiguration { $0.heartbeatInterval = .seconds(3600) }) { client, _ in
            let port = try #require(client.port)
            let stream = try StreamingGet(port: port, path: "/v1/stream")
            #expect(try await eventually { stream.received.contains { $0.hasPrefix(": stream from") } })
            #expect(try await eventually { metricValue(try await client.get("/metrics").text, "parkline_stream_subscribers_count") == 1 })
            stream.cancel()
            let countedOut = try await eventually(timeout: .seconds(30)) {
                metricValue(try await client.get("/metrics").text, "parkline_stream_subscribers_count") == 0
            }
            #expect(countedOut, "the subscriber gauge still counts a client that left")
            let metrics = try await client.get("/metrics").text
            #expect(metricValue(metrics, #"parkline_stream_ends_total{reason="disconnected"}"#) == 1)
        }
    }

    /// The database gauges are sampled on their own, not only when someone
    /// calls `/readyz` (the horizon's figures are tested in GaplessReadTests,
    /// which holds the server-wide horizon for a moment only).
    @Test func theDatabaseGaugesAreSampledWithoutAReadinessCheck() async throws {
        try await withServer(.live, configuration: serverConfiguration { $0.gaugeInterval = .milliseconds(200) }) { client, _ in
            let metrics = try await client.get("/metrics").text
            let before = metricValue(metrics, "parkline_database_connections_open")
            #expect(metricValue(metrics, "parkline_horizon_held_events_count") != nil)
            #expect(metricValue(metrics, "parkline_horizon_hold_age_seconds") != nil)
            #expect(metricValue(metrics, "parkline_database_connections_busy_count") != nil)
            // Open streams need no database connection; only the sampler can have moved the gauge.
            let sampled = try await eventually(timeout: .seconds(30)) {
                (metricValue(try await client.get("/metrics").text, "parkline_database_connections_open") ?? 0) >= 1
            }
            #expect(sampled, "the connections gauge was never sampled (it was \(before ?? -1))")
        }
    }

    @Test func startingLogsNoWarningThatThePoolWasUsedBeforeItRan() async throws {
        let lines = CapturedLog()
        var logger = Logger(label: "parklined-test") { _ in lines }
        logger.logLevel = .debug
        let status = try await withServer(logger: logger) { client, _ in try await client.get("/healthz").status }
        #expect(status == .ok)
        let warnings = lines.messages.filter { $0.contains("run()") }
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(lines.messages.contains { $0.contains("connections bounded") })
    }
}

/// A metric's value in Prometheus text: the line that starts with `name` and a space.
func metricValue(_ text: String, _ name: String) -> Double? {
    for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
        return Double(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))
    }
    return nil
}

/// Every message logged, kept for a test to read.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let store = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    var metadataProvider: Logger.MetadataProvider?

    var messages: [String] { store.withLock { $0 } }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).merging(metadata) { given, _ in given }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        store.withLock { $0.append("\(event.message) [\(event.level) \(event.source)] \(fields)") }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
