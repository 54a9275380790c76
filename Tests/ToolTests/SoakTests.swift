import Foundation
import ParklineTestSupport
import Testing

/// A short soak (`parkline-bench soak`) on every test run: queries, writers
/// and 200 stream subscribers at once against a real daemon; it must end
/// with no 5xx and every subscriber holding every event in log order.
/// README's figures come from the full 60 s, 1,000-subscriber run.
@Suite struct SoakTests {
    struct Result: Decodable {
        var queries: Int
        var queryFailures: Int
        var writesAcknowledged: Int
        var serverErrors: Int
        var subscribersComplete: Int
        var subscriberProblems: [String]
        var residentMegabytes: [Double]
    }

    @Test func aShortSoakLosesNothingAndGetsNoServerError() async throws {
        let bench = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parkline-bench"
        try #require(FileManager.default.isExecutableFile(atPath: bench), "parkline-bench is not built next to the tests")
        let run = try await runProcess([bench, "soak", "--duration", "8", "--subscribers", "200", "--writers", "3",
                                        "--events", "5000", "--format", "json"], timeout: .seconds(600))
        #expect(run.status == 0, "soak failed:\n\(run.output.suffix(2000))")
        let json = try #require(run.output.firstIndex(of: "{").map { String(run.output[$0...]) })
        let result = try JSONDecoder().decode(Result.self, from: Data(json.utf8))
        #expect(result.serverErrors == 0 && result.queryFailures == 0)
        #expect(result.queries > 0 && result.writesAcknowledged > 0)
        #expect(result.subscribersComplete == 200, "\(result.subscriberProblems.prefix(3))")
        #expect(result.residentMegabytes.count >= 2)
    }
}
