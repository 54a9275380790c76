import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParklineTestSupport
import Timeline
import TimelineEvents
import Testing
import TimelineServer

@Suite struct WriteAPITests {
    let record = #"{"type":"signing","date":"2024-05-01","title":"测试项目签约"}"#

    @Test func writesNeedTheTokenAndRefusalsWriteNothing() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            #expect(try await client.post("/v1/parks/suxitong/events", json: record, token: nil).status == .unauthorized)
            #expect(try await client.post("/v1/parks/suxitong/events", json: record, token: "wrong-token-0123456789").status == .forbidden)
            #expect(try await logCount(db) == before)
        }
        try await withServer(token: nil) { client, db in
            let before = try await logCount(db)
            let refused = try await client.post("/v1/parks/suxitong/events", json: record)
            #expect(refused.status == .forbidden && refused.errorCode == "writes_disabled")
            #expect(try refused.json().description.contains("PARKLINE_API_TOKEN"))
            #expect(try await logCount(db) == before)
        }
    }

    @Test func malformedBodiesGetTheRightStatusAndNothingIsWritten() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            let cases: [(String, String, HTTPResponse.Status)] = [
                ("/v1/parks/suxitong/events", "{not json", .badRequest),
                ("/v1/parks/suxitong/events", #"{"type":"signing","date":20240501,"title":"x"}"#, .badRequest),
                ("/v1/parks/suxitong/events", #"{"type":"signing","title":"x"}"#, .badRequest),
                ("/v1/parks/suxitong/events", #"{"type":"party","date":"2024","title":"x"}"#, .badRequest),
                ("/v1/parks/suxitong/events", #"{"type":"signing","date":"2024-02-30","title":"x"}"#, .badRequest),
                ("/v1/parks/suxitong/events", #"{"type":"signing","date":"2024","title":"   "}"#, .badRequest),
                ("/v1/parks/nowhere/events", record, .notFound),
                ("/v1/parks/suxitong/events", #"{"type":"signing","date":"2024","title":"\#(String(repeating: "长", count: 300))"}"#, .badRequest),
                ("/v1/parks/suxitong/events", #"{"type":"signing","date":"2024","title":"\#(String(repeating: "x", count: 70_000))"}"#, .contentTooLarge),
                ("/v1/documents", #"{"text":"园区举行签约仪式，多个项目签约落户。"}"#, .unprocessableContent),
                ("/v1/documents", #"{"text":"   "}"#, .unprocessableContent),
                ("/v1/documents", #"{"text":"x","published":"yesterday"}"#, .badRequest),
                ("/v1/events/\(UUID().uuidString)/retractions", #"{"reason":"x"}"#, .notFound),
                // NUL, which PostgreSQL cannot store in JSON (found by Schemathesis as a 500).
                ("/v1/parks/suxitong/events", #"{"type":"signing","date":"2024","title":"签约\u0000项目"}"#, .badRequest),
                ("/v1/documents", #"{"text":"发布时间：2023-05-01\n3月8日，星河项目在苏锡通园区签约\u0000。","published":"2023-05-01"}"#, .badRequest),
            ]
            for (uri, body, status) in cases {
                let response = try await client.post(uri, json: body)
                #expect(response.status == status, "\(uri) \(body.prefix(60)): \(response.text.prefix(200))")
                #expect(response.errorCode != nil)
            }
            var headers: HTTPFields = [.authorization: "Bearer \(testToken)", .contentType: "application/json"]
            let invalidUTF8 = try await client.execute(uri: "/v1/parks/suxitong/events", method: .post, headers: headers,
                                                       body: ByteBuffer(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]))
            #expect(invalidUTF8.status == .badRequest)
            headers[.idempotencyKey] = String(repeating: "k", count: 300)
            #expect(try await client.execute(uri: "/v1/parks/suxitong/events", method: .post, headers: headers,
                                             body: ByteBuffer(string: record)).status == .badRequest)
            #expect(try await logCount(db) == before)
        }
    }

    @Test func anIdempotencyKeyMakesARetriedPostSafe() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            let key: HTTPFields = [.idempotencyKey: "7d5c5a52-retry-test"]
            let first = try await client.post("/v1/parks/suxitong/events", json: record, headers: key)
            #expect(first.status == .created)
            let retry = try await client.post("/v1/parks/suxitong/events", json: record, headers: key)
            #expect(retry.status == .ok)
            #expect(try retry.json()["duplicate"] as? Bool == true)
            let id = { (response: TestResponse) in ((try? response.json())?["event"] as? [String: Any])?["id"] as? String }
            #expect(id(first) != nil && id(first) == id(retry))
            #expect(try await logCount(db) == before + 1)
            // The same key for another request is a conflict, not a silent success.
            let other = try await client.post("/v1/parks/suxitong/events",
                                              json: #"{"type":"signing","date":"2024-06-01","title":"另一个项目签约"}"#, headers: key)
            #expect(other.status == .conflict && other.errorCode == "idempotency_conflict")
            #expect(try await logCount(db) == before + 1)
        }
    }

    @Test func cachedPagesAreServedUntilTheReadModelMovesAndWritesAreReadBack() async throws {
        try await withServer { client, db in
            func hits() async throws -> Int {
                let line = try await client.get("/metrics").text.split(separator: "\n")
                    .first { $0.hasPrefix(#"parkline_page_cache_lookups_total{result="hit"}"#) }
                return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            }
            let uri = "/v1/parks/suxitong/timeline?limit=500"
            let first = try await client.get(uri)
            let hitsBefore = try await hits()
            let again = try await client.get(uri)
            #expect(again.text == first.text)
            #expect(try await hits() == hitsBefore + 1)

            // A write moves the checkpoint before it is acknowledged: the next read sees it.
            let created = try await client.post("/v1/parks/suxitong/events",
                                                json: #"{"type":"opening","date":"2025-03-18","title":"缓存测试工厂投产"}"#)
            #expect(created.status == .created)
            let after = try await client.get(uri)
            #expect(after.text.contains("缓存测试工厂投产"))
            #expect(!first.text.contains("缓存测试工厂投产"))
            let events = try #require(try after.json()["events"] as? [Any])
            let before = try #require(try first.json()["events"] as? [Any])
            #expect(events.count == before.count + 1)

            // A write by another process (here: straight to the log, projected
            // elsewhere) reaches readers through the projector's notification.
            _ = try await client.get(uri)
            let recording = TimelineEventPayload(
                eventId: UUID(), type: "visit", date: "2025-04", precision: "month", lower: "2025-04-01", upper: "2025-04-30",
                expression: nil, park: ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: [], city: "南通"),
                title: "另一进程写入的考察", evidence: nil, subjects: [], amounts: [], source: .init(recordedBy: "test"))
            _ = try await db.store.append(to: try StreamName("park-suxitong"), expectedVersion: .any, events: [
                try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: recording),
            ])
            // The page as it stands before the projection moves is cached (a
            // read is answered from the cache)...
            #expect(try await eventually {
                let before = try await hits()
                _ = try await client.get(uri)
                return try await hits() > before
            })
            // ...and the projector's notification retires it, well before the
            // cache's 30 s maximum age would (20 s allows for a loaded machine).
            try await ReadModel(client: db.client, logger: db.logger).catchUp()
            #expect(try await eventually(timeout: .seconds(20)) { try await client.get(uri).text.contains("另一进程写入的考察") })
        }
    }

    @Test func correctRetractAndIngestThroughTheAPI() async throws {
        try await withServer { client, db in
            let created = try await client.post("/v1/parks/" + percentEncoded("苏锡通") + "/events", json: record)
            #expect(created.status == .created)
            let id = try #require((try created.json()["event"] as? [String: Any])?["id"] as? String)

            let corrected = try await client.post("/v1/events/\(id)/corrections", json: #"{"date":"2024-Q2","reason":"quarter only"}"#)
            #expect(corrected.status == .created)
            #expect((try corrected.json()["event"] as? [String: Any])?["label"] as? String == "2024 Q2")
            let unchanged = try await client.post("/v1/events/\(id)/corrections", json: #"{"date":"2024-Q2","reason":"again"}"#)
            #expect(unchanged.status == .unprocessableContent)
            #expect(try await client.post("/v1/events/\(id)/corrections", json: #"{"reason":"no fields"}"#).status == .unprocessableContent)

            #expect(try await client.post("/v1/events/\(id)/retractions", json: #"{"reason":"test"}"#).status == .created)
            let again = try await client.post("/v1/events/\(id)/retractions", json: #"{"reason":"test"}"#)
            #expect(again.status == .conflict && again.errorCode == "retracted")
            let detail = try await client.get("/v1/events/\(id)").json()
            #expect(detail["retracted"] as? Bool == true)
            #expect((detail["history"] as? [Any])?.count == 3)

            let document = #"{"text":"发布时间：2024-03-02\n3月1日，苏锡通科技产业园区举行签约仪式，星河新材料项目签约落户。","source":"测试","name":"api.txt"}"#
            let ingested = try await client.post("/v1/documents", json: document)
            #expect(ingested.status == .created)
            let events = try #require(try ingested.json()["events"] as? [[String: Any]])
            #expect(events.contains { $0["date"] as? String == "2024-03-01" && $0["type"] as? String == "signing" })
            let before = try await logCount(db)
            let repeated = try await client.post("/v1/documents", json: document)
            #expect(try repeated.status == .ok && repeated.json()["outcome"] as? String == "unchanged")
            #expect(try await logCount(db) == before)
        }
    }
}
