import Foundation
import HTTPTypes
import HummingbirdTesting
import ParklineTestSupport
import Testing

@Suite struct ReadAPITests {
    @Test func parksTimelinePagesDetailsAndLog() async throws {
        try await withServer { client, db in
            let parks = try await client.get("/v1/parks")
            #expect(parks.status == .ok)
            let list = try #require(try parks.json()["parks"] as? [[String: Any]])
            #expect(list.contains { $0["id"] as? String == "suxitong" && ($0["events"] as? Int ?? 0) >= 20 })

            // A park by alias, percent-encoded as browsers send it.
            let park = try await client.get("/v1/parks/" + percentEncoded("苏锡通园区"))
            #expect(park.status == .ok)
            #expect(try park.json()["id"] as? String == "suxitong")
            let unknown = try await client.get("/v1/parks/" + percentEncoded("不存在园区"))
            #expect(unknown.status == .notFound && unknown.errorCode == "unknown_park")
            // A name several parks share part of is a request the description allows but cannot be answered: 422.
            let ambiguous = try await client.get("/v1/events?park=-")
            #expect(ambiguous.status == .unprocessableContent && ambiguous.errorCode == "ambiguous_park")

            // Walking the pages gives the whole timeline, in date order, each event once.
            let whole = try await client.get("/v1/parks/suxitong/timeline?limit=1000")
            let all = try #require(try whole.json()["events"] as? [[String: Any]]).map { $0["id"] as! String }
            var paged: [String] = []
            var lowers: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.get("/v1/parks/suxitong/timeline?limit=7" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(page.status == .ok)
                let body = try page.json()
                let events = try #require(body["events"] as? [[String: Any]])
                paged += events.map { $0["id"] as! String }
                lowers += events.map { $0["lower"] as! String }
                cursor = body["next_cursor"] as? String
            } while cursor != nil
            #expect(paged == all)
            #expect(lowers == lowers.sorted())
            #expect(Set(paged).count == paged.count)

            let signings = try #require(try await client.get("/v1/events?park=suxitong&type=signing&from=2022-06&to=2022").json()["events"] as? [[String: Any]])
            #expect(!signings.isEmpty && signings.allSatisfy { $0["type"] as? String == "signing" && ($0["lower"] as! String) >= "2022-06-01" })

            let detail = try await client.get("/v1/events/\(all[0])")
            #expect(detail.status == .ok)
            #expect((try detail.json()["history"] as? [Any])?.count == 1)

            let log = try await client.get("/v1/log?limit=3")
            let entries = try #require(try log.json()["events"] as? [[String: Any]])
            #expect(entries.count == 3 && entries[0]["type"] as? String == "DocumentIngested")
            let next = try #require(try log.json()["next_cursor"] as? String)
            let rest = try #require(try await client.get("/v1/log?after=\(next)&limit=5000").json()["events"] as? [[String: Any]])
            let total = try await logCount(db)
            #expect(entries.count + rest.count == total)
        }
    }

    @Test func badParametersGetClearErrorsWithoutInternals() async throws {
        try await withServer { client, _ in
            for (uri, status) in [
                ("/v1/events?from=2024-13", HTTPResponse.Status.badRequest),
                ("/v1/events?type=party", .badRequest),
                ("/v1/events?as_of=yesterday", .badRequest),
                ("/v1/events?limit=0", .badRequest),
                ("/v1/events?limit=99999999999999999999", .badRequest),
                ("/v1/events?cursor=bm90LWEtY3Vyc29y", .badRequest),
                ("/v1/events?park=" + percentEncoded("'; DROP TABLE events; --"), .notFound),
                ("/v1/log?after=x-y", .badRequest),
                ("/v1/events/not-a-uuid", .notFound),
                ("/v1/events/\(UUID().uuidString)", .notFound),
                ("/v1/events?park=" + String(repeating: "园", count: 500), .badRequest),
            ] {
                let response = try await client.get(uri)
                #expect(response.status == status, "\(uri)")
                let message = ((try? response.json())?["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(!message.isEmpty, "\(uri)")
                for leak in ["SELECT", "PSQL", "/work", "/tmp", ".swift", "Error("] {
                    #expect(!message.contains(leak), "\(uri) leaks \(leak): \(message)")
                }
            }
        }
    }

    @Test func healthReadinessMetricsOpenAPIAndThePage() async throws {
        try await withServer { client, _ in
            #expect(try await client.get("/healthz").status == .ok)
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            #expect(try ready.json()["projector_lag"] as? Int == 0)
            _ = try await client.get("/v1/parks")
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains(#"parkline_http_requests_total{method="GET",route="/v1/parks",status="200"}"#))
            #expect(metrics.contains("parkline_stream_subscribers_count"))
            let openapi = try await client.get("/openapi.json")
            #expect(openapi.status == .ok)
            let paths = try #require(try openapi.json()["paths"] as? [String: Any])
            #expect(paths.keys.contains("/v1/parks/{id}/timeline") && paths.keys.contains("/v1/stream"))
            let page = try await client.get("/")
            #expect(page.status == .ok && page.text.contains("<script type=\"module\" src=\"/app.js\">"))
            #expect(try await client.get("/app.js").text.contains("EventSource"))
            for module in ["/chart.js", "/icons.js", "/i18n.js", "/dom.js", "/export.js", "/event-view.js"] {
                let script = try await client.get(module)
                #expect(script.status == .ok && script.headers[.contentType]?.contains("javascript") == true, "\(module)")
            }
        }
    }
}
