import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Synchronization
import Testing

extension FaultSuites {
    /// PostgreSQL stopped and started again under a serving, writing and
    /// streaming `parklined`: clients get 503 with a retry hint while it is
    /// down, the daemon reconnects by itself, streams resume from their last
    /// id, and every acknowledged append is in the log exactly once.
    @Suite struct PostgresRestartTests {
        @Test func aRestartOfPostgreSQLLosesNothingAndTheDaemonRecoversByItself() async throws {
            try await Fault.withCluster { cluster in
                try await Fault.withHTTP { http in
                    let url = try Fault.url(cluster.connectionSettings())
                    let daemon = try await Fault.startDaemon(url, http: http, extra: ["--request-timeout", "10"])
                    defer { daemon.kill(); daemon.removeLog() }
                    let streams = try (0..<3).map { _ in try ResumingSubscriber(port: daemon.port) }
                    #expect(try await eventually { try await daemon.subscribers(http) == 3 })

                    let appenders = Appenders()
                    let writers = (0..<3).map { writer in
                        Task { await appenders.run(writer: writer, daemon: daemon, http: http, prefix: "重启测试", keyPrefix: "restart") }
                    }
                    #expect(try await eventually { appenders.acknowledgedCount >= 30 })

                    // The outage.
                    try cluster.stop()
                    let timeline = try await http.call(daemon.baseURL + "/v1/parks/\(Fault.park)/timeline?limit=500&n=1")
                    #expect(timeline.status == 503 && timeline.retryAfter != nil, "a read during the outage: \(timeline.status)")
                    #expect(timeline.json?["error"] != nil && !timeline.body.contains("PSQL") && !timeline.body.contains("/tmp"))
                    let ready = try await http.call(daemon.baseURL + "/readyz")
                    #expect(ready.status == 503, "/readyz during the outage: \(ready.status)")
                    #expect(try await eventually { appenders.count(503) >= 3 }, "the writers never saw the outage")
                    // A stream client that reconnects during the outage resumes from memory.
                    try streams[0].reconnect()
                    #expect(try await eventually { streams[0].connection.received.contains { $0.hasPrefix(": stream from") } })

                    _ = try await cluster.start()
                    let acknowledgedAtRestart = appenders.acknowledgedCount
                    #expect(try await eventually(timeout: .seconds(60)) { appenders.acknowledgedCount >= acknowledgedAtRestart + 30 },
                            "writes did not resume after the restart")
                    appenders.state.withLock { $0.stop = true }
                    for writer in writers { await writer.value }
                    // One more stream client resumes after the restart.
                    try streams[1].reconnect()

                    let state = appenders.state.withLock { $0 }
                    #expect(state.transportErrors.isEmpty, "\(state.transportErrors)")
                    #expect(state.unavailableWithoutHint == 0)
                    #expect(Set(state.statuses.keys).isSubset(of: [200, 201, 503]), "\(state.statuses)")
                    let acknowledged = state.acknowledged.sorted()

                    // The log: every acknowledged append exactly once, nothing else.
                    let settings = cluster.connectionSettings()
                    let logged = try await Database.withParkline(settings, maximumConnections: 1, logger: TestCluster.logger) { db in
                        var titles: [String] = []
                        let rows = try await db.client.query("""
                            SELECT data->>'title' FROM events WHERE type = 'TimelineEventRecorded' ORDER BY global_position
                            """)
                        for try await title in rows.decode(String.self) { titles.append(title) }
                        return titles
                    }
                    #expect(logged.sorted() == acknowledged, "\(logged.count) logged, \(acknowledged.count) acknowledged")

                    // Every stream client, across its reconnections, got each of them once, in log order.
                    for (index, stream) in streams.enumerated() {
                        let complete = try await eventually(timeout: .seconds(30)) {
                            stream.messages.filter { $0.type == "TimelineEventRecorded" }.count >= acknowledged.count
                        }
                        let recorded = stream.messages.filter { $0.type == "TimelineEventRecorded" }
                        #expect(complete, "stream \(index) got \(recorded.count) of \(acknowledged.count)")
                        #expect(recorded.compactMap(\.title).sorted() == acknowledged, "stream \(index)")
                        let order = positions(recorded)
                        #expect(order == order.sorted() && Set(order).count == order.count, "stream \(index) out of order or repeated")
                    }

                    // The daemon is whole again: ready, leading, the read model complete.
                    #expect(try await eventually { try await http.call(daemon.baseURL + "/readyz").status == 200 })
                    let page = try await http.call(daemon.baseURL + "/v1/parks/\(Fault.park)/timeline?type=meeting&limit=1000")
                    let titles = (page.json?["events"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
                    #expect(Set(acknowledged).isSubset(of: Set(titles)), "the read model misses acknowledged events")
                    #expect(daemon.isRunning)
                }
            }
        }
    }
}
