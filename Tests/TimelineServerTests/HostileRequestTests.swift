import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParklineTestSupport
import Testing

/// Every parameter of every read route, and the write routes' bodies, tried
/// with SQL injection, invalid and overlong UTF-8, NUL, overlong values and
/// wrong types: never a 5xx, a JSON error without internals, nothing written.
@Suite struct HostileRequestTests {
    /// Query-string values, already percent-encoded.
    static let hostileValues = [
        "%27%3B%20DROP%20TABLE%20events%3B%20--",   // '; DROP TABLE events; --
        "1%27%20OR%20%271%27%3D%271",               // 1' OR '1'='1
        "%FF%FE%FD",                                // not UTF-8
        "%C0%AF",                                   // overlong UTF-8 for "/"
        "%00", "a%00b",                             // NUL
        String(repeating: "9", count: 5000),
        String(repeating: "%E5%9B%AD", count: 3000), // 园 × 3000
        "-1", "1e999", "0x10", "%5B%5D", "%7B%22%24gt%22%3A1%7D", // -1, 1e999, hex, [], {"$gt":1}
        "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "%25", "%",
    ]

    static let readRoutes: [(path: String, parameters: [String])] = [
        ("/v1/parks/suxitong/timeline", ["from", "to", "type", "as_of", "limit", "cursor"]),
        ("/v1/events", ["park", "type", "from", "to", "as_of", "limit", "cursor"]),
        ("/v1/log", ["after", "limit", "category"]),
    ]

    static let leaks = ["SELECT", "INSERT", "PSQL", "Postgres", "/work", "/tmp", "/root", ".swift", "Error(", "Fatal"]

    static func checkError(_ response: TestResponse, _ what: String) {
        #expect(response.status.code < 500, "\(what): \(response.status.code)")
        guard response.status.code >= 400 else { return }
        let body = (try? response.json())?["error"] as? [String: Any]
        #expect((body?["code"] as? String)?.isEmpty == false && (body?["message"] as? String)?.isEmpty == false,
                "\(what): not a JSON error: \(response.text.prefix(200))")
        for leak in leaks {
            #expect(!response.text.contains(leak), "\(what) leaks \(leak): \(response.text.prefix(300))")
        }
    }

    @Test func hostileQueryAndPathValuesGetClientErrorsOnly() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            for (path, parameters) in Self.readRoutes {
                for parameter in parameters {
                    for value in Self.hostileValues {
                        let uri = "\(path)?\(parameter)=\(value)"
                        Self.checkError(try await client.get(uri), uri)
                    }
                }
            }
            for value in Self.hostileValues {
                for uri in ["/v1/parks/\(value)", "/v1/parks/\(value)/timeline", "/v1/events/\(value)"] {
                    Self.checkError(try await client.get(uri), uri)
                }
            }
            #expect(try await logCount(db) == before)
        }
    }

    @Test func hostileBodiesAreRefusedAndWriteNothing() async throws {
        try await withServer { client, db in
            let before = try await logCount(db)
            let record = "/v1/parks/suxitong/events"
            let bodies: [(String, [UInt8])] = [
                (record, Array(#"{"type": 5, "date": "2024", "title": "x"}"#.utf8)),
                (record, Array(#"{"type": "meeting", "date": ["2024"], "title": "x"}"#.utf8)),
                (record, Array(#"{"type": "meeting", "date": "2024-99-99", "title": "x"}"#.utf8)),
                (record, Array(#"{"type": "meeting; DROP TABLE events", "date": "2024", "title": "x"}"#.utf8)),
                (record, Array(#"{"type": "meeting", "date": "2024", "title": "\#(String(repeating: "长", count: 5000))"}"#.utf8)),
                (record, Array(#"{"type": "meeting", "date": "2024", "title": "a\u0000b"}"#.utf8)),
                (record, [0x7B, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]),  // {"type":"\xFF\xFE"}
                (record, Array("[]".utf8)),
                (record, Array("null".utf8)),
                (record, Array(String(repeating: "[", count: 100_000).utf8)),
                ("/v1/documents", Array(#"{"text": 123}"#.utf8)),
                ("/v1/documents", Array(#"{"text": "2023年5月1日，苏锡通园区签约。", "published": "yesterday"}"#.utf8)),
                ("/v1/documents", Array(#"{"text": "\#(String(repeating: "园", count: 40_000))"}"#.utf8)),
                ("/v1/events/%27%3B%20DROP%20TABLE%20events%3B%20--/retractions", Array(#"{"reason": "x"}"#.utf8)),
                ("/v1/events/\(UUID().uuidString)/corrections", Array(#"{"reason": "x", "date": "2024-13"}"#.utf8)),
            ]
            for (uri, body) in bodies {
                var headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(testToken)"]
                headers[.idempotencyKey] = nil
                let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
                #expect((400..<500).contains(Int(response.status.code)), "\(uri) \(String(decoding: body.prefix(60), as: UTF8.self)): \(response.status.code)")
                Self.checkError(response, uri)
            }
            // A wrong token, or none, is refused before the body is read.
            for token in ["wrong-token-0123456789abcdef", testToken + "x", ""] {
                let response = try await client.post(record, json: #"{"type":"meeting","date":"2024","title":"x"}"#,
                                                      token: token.isEmpty ? nil : token)
                #expect([401, 403].contains(Int(response.status.code)))
                Self.checkError(response, "token \(token.prefix(6))")
            }
            #expect(try await logCount(db) == before, "a refused request wrote to the log")

            // An injection string is just a title: bound, stored and returned verbatim.
            let title = "'; DROP TABLE events; -- 园区"
            let created = try await client.post(record, json: #"{"type":"meeting","date":"2024-05-01","title":"'; DROP TABLE events; -- 园区"}"#)
            #expect(created.status == .created)
            #expect(try await logCount(db) == before + 1)
            let page = try await client.get("/v1/parks/suxitong/timeline?type=meeting&limit=500")
            #expect(page.text.contains(title))
        }
    }
}
