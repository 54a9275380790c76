import ArgumentParser
import Foundation

extension ParklineBench {
    /// Two results side by side: what changed per figure, and whether the
    /// machines they ran on are comparable at all.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare two results (bench-results.json) figure by figure.",
            discussion: """
                Figures are matched by scenario, case, metric and baseline. A figure measured in \
                pairs is flagged when its median ratio moved out of the other run's spread (the \
                smallest to the largest pair ratio); any other figure when its ratio to the baseline \
                (or its value, without one) changed by more than --threshold. Differences in the \
                machine (cores, memory, PostgreSQL and its settings, the commit) are listed first: \
                figures of different machines do not compare.

                Example:
                  parkline-bench compare before.json after.json
                """
        )

        @Argument(help: "The earlier result.") var before: String
        @Argument(help: "The later result.") var after: String
        @Option(help: "Relative change flagged as a move (0.10 = 10 %).") var threshold = 0.10

        struct Result: Decodable {
            var machine: [String: String]
            var figures: [Figure]
        }

        func run() throws {
            let older = try Self.load(before)
            let newer = try Self.load(after)
            for key in Set(older.machine.keys).union(newer.machine.keys).sorted() where older.machine[key] != newer.machine[key] {
                print("machine \(key): \(older.machine[key] ?? "—") → \(newer.machine[key] ?? "—")")
            }
            let earlier = Dictionary(older.figures.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
            var rows: [[String]] = []
            for figure in newer.figures {
                guard let was = earlier[Self.key(figure)] else {
                    rows.append([Self.key(figure), "—", Self.describe(figure), "new", ""])
                    continue
                }
                let (change, moved) = Self.change(from: was, to: figure, threshold: threshold)
                rows.append([Self.key(figure), Self.describe(was), Self.describe(figure),
                             String(format: "%+.0f %%", change * 100), moved ? "MOVED" : ""])
            }
            let header = ["figure", "before", "after", "change", ""]
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            for row in [header] + rows {
                print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
            }
        }

        static func load(_ path: String) throws -> Result {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(path) cannot be read: give a bench-results.json written by parkline-bench run")
            }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            do {
                return try decoder.decode(Result.self, from: data)
            } catch {
                throw ValidationError("\(path) is not a parkline-bench result: \(error)")
            }
        }

        static func key(_ figure: Figure) -> String {
            [figure.scenario, figure.variant, figure.metric, figure.baselineName ?? ""].filter { !$0.isEmpty }.joined(separator: " / ")
        }

        static func describe(_ figure: Figure) -> String {
            let value = "\(BenchReport.number(figure.value)) \(figure.unit)"
            guard let ratio = figure.ratio else { return value }
            let spread = figure.spread.map { $0.count == 2 ? String(format: " %.2f–%.2f", $0[0], $0[1]) : "" } ?? ""
            return value + String(format: " (%.2f", ratio) + spread + ")"
        }

        /// The relative change of the ratio (or of the value when there is
        /// none, oriented so that positive is better), and whether it is
        /// beyond the noise: the spreads when both runs have them, else the threshold.
        static func change(from was: Figure, to now: Figure, threshold: Double) -> (Double, Bool) {
            if let before = was.ratio, let after = now.ratio, before > 0 {
                let change = after / before - 1
                if let was = was.spread, let now = now.spread, was.count == 2, now.count == 2 {
                    return (change, !(was[0]...was[1]).contains(after) && !(now[0]...now[1]).contains(before))
                }
                return (change, abs(change) > threshold)
            }
            guard was.value > 0 else { return (0, false) }
            let change = now.better == .higher ? now.value / was.value - 1 : was.value / now.value - 1
            return (change, abs(change) > threshold)
        }
    }
}
