import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParklineTestSupport
import Testing

/// HTTP's conventions and the API's input bounds (#19): HEAD, 405 with
/// Allow, 415, the bearer scheme in any case, resuming past the end of the
/// log, dates out of range, and errors worded for API clients.
@Suite struct HTTPConventionTests {
    @Test func headAnswersAsGetWithoutTheBodyAndOtherMethodsAre405WithAllow() async throws {
        try await withServer { client, _ in
            let get = try await client.get("/v1/parks")
            let head = try await client.execute(uri: "/v1/parks", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(try await client.execute(uri: "/v1/events?limit=1", method: .head).status == .ok)

            let delete = try await client.execute(uri: "/v1/parks", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD, OPTIONS")
            #expect(delete.errorCode == "method_not_allowed")
            let put = try await client.execute(uri: "/v1/parks/suxitong/events", method: .put)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "OPTIONS, POST")
            let options = try await client.execute(uri: "/v1/events/00000000-0000-0000-0000-000000000000", method: .options)
            #expect(options.status == .noContent)
            #expect(options.headers[.allow] == "GET, HEAD, OPTIONS")
            // A path no route knows is still 404.
            #expect(try await client.execute(uri: "/v1/nothing-here", method: .delete).status == .notFound)
        }
    }

    @Test func aBodyNotSentAsJSONIs415AndTheBearerSchemeIsCaseInsensitive() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            let body = #"{"type":"meeting","date":"2024-05-04","title":"园区召开安全生产会议"}"#
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/xml", ""] {
                var headers: HTTPFields = [.authorization: "Bearer \(testToken)"]
                if !type.isEmpty { headers[.contentType] = type }
                let response = try await client.execute(uri: "/v1/parks/suxitong/events", method: .post, headers: headers,
                                                        body: ByteBuffer(string: body))
                #expect(response.status == .unsupportedMediaType, "\(type)")
                #expect(response.errorCode == "unsupported_media_type")
            }
            #expect(try await logCount(db) == before)
            let lower = try await client.execute(
                uri: "/v1/parks/suxitong/events", method: .post,
                headers: [.authorization: "bearer \(testToken)", .contentType: "application/json; charset=utf-8"],
                body: ByteBuffer(string: body))
            #expect(lower.status == .created, "\(lower.text.prefix(200))")
        }
    }

    @Test func resumingPastTheEndOfTheLogIsRefusedOrReset() async throws {
        try await withServer { client, _ in
            let log = try await client.get("/v1/log?after=999999999-1")
            #expect(log.status == .conflict)
            #expect(log.errorCode == "past_end_of_log")
            // Far along the positions too, on a transaction id this log has seen.
            let head = try #require(try await client.get("/v1/log?limit=5000").json()["next_cursor"] as? String)
            let tx = try #require(head.split(separator: "-").first)
            #expect(try await client.get("/v1/log?after=\(tx)-99999999").status == .conflict)
            #expect(try await client.get("/v1/log?after=\(head)").status == .ok)

            let stream = try await client.get("/v1/stream", headers: [.lastEventID: "999999999-1"])
            #expect(stream.status == .ok)
            let messages = sseMessages(stream.text)
            #expect(messages.count == 1 && messages.first?.event == "reset", "\(stream.text.prefix(300))")
            #expect(stream.text.contains(#""head":"\#(head)""#), "\(stream.text.prefix(300))")
            #expect(sseMessages(try await client.get("/v1/stream?after=999999999-1").text).first?.event == "reset")
        }
    }

    @Test func datesOutsideTheirRangeAreRefusedAndErrorsSpeakToAPIClients() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            let future = try await client.post("/v1/documents", json: #"{"text":"园区今天举行签约仪式。","published":"9999-12-31"}"#)
            #expect(future.status == .unprocessableContent)
            #expect(future.errorCode == "published_out_of_range")
            let undated = try await client.post("/v1/documents", json: #"{"text":"园区举行签约仪式。"}"#)
            #expect(undated.status == .unprocessableContent)
            #expect(undated.text.contains(#"\"published\""#) && !undated.text.contains("--published") && !undated.text.contains("manifest"),
                    "\(undated.text)")
            let record = try await client.post("/v1/parks/suxitong/events", json: #"{"type":"meeting","date":"9999","title":"远期规划"}"#)
            #expect(record.status == .badRequest)
            #expect(record.text.contains("1900 to 2100"))
            #expect(try await client.get("/v1/events?from=0999").status == .badRequest)
            #expect(try await client.get("/v1/events?as_of=9999-01-01").status == .badRequest)
            let nul = try await client.post("/v1/documents", json: #"{"text":"2024年5月5日，园区举行签约仪式。","published":"2024-05-05","name":"a\u0000b"}"#)
            #expect(nul.status == .badRequest)
            #expect(nul.text.contains("name") && !nul.text.contains("document-"), "\(nul.text)")
            #expect(try await logCount(db) == before)
        }
    }

    @Test func aPageCursorIsAPositionAnyWellFormedOneWorks() async throws {
        try await withServer { client, _ in
            let first = try await client.get("/v1/events?limit=2").json()
            let cursor = try #require(first["next_cursor"] as? String)
            let events = try #require(first["events"] as? [[String: Any]])
            let last = try #require(events.last)
            // Written by hand from the last event: the same position as the server's cursor.
            let day = try #require((last["lower"] as? String).flatMap(Self.dayNumber)) + 719_468
            let precision = try #require(["day", "week", "month", "quarter", "half", "year"].firstIndex(of: last["precision"] as? String ?? ""))
            let published = try #require(last["first_reported"] as? String).filter { $0 != "-" }
            let handMade = "\(day).\(precision).\(published).\(try #require(last["id"] as? String))"
            #expect(handMade == cursor)
            let next = try await client.get("/v1/events?limit=2&cursor=\(handMade)")
            #expect(next.status == .ok)
            let bad = try await client.get("/v1/events?cursor=bm90LWEtY3Vyc29y")
            #expect(bad.status == .badRequest)
            // A cursor of the shape before migration 0016 (no publication date) is refused, not misread.
            let older = try await client.get("/v1/events?limit=2&cursor=\(day).\(precision).\(try #require(last["id"] as? String))")
            #expect(older.status == .badRequest && older.text.contains("first page"))
            #expect(!bad.text.contains("gave out"))
        }
    }

    static func dayNumber(_ iso: String) -> Int? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components).map { Int($0.timeIntervalSince1970 / 86_400) }
    }
}

