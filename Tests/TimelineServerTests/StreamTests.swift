import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParklineTestSupport
import ServiceLifecycle
import Testing
import TimelineServer
import TimelineEvents

/// Messages of an SSE body: (id, event, data).
func sseMessages(_ text: String) -> [(id: String, event: String, data: String)] {
    text.components(separatedBy: "\n\n").compactMap { block in
        var id = "", event = "", data = ""
        for line in block.split(separator: "\n") {
            if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
            if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
        }
        // A comment (a heartbeat) is no message; one of a log event's several may have no id.
        return id.isEmpty && event.isEmpty ? nil : (id, event, data)
    }
}

@Suite struct StreamTests {
    @Test func resumingWithLastEventIDLosesAndRepeatsNothing() async throws {
        try await withServer { client, _ in
            let all = sseMessages(try await client.get("/v1/stream?after=start&limit=10").text)
            #expect(all.count == 10)
            #expect(all.map(\.id) == all.map(\.id).sorted { LogCursorOrder.less($0, $1) })
            let first = sseMessages(try await client.get("/v1/stream?after=start&limit=4").text)
            let rest = sseMessages(try await client.get("/v1/stream?limit=6", headers: [.lastEventID: first.last!.id]).text)
            #expect((first + rest).map(\.id) == all.map(\.id))

            // Filters: one park, one type.
            let signings = sseMessages(try await client.get("/v1/stream?after=start&limit=3&park=suxitong&type=signing").text)
            #expect(signings.count == 3)
            #expect(signings.allSatisfy { $0.data.contains(#""park":"suxitong""#) && $0.data.contains(#""type":"signing""#) })
            #expect(try await client.get("/v1/stream?after=nonsense").status == .badRequest)
        }
    }

    @Test func aLiveStreamDeliversNewEventsAndShutdownEndsIt() async throws {
        try await withTestDatabase { db in
            let port = try freeLoopbackPort()
            // What the daemon logs, shown if its shutdown does not end the stream.
            let lines = CapturedLog()
            var logger = Logger(label: "parklined-stream-test") { _ in lines }
            logger.logLevel = .debug
            let app = try await buildApplication(
                configuration: serverConfiguration(port: port, heartbeat: .milliseconds(300)), settings: db.settings, logger: logger)
            let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await eventually { (try? await httpGet(port: port, path: "/healthz"))?.contains("ok") == true })

                let stream = try StreamingGet(port: port, path: "/v1/stream?park=suxitong")
                // The stream opens at the end of the log; once it beats, record an event.
                #expect(try await eventually { stream.received.contains(": heartbeat") })
                try await postEvent(port: port, title: "实时推送项目签约")
                let delivered = try await eventually {
                    stream.received.contains { $0.hasPrefix("data: ") && $0.contains("实时推送项目签约") }
                }
                if !delivered {
                    let ready = try await httpGet(port: port, path: "/readyz")
                    let log = try await httpGet(port: port, path: "/v1/log?after=0-0&limit=5000")
                    let count = try await db.client.query("SELECT count(*)::int8, max(tx_id::text) FROM events").decode((Int64, String).self)
                    var stored = ""
                    for try await (n, tx) in count { stored = "\(n) rows, max tx \(tx)" }
                    Issue.record("not delivered; ready: \(ready.prefix(200)); log tail: \(log.suffix(300)); stored: \(stored); received: \(stream.received.filter { $0.contains("data") || $0.contains("id:") }.suffix(4).map { $0.prefix(30) }) of \(stream.received.count)")
                }

                // Graceful shutdown ends the open stream and the server stops promptly.
                let started = ContinuousClock.now
                await group.triggerGracefulShutdown()
                let closed = try await eventually(timeout: .seconds(90)) { stream.isClosed }
                #expect(closed, "the daemon's last words: \(lines.messages.suffix(40).joined(separator: "\n"))")
                try await tasks.next()
                // A bound against hanging on open streams (which SIGTERM once
                // did), not a speed claim: alone it takes well under a second,
                // a CI machine running the whole suite (some 290 tests, dozens
                // of daemons and clusters on 2 cores) took 11 s, then 31 s.
                #expect(ContinuousClock.now - started < .seconds(90))
            }
        }
    }
}

