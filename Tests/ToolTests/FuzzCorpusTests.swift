import Foundation
import ParklineTestSupport
import Testing

/// Every input the fuzzer was given or found (Tests/Fuzz) still extracts
/// without a crash or a broken event: `extraction-fuzz`, built normally,
/// replays them. `scripts/fuzz.sh` runs the coverage-guided search itself.
@Suite struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func theCommittedCorpusReplaysCleanly() async throws {
        let replay = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/extraction-fuzz"
        try #require(FileManager.default.isExecutableFile(atPath: replay), "extraction-fuzz is not built next to the tests")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Tests/Fuzz/seeds").count
        let corpus = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Tests/Fuzz/corpus").count
        #expect(seeds > 20 && corpus > 100)
        let run = try await runProcess([replay, Self.root + "/Tests/Fuzz/seeds", Self.root + "/Tests/Fuzz/corpus"])
        #expect(run.status == 0, "\(run.output.suffix(1000))")
        #expect(run.output.contains("replayed \(seeds + corpus) inputs"))
    }
}