/// `parkline subscribe`, run as a user types it, from a position past the end of the log.
@Suite struct SubscribeResetTests {
    @Test func parklineSubscribeStartsOverWhenItsPositionIsPastTheEndOfTheLog() async throws {
        let parkline = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parkline"
        try #require(FileManager.default.isExecutableFile(atPath: parkline), "parkline is not built next to the tests")
        try await withServer(.live) { client, db in
            let server = "http://127.0.0.1:\(try #require(client.port))"
            let socket = try #require(db.settings.socketPath)
            let url = "postgres://\(db.settings.username)@/\(db.settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
            for target in [["--server", server], ["--database-url", url]] {
                let run = try RunningProcess([parkline, "subscribe", "--from", "999999999-1"] + target)
                // The seeds' events arrive once the subscriber has started over; the note says why.
                let startedOver = try await eventually(timeout: .seconds(60)) {
                    run.output.contains("starting over from the start of the log") && run.output.contains("\"park\"")
                }
                #expect(startedOver, "\(target[0]): \(run.output.suffix(500))")
                // The seeds' one merge joins reports into two events: both updates are shown,
                // though only the last of the two messages carries an id.
                func merged() -> Set<String> {
                    Set(run.output.split(separator: "\n").compactMap { line in
                        guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                              ((event["reports"] as? [Any])?.count ?? 0) >= 2 else { return nil }
                        return event["id"] as? String
                    })
                }
                #expect(try await eventually(timeout: .seconds(30)) { merged().count == 2 }, "\(target[0]): \(merged())")
                await run.stop()
            }
        }
    }
}

/// A program left running (a subscriber), its output collected in a file, stopped by the test.
final class RunningProcess: Sendable {
    let child: ChildProcess

    init(_ arguments: [String]) throws {
        child = try ChildProcess.spawn(arguments)
    }

    var output: String { child.output }

    /// Interrupt it (Ctrl-C) and give it 10 s to go, then kill it.
    func stop() async {
        child.send(SIGINT)
        _ = await child.wait(timeout: .seconds(10))
        child.discardOutput()
    }
}
