import Foundation
import ParklineTestSupport
import Testing

/// The OpenAPI description checked against the running server by
/// Schemathesis (PyPI), in all its phases (examples, coverage, fuzzing and
/// stateful sequences that feed one response's ids into the next request)
/// and with all its checks: no 5xx; every response as documented (status,
/// content type, schema); every request the description allows accepted,
/// unless refused for what a schema cannot say (422, see schemathesis.toml);
/// every request it forbids refused. Bounded by a number of examples and a seed.
@Suite struct OpenAPIConformanceTests {
    @Test func theServerAcceptsWhatTheDescriptionAllowsAndRefusesWhatItForbids() async throws {
        let found = try await runProcess(["sh", "-c", "command -v st"])
        try #require(found.status == 0, "Schemathesis is not installed: python3 -m pip install schemathesis")
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("schemathesis.toml").path
        try await withServer(.live) { client, _ in
            let port = try #require(client.port)
            let run = try await runProcess([
                "st", "--config-file", config, "run", "http://127.0.0.1:\(port)/openapi.json",
                "--checks", "all",
                "--phases", "examples,coverage,fuzzing,stateful",
                "-H", "Authorization: Bearer \(testToken)",
                // The never-ending event stream has tests of its own (StreamTests).
                "--exclude-path", "/v1/stream",
                "--max-examples", "15", "--seed", "20261205",
            ], timeout: .seconds(600))
            #expect(run.status == 0, "Schemathesis found problems:\n\(run.output.suffix(4000))")
            #expect(run.output.contains("Stateful"), "\(run.output.suffix(500))")
        }
    }
}
