import ArgumentParser
import Extraction
import Foundation
import Timeline

/// Benchmarks of Parkline's hot paths. Run in release:
/// `swift run -c release parkline-bench extract`.
@main
struct ParklineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkline-bench",
        abstract: "Measure Parkline's hot paths (release build).",
        discussion: "Example:\n  swift run -c release parkline-bench extract --megabytes 10"
    )

    enum Scenario: String, ExpressibleByArgument, CaseIterable {
        case extract
    }

    @Argument(help: "Scenarios to run: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenarios: [Scenario] = Scenario.allCases

    @Option(help: "Text to extract from, in MB (the seeds repeated).")
    var megabytes = 10.0

    @Option(help: "Folder of seed documents.")
    var seeds = "seeds"

    func run() throws {
        for scenario in scenarios {
            switch scenario {
            case .extract:
                try ExtractionBenchmark(seedFolder: seeds, megabytes: megabytes).run()
            }
        }
    }
}

/// Extraction throughput on one core: the seeds, repeated to the requested size.
struct ExtractionBenchmark {
    var seedFolder: String
    var megabytes: Double

    func run() throws {
        let documents = try DocumentSet.load(paths: [seedFolder]).documents
        let extractor = Extractor(gazetteer: try GazetteerFile.load(seedFolder + "/parks.json"))
        let bytesPerRound = documents.reduce(0) { $0 + $1.text.utf8.count }
        let rounds = max(1, Int((megabytes * 1_000_000 / Double(bytesPerRound)).rounded(.up)))
        var events = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<rounds {
                for document in documents {
                    events += try extractor.extract(document).events.count
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytesRead = Double(bytesPerRound * rounds) / 1_000_000
        print(String(format: "extract: %.1f MB of UTF-8 in %.2f s = %.2f MB/s on one core (%d events, %d documents)",
                     megabytesRead, seconds, megabytesRead / seconds, events, documents.count * rounds))
    }
}
