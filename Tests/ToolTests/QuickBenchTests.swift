import Foundation
import ParklineTestSupport
import Testing

/// Keeps `parkline-bench` from rotting: every scenario runs at tiny scale and
/// must report a figure. Speed is never asserted (the figures of a debug
/// build on a busy machine mean nothing).
@Suite struct QuickBenchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let scenarios = ["append-batch", "append-single", "append-contended", "growth", "read-all", "rebuild",
                            "query", "subscribe", "extract", "memory", "export-import"]

    struct Results: Decodable {
        struct Figure: Decodable {
            var scenario: String
            var metric: String
            var value: Double
            var baseline: Double?
            var ratio: Double?
            var spread: [Double]?
            var pairs: Int?
        }
        var figures: [Figure]
        var failures: [String: String]
        var machine: [String: String]
    }

    @Test func everyScenarioReportsAFigureInQuickMode() async throws {
        // The test runner sits in the build folder, next to the products.
        let buildFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let bench = buildFolder + "/parkline-bench"
        try #require(FileManager.default.isExecutableFile(atPath: bench), "parkline-bench is not built in \(buildFolder)")
        let output = NSTemporaryDirectory() + "parkline-bench-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: output) }

        let run = try await runProcess(
            [bench, "--quick", "--format", "json", "--output", output, "--seeds", Self.root + "/seeds"],
            timeout: .seconds(600))
        #expect(run.status == 0, "parkline-bench --quick failed:\n\(run.output.suffix(2000))")

        let results = try JSONDecoder().decode(Results.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(results.failures.isEmpty, "\(results.failures)")
        for scenario in Self.scenarios {
            let figures = results.figures.filter { $0.scenario == scenario }
            #expect(!figures.isEmpty, "no figure for \(scenario)")
            for figure in figures {
                #expect(figure.value.isFinite && figure.value >= 0, "\(scenario) \(figure.metric) = \(figure.value)")
                if let baseline = figure.baseline { #expect(baseline.isFinite && baseline > 0, "\(scenario) baseline") }
            }
        }
        // The baselines the issue names are there.
        let baselined = Set(results.figures.filter { $0.baseline != nil }.map(\.scenario))
        #expect(baselined.isSuperset(of: ["append-batch", "append-single", "read-all", "rebuild", "query", "subscribe", "export-import"]))
        // Scenarios measured in turn with their baseline give the median ratio inside its spread.
        let paired = results.figures.filter {
            ["append-batch", "append-single", "read-all", "rebuild", "subscribe"].contains($0.scenario)
                || $0.scenario == "query" && ["p50", "p99"].contains($0.metric)  // in-process; over HTTP has no baseline
        }
        #expect(Set(paired.map(\.scenario)) == ["append-batch", "append-single", "read-all", "rebuild", "subscribe", "query"])
        for figure in paired {
            let spread = try #require(figure.spread, "\(figure.scenario) has no spread")
            #expect(figure.pairs == 1 && spread.count == 2 && spread[0] <= (figure.ratio ?? -1) && (figure.ratio ?? -1) <= spread[1])
        }
        // What a comparison of two results needs: the machine's settings that move figures, and the commit.
        for key in ["cores", "memory_gib", "postgresql", "shared_buffers", "synchronous_commit", "fsync", "commit"] {
            #expect(results.machine[key].map { !$0.isEmpty && $0 != "?" } == true, "machine.\(key): \(results.machine[key] ?? "missing")")
        }
        // A result compared with itself: every figure matched, none moved.
        let compared = try await runProcess([bench, "compare", output, output])
        #expect(compared.status == 0, "\(compared.output.suffix(500))")
        #expect(!compared.output.contains("MOVED") && !compared.output.contains("new"), "\(compared.output.suffix(800))")
        #expect(compared.output.components(separatedBy: "\n").filter { $0.contains("+0 %") }.count == results.figures.count,
                "\(compared.output.suffix(800))")
    }
}
