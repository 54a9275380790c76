import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
import NIOCore
import ParklineTestSupport
import PostgresNIO
import Synchronization
import Testing

extension FaultSuites {
    /// `parklined` killed with SIGKILL while it appends a large document posted
    /// to `POST /v1/documents`: the log holds the whole document or none of it,
    /// and posting it again to a new daemon completes it.
    @Suite struct DaemonIngestCrashTests {
        /// A news page reporting `count` dated signings in the test park.
        static func largeDocument(events count: Int) -> String {
            (0..<count).map { index in
                "\(2000 + index % 24)年\(index % 12 + 1)月\(index % 28 + 1)日，苏锡通园区举行第\(index)批重点项目签约仪式，总投资\(index + 1)亿元。"
            }.joined(separator: "\n")
        }

        /// (DocumentIngested events, events in document streams) in the log.
        static func counts(_ client: PostgresClient) async throws -> (documents: Int64, events: Int64) {
            let rows = try await client.query("""
                SELECT count(*) FILTER (WHERE type = 'DocumentIngested')::int8,
                       count(*) FILTER (WHERE stream_id LIKE 'document-%')::int8
                FROM events
                """)
            for try await counts in rows.decode((Int64, Int64).self) { return counts }
            return (-1, -1)
        }

        @Test func killingTheDaemonMidIngestLeavesAllOrNothingAndARetryCompletesIt() async throws {
            let body = try String(decoding: JSONSerialization.data(withJSONObject: [
                "text": Self.largeDocument(events: 1500), "published": "2024-01-01", "name": "large.txt",
            ]), as: UTF8.self)
            var killedDuringAppend = false
            for _ in 0..<5 where !killedDuringAppend {
                killedDuringAppend = try await withTestDatabase { db in
                    try await Fault.withHTTP { http in
                        let url = try Fault.url(db.settings)
                        // Extraction in a debug build on a busy machine can take a while:
                        // this test is about the kill, not the request deadline.
                        let daemon = try await Fault.startDaemon(url, http: http, extra: ["--no-seed", "--request-timeout", "300"])
                        defer { daemon.removeLog() }
                        let baseline = try await Self.counts(db.client)
                        let finished = Atomic<Bool>(false)
                        let post = Task {
                            defer { finished.store(true, ordering: .relaxed) }
                            return try? await http.call(daemon.baseURL + "/v1/documents", method: .POST, json: body, timeout: .seconds(180))
                        }
                        // Poll the server (no sleeps) until the append statement runs
                        // (or the request is over: then this attempt missed it).
                        var appending = false
                        while !appending && !finished.load(ordering: .relaxed) {
                            let rows = try await db.client.query("""
                                SELECT count(*)::int8 FROM pg_stat_activity
                                WHERE datname = current_database() AND state = 'active'
                                  AND (query LIKE '%append_streams%(%' OR query LIKE '%append_events(%') AND pid <> pg_backend_pid()
                                """)
                            for try await count in rows.decode(Int64.self) where count > 0 { appending = true }
                        }
                        daemon.kill()
                        _ = await post.value
                        // Aborted or committed, never half: the document and all its events, or nothing.
                        let (documents, events) = try await Self.counts(db.client)
                        #expect(documents - baseline.documents == 0 && events == baseline.events
                                || documents - baseline.documents == 1 && events > baseline.events + 1000,
                                "\(documents) documents, \(events) document events after the kill")

                        // A new daemon, the same request: the document is complete.
                        let again = try await Fault.startDaemon(url, http: http, extra: ["--no-seed", "--request-timeout", "300"])
                        defer { again.kill(); again.removeLog() }
                        // A debug build under a full parallel test run may take a while over 1,500 events.
                        let retry = try await http.call(again.baseURL + "/v1/documents", method: .POST, json: body, timeout: .seconds(180))
                        #expect(retry.status == 201 || retry.status == 200, "\(retry.status) \(retry.body.prefix(300))")
                        let after = try await Self.counts(db.client)
                        #expect(after.documents == baseline.documents + 1 && after.events > baseline.events + 1000)
                        if documents > baseline.documents { #expect(after.events == events, "the retry wrote again") }
                        return appending
                    }
                }
            }
            #expect(killedDuringAppend, "no kill landed while the append ran in five attempts; the test proved nothing")
        }
    }
}
