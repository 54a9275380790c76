import Foundation
import HTTPTypes
import HummingbirdTesting
import ParklineTestSupport
import Testing

/// The routes the web page draws from, against the seeds in real PostgreSQL:
/// activity counts, text search, an event's sources, and the log cursor a
/// listing was read at.
@Suite struct ActivityAPITests {
    /// Every current event of the park, as the timeline lists them.
    func timeline(_ client: any TestClientProtocol, _ query: String = "") async throws -> [[String: Any]] {
        let response = try await client.get("/v1/parks/suxitong/timeline?limit=1000" + query)
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try response.json()["events"] as? [[String: Any]])
    }

    @Test func activityCountsAreTheTimelineCountedByPeriodAndType() async throws {
        try await withServer { client, _ in
            let events = try await timeline(client)
            for (bucket, key) in [("month", { (lower: String) in String(lower.prefix(7)) }),
                                  ("quarter", { (lower: String) in "\(lower.prefix(4))-Q\((Int(lower.dropFirst(5).prefix(2))! - 1) / 3 + 1)" }),
                                  ("year", { (lower: String) in String(lower.prefix(4)) })] {
                var expected: [String: [String: Int]] = [:]
                for event in events { expected[key(event["lower"] as! String), default: [:]][event["type"] as! String, default: 0] += 1 }
                let response = try await client.get("/v1/parks/" + percentEncoded("苏锡通") + "/activity?bucket=\(bucket)")
                #expect(response.status == .ok)
                let body = try response.json()
                #expect((body["park"] as? [String: Any])?["id"] as? String == "suxitong")
                let periods = try #require(body["periods"] as? [[String: Any]])
                var counted: [String: [String: Int]] = [:]
                for period in periods { counted[period["period"] as! String] = period["counts"] as? [String: Int] }
                #expect(counted == expected, "\(bucket)")
                #expect(periods.map { $0["period"] as! String } == periods.map { $0["period"] as! String }.sorted())
                #expect(periods.allSatisfy { ($0["total"] as? Int) == ($0["counts"] as? [String: Int])?.values.reduce(0, +) })
                #expect((body["totals"] as? [String: Int])?.values.reduce(0, +) == events.count)
            }
            let quarter = try #require(try await client.get("/v1/parks/suxitong/activity?bucket=quarter").json()["periods"] as? [[String: Any]])
            let q3 = try #require(quarter.first { $0["period"] as? String == "2022-Q3" })
            #expect(q3["start"] as? String == "2022-07-01" && q3["end"] as? String == "2022-09-30")

            // Every park's totals (the sparklines) add up to its event count.
            let parks = try #require(try await client.get("/v1/parks").json()["parks"] as? [[String: Any]])
            let all = try #require(try await client.get("/v1/activity").json()["parks"] as? [[String: Any]])
            #expect(try await client.get("/v1/activity").json()["bucket"] as? String == "quarter")
            for park in parks where (park["events"] as? Int ?? 0) > 0 {
                let totals = try #require(all.first { $0["id"] as? String == park["id"] as? String }?["periods"] as? [[String: Any]])
                #expect(totals.map { $0["total"] as! Int }.reduce(0, +) == park["events"] as? Int, "\(park["id"]!)")
                #expect(totals.allSatisfy { $0["counts"] == nil })
            }

            for bad in ["/v1/parks/suxitong/activity?bucket=week", "/v1/activity?bucket=", "/v1/parks/suxitong/activity?type=party",
                        "/v1/activity?q=" + String(repeating: "园", count: 101)] {
                let response = try await client.get(bad)
                #expect(response.status == (bad.hasSuffix("bucket=") ? .ok : .badRequest), "\(bad)")
            }
            #expect(try await client.get("/v1/parks/" + percentEncoded("不存在园区") + "/activity").status == .notFound)
        }
    }

    @Test func searchMatchesTitlesSubjectsAndEvidenceWithLikeMetacharactersAsText() async throws {
        try await withServer { client, _ in
            let recorded = try await client.post("/v1/parks/suxitong/events",
                                                 json: #"{"type": "award", "date": "2022-10-10", "title": "达标率100%_A级 Award"}"#)
            #expect(recorded.status == .created)
            let events = try await timeline(client)
            /// What a search must find: the needle in a title, a subject or any report's evidence, ignoring case.
            func expected(_ needle: String) -> Set<String> {
                Set(events.filter { event in
                    let texts = [event["title"] as? String, event["evidence"] as? String].compactMap { $0 }
                        + (event["subjects"] as? [String] ?? [])
                        + (event["reports"] as? [[String: Any]] ?? []).compactMap { $0["evidence"] as? String }
                    return texts.contains { $0.lowercased().contains(needle.lowercased()) }
                }.map { $0["id"] as! String })
            }
            for needle in ["懋略", "%", "_", "%_", "100%", "award", "AWARD", "\\", "赛普生物", "投资协议"] {
                let found = try await timeline(client, "&q=" + percentEncodedQuery(needle))
                let ids = Set(found.map { $0["id"] as! String })
                #expect(ids == expected(needle), "q=\(needle)")
                let activity = try await client.get("/v1/parks/suxitong/activity?q=" + percentEncodedQuery(needle))
                let total = (try activity.json()["periods"] as? [[String: Any]] ?? []).map { $0["total"] as! Int }.reduce(0, +)
                #expect(total == ids.count, "activity for q=\(needle)")
            }
            // A LIKE pattern would match every event; as text these match only the recorded one.
            #expect(try await timeline(client, "&q=" + percentEncodedQuery("%_")).count == 1)
            #expect(try await timeline(client, "&q=" + percentEncodedQuery("  懋略 ")).count == expected("懋略").count)
            #expect(!expected("懋略").isEmpty)
            let everywhere = try #require(try await client.get("/v1/events?q=" + percentEncodedQuery("懋略")).json()["events"] as? [[String: Any]])
            #expect(Set(everywhere.map { $0["id"] as! String }) == expected("懋略"))
            for bad in ["&q=" + String(repeating: "a", count: 101), "&q=%00", "&q=a%0Ab"] {
                let response = try await client.get("/v1/parks/suxitong/timeline?limit=5" + bad)
                #expect(response.status == .badRequest, "\(bad)")
            }
        }
    }

    @Test func eventSourcesGiveEachReportWithTheEvidenceInItsParagraph() async throws {
        try await withServer { client, _ in
            let events = try await timeline(client)
            let merged = try #require(events.first { ($0["reports"] as? [Any])?.count ?? 0 > 1 })
            let id = merged["id"] as! String
            let response = try await client.get("/v1/events/\(id)/sources")
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["event_id"] as? String == id)
            let reports = try #require(body["reports"] as? [[String: Any]])
            let listed = merged["reports"] as! [[String: Any]]
            #expect(reports.map { $0["id"] as! String } == listed.map { $0["id"] as! String })
            for (index, report) in reports.enumerated() {
                let paragraph = try #require(report["paragraph"] as? [String: String])
                let evidence = index == 0 ? merged["evidence"] as! String : listed[index]["evidence"] as! String
                #expect(paragraph["evidence"] == evidence)
                #expect(report["evidence"] as? String == evidence)
                #expect(!(paragraph["before"]! + paragraph["after"]!).isEmpty, "the evidence alone is not its paragraph")
                #expect(!(paragraph["before"]! + paragraph["after"]!).contains("\n"))
                #expect(report["published"] as? String == listed[index]["published"] as? String)
                #expect(report["outlet"] as? String == listed[index]["outlet"] as? String)
                #expect(report["url"] == nil, "a file name is not an address")
            }

            // An event recorded by hand: who recorded it, no paragraph; its URL source is a link.
            let recorded = try await client.post("/v1/parks/suxitong/events", json: """
                {"type": "visit", "date": "2022-12-01", "title": "代表团到访园区", "source": "https://example.com/news/1.html"}
                """)
            let recordedID = try #require((try recorded.json()["event"] as? [String: Any])?["id"] as? String)
            let own = try #require(try await client.get("/v1/events/\(recordedID)/sources").json()["reports"] as? [[String: Any]])
            #expect(own.count == 1 && own[0]["recorded_by"] as? String == "api" && own[0]["paragraph"] == nil)
            #expect(own[0]["url"] as? String == "https://example.com/news/1.html")

            #expect(try await client.get("/v1/events/\(UUID().uuidString)/sources").status == .notFound)
            #expect(try await client.get("/v1/events/not-an-id/sources").status == .notFound)
        }
    }

    @Test func aListingSaysTheLogCursorItWasReadAtAndAStreamFromThereMissesNothing() async throws {
        try await withServer { client, db in
            let page = try await client.get("/v1/parks/suxitong/timeline?limit=5")
            let cursor = try #require(try page.json()["log_cursor"] as? String)
            // Everything the log held when the listing was read is behind the cursor.
            let after = try #require(try await client.get("/v1/log?after=\(cursor)&limit=5000").json()["events"] as? [Any])
            #expect(after.isEmpty, "the listing was read at \(cursor) but the log has \(after.count) events after it")
            #expect(try await logCount(db) > 0)

            let recorded = try await client.post("/v1/parks/suxitong/events",
                                                 json: #"{"type": "signing", "date": "2022-06-15", "title": "游标测试项目签约"}"#)
            let id = try #require((try recorded.json()["event"] as? [String: Any])?["id"] as? String)
            let messages = sseMessages(try await client.get("/v1/stream?park=suxitong&limit=1&after=\(cursor)").text)
            #expect(messages.count == 1 && messages[0].data.contains(id), "\(messages)")
            let later = try #require(try await client.get("/v1/parks/suxitong/timeline?limit=5").json()["log_cursor"] as? String)
            #expect(LogCursorOrder.less(cursor, later))
            let counted = try #require(try await client.get("/v1/parks/suxitong/activity").json()["log_cursor"] as? String)
            #expect(!LogCursorOrder.less(counted, later))
        }
    }
}

/// `text` escaped for a query string (`+`, `&`, `%` and `=` too).
func percentEncodedQuery(_ text: String) -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "+&=%?#")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
