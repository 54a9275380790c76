import Foundation
import ParklineTestSupport
import Testing

/// The OpenAPI description checked against the running server by
/// Schemathesis (PyPI): generated requests for every operation, valid and
/// hostile (wrong types, odd Unicode, NUL, huge values), must never get a
/// 5xx, and every response must match the documented status codes,
/// content type and schema. Bounded by a fixed number of examples and seed.
@Suite struct OpenAPIConformanceTests {
    @Test func generatedRequestsNeverGetAServerErrorAndResponsesMatchTheDescription() async throws {
        let found = try await runProcess(["sh", "-c", "command -v st"])
        try #require(found.status == 0, "Schemathesis is not installed: python3 -m pip install schemathesis")
        try await withServer(.live) { client, _ in
            let port = try #require(client.port)
            let run = try await runProcess([
                "st", "run", "http://127.0.0.1:\(port)/openapi.json",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                "-H", "Authorization: Bearer \(testToken)",
                // The never-ending event stream has tests of its own (StreamTests).
                "--exclude-path", "/v1/stream",
                "--max-examples", "15", "--seed", "20261123",
            ], timeout: .seconds(300))
            #expect(run.status == 0, "Schemathesis found problems:\n\(run.output.suffix(3000))")
            #expect(run.output.contains("passed"), "\(run.output.suffix(500))")
        }
    }
}
