import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Extraction
import Logging
import ParklineTestSupport
import Testing
import Timeline
import TimelineServer

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let testToken = "test-token-0123456789abcdef"

func serverConfiguration(token: String? = testToken, port: Int = 0, heartbeat: Duration = .seconds(15)) -> ServerConfiguration {
    // Generous bounds: a loaded CI machine must not turn into 503s or stale reads.
    ServerConfiguration(
        host: "127.0.0.1", port: port, seedFolder: repositoryRoot + "/seeds", apiToken: token,
        heartbeatInterval: heartbeat, maximumBodyBytes: 64 * 1024, parksFile: nil,
        requestTimeout: .seconds(30), readYourWritesTimeout: .seconds(20),
        // Tests that are not about the connection guard must not meet it on a starved CI machine.
        connections: ConnectionLimits(headerTimeout: .seconds(120), idleTimeout: .seconds(600)))
}

/// The tests' configuration, changed by `change`.
func serverConfiguration(_ change: (inout ServerConfiguration) -> Void) -> ServerConfiguration {
    var configuration = serverConfiguration()
    change(&configuration)
    return configuration
}

/// A daemon over a fresh test database, seeded with the repository's seeds.
func withServer<T: Sendable>(
    token: String? = testToken,
    _ setup: TestingSetup = .router,
    configuration given: ServerConfiguration? = nil,
    logger: Logger? = nil,
    _ body: @Sendable (any TestClientProtocol, Database) async throws -> T
) async throws -> T {
    try await withTestDatabase { db in
        let configuration = given ?? serverConfiguration(token: token)
        let app = try await buildApplication(configuration: configuration, settings: db.settings, logger: logger ?? db.logger)
        return try await app.test(setup) { client in
            try #require(try await seedsProjected(client), "the seeds were not projected")
            return try await body(client, db)
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }

    var errorCode: String? {
        ((try? json())?["error"] as? [String: Any])?["code"] as? String
    }
}

extension TestClientProtocol {
    @discardableResult
    func post(_ uri: String, json: String, token: String? = testToken, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}

/// Rows in the log, committed ones, without waiting for the gapless horizon.
func logCount(_ db: Database) async throws -> Int {
    for try await count in try await db.client.query("SELECT count(*)::int8 FROM events").decode(Int64.self) {
        return Int(count)
    }
    return 0
}

func percentEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
}

/// The leader projects the seeds in the background; tests start once the
/// read model has applied the whole log (seeded before the app started).
func seedsProjected(_ client: any TestClientProtocol) async throws -> Bool {
    try await eventually(timeout: .seconds(60)) {
        let ready = try await client.get("/readyz")
        let page = try await client.get("/v1/events?limit=1000")
        return (try? ready.json())?["projector_lag"] as? Int == 0 && ((try? page.json())?["events"] as? [Any])?.isEmpty == false
    }
}