extension StreamTests {
    /// The resolver's merges name the report and the event only; subscribers
    /// are still sent the whole event, live and when they catch up.
    @Test func aNewReportOfAKnownEventReachesSubscribersAsTheWholeEvent() async throws {
        try await withTestDatabase { db in
            let port = try freeLoopbackPort()
            let app = try await buildApplication(
                configuration: serverConfiguration(port: port, heartbeat: .milliseconds(300)), settings: db.settings,
                logger: Logger(label: "parklined-merge-stream-test"))
            let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "parklined-merge-stream-test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await eventually { (try? await httpGet(port: port, path: "/healthz"))?.contains("ok") == true })
                let stream = try StreamingGet(port: port, path: "/v1/stream?park=suxitong")
                #expect(try await eventually { stream.received.contains(": heartbeat") })
                let before = try await db.store.headCursor()
                // Two acts in each report: the wire's one merge joins each to its event.
                try await postDocument(port: port, name: "evening-paper.txt", published: "2025-03-02", source: "晚报",
                                       text: "3月1日，苏锡通科技产业园区与青枫电机有限公司签署投资协议。2月27日，苏锡通园区白鹭生物科技有限公司新厂房开工建设。")
                try await postDocument(port: port, name: "wire.txt", published: "2025-03-03", source: "通讯社",
                                       text: "2025年3月1日，青枫电机有限公司新能源电机项目在苏锡通园区正式签约。2025年2月27日，白鹭生物科技有限公司在苏锡通园区的新厂房开工。")
                func updates(in lines: [String]) -> [(id: String, event: [String: Any])] {
                    let text = lines.joined(separator: "\n") + "\n\n"
                    return sseMessages(text).filter { $0.event == "updated" }.compactMap { message in
                        (try? JSONSerialization.jsonObject(with: Data(message.data.utf8)) as? [String: Any])
                            .flatMap { $0["event"] as? [String: Any] }.map { (message.id, $0) }
                    }
                }
                func documents(of event: [String: Any]) -> [String] {
                    ((event["reports"] as? [[String: Any]]) ?? []).compactMap { $0["document"] as? String }
                }
                // The log's merge names the reports and the events, not the whole events: one merge, two joins.
                #expect(try await eventually { try await db.store.readAll(after: before, limit: 50).contains { $0.type == DomainEventType.reportsMerged.rawValue } })
                let merges = try await db.store.readAll(after: before, limit: 50).filter { $0.type == DomainEventType.reportsMerged.rawValue }
                let merge = try #require(merges.first)
                #expect(try merges.map { try $0.decode(ReportsMerged.self).event == nil } == [true])
                #expect(try merge.decode(ReportsMerged.self).targets.count == 2)
                for received in [stream, try StreamingGet(port: port, path: "/v1/stream?after=\(before)")] {
                    // Live, and catching up from the log: an update of each event, and only the last
                    // carries the merge's id (a client cut off between them is sent both again).
                    #expect(try await eventually { updates(in: received.received).count == 2 })
                    let sent = updates(in: received.received)
                    #expect(sent.map(\.id) == ["", merge.cursor.description])
                    #expect(Set(sent.compactMap { $0.event["type"] as? String }) == ["signing", "groundbreaking"])
                    #expect(sent.map { documents(of: $0.event) } == [["evening-paper.txt", "wire.txt"], ["evening-paper.txt", "wire.txt"]])
                    received.cancel()
                }
                await group.triggerGracefulShutdown()
                try await tasks.next()
            }
        }
    }
}

func postDocument(port: Int, name: String, published: String, source: String, text: String) async throws {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/documents")!)
    request.httpMethod = "POST"
    request.setValue("Bearer \(testToken)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = try JSONSerialization.data(withJSONObject: ["name": name, "published": published, "source": source, "text": text])
    let (_, response) = try await URLSession.shared.data(for: request)
    #expect((response as? HTTPURLResponse)?.statusCode == 201)
}

/// Compare `tx-position` cursors numerically.
enum LogCursorOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "-").compactMap { UInt64($0) }, y = b.split(separator: "-").compactMap { UInt64($0) }
        return x.lexicographicallyPrecedes(y)
    }
}

func postEvent(port: Int, title: String) async throws {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/parks/suxitong/events")!)
    request.httpMethod = "POST"
    request.setValue("Bearer \(testToken)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(#"{"type":"signing","date":"2030-01-15","title":"\#(title)"}"#.utf8)
    let (_, response) = try await URLSession.shared.data(for: request)
    #expect((response as? HTTPURLResponse)?.statusCode == 201)
}

func httpGet(port: Int, path: String) async throws -> String {
    let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    return String(decoding: data, as: UTF8.self)
}
