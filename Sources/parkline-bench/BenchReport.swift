import Foundation

/// One measured figure: Parkline's, the baseline's from the same run, and
/// how they compare.
struct Figure: Codable, Sendable {
    enum Better: String, Codable, Sendable {
        /// Throughput: more is better; ratio = Parkline / baseline.
        case higher
        /// Latency or memory: less is better; ratio = baseline / Parkline.
        case lower
    }

    var scenario: String
    var variant: String
    var metric: String
    var unit: String
    var value: Double
    var better: Better
    var baselineName: String?
    var baseline: Double?
    /// How close to the baseline: 1.0 is as fast, 0.5 half as fast. For a
    /// figure measured in pairs, the median of the pairs' ratios.
    var ratio: Double?
    /// For a figure measured in pairs: the smallest and largest pair ratio.
    var spread: [Double]?
    /// For a figure measured in pairs: how many.
    var pairs: Int?
    var target: String?
    var met: Bool?
    var note: String?

    init(_ scenario: Scenario, _ variant: String, metric: String, unit: String, value: Double, better: Better = .higher,
         baseline: (name: String, value: Double)? = nil, target: Target? = nil, note: String? = nil) {
        self.scenario = scenario.rawValue
        self.variant = variant
        self.metric = metric
        self.unit = unit
        self.value = value
        self.better = better
        self.baselineName = baseline?.name
        self.baseline = baseline?.value
        if let baseline, baseline.value > 0, value > 0 {
            ratio = better == .higher ? value / baseline.value : baseline.value / value
        }
        self.target = target?.description
        self.met = target?.isMet(value: value, ratio: ratio)
        self.note = note
    }

    /// A figure measured in pairs: the medians of Parkline's and the
    /// baseline's values, and the median of the pairs' ratios with their
    /// spread (`met` judges the median).
    init(_ scenario: Scenario, _ variant: String, metric: String, unit: String, pairs measured: Pairs, better: Better = .higher,
         baselineName: String, target: Target? = nil, note: String? = nil) {
        self.init(scenario, variant, metric: metric, unit: unit, value: Pairs.median(measured.parkline), better: better,
                  baseline: (baselineName, Pairs.median(measured.baseline)), note: note)
        let ratios = measured.ratios(better)
        if !ratios.isEmpty {
            ratio = Pairs.median(ratios)
            spread = [ratios.min()!, ratios.max()!]
            pairs = ratios.count
        }
        self.target = target?.description
        self.met = target?.isMet(value: value, ratio: ratio)
    }
}

/// Parkline and its baseline measured in turn, A B A B …, so that a machine
/// that gets busier or quieter during a run moves both alike; a first pair
/// warms caches and is not counted.
struct Pairs: Sendable {
    var parkline: [Double] = []
    var baseline: [Double] = []

    /// `count` pairs after a warm-up pair; each closure is told the round (0 is the warm-up).
    static func measure(_ count: Int, parkline: (Int) async throws -> Double, baseline: (Int) async throws -> Double) async throws -> Pairs {
        var pairs = Pairs()
        for round in 0...count {
            let ours = try await parkline(round)
            let theirs = try await baseline(round)
            if round > 0 {
                pairs.parkline.append(ours)
                pairs.baseline.append(theirs)
            }
        }
        return pairs
    }

    /// Each pair's ratio, oriented so that 1.0 is as good as the baseline.
    func ratios(_ better: Figure.Better) -> [Double] {
        zip(parkline, baseline).compactMap { ours, theirs in
            guard ours > 0, theirs > 0 else { return nil }
            return better == .higher ? ours / theirs : theirs / ours
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// A goal from the benchmark issue: a minimum ratio, or a bound on the value.
enum Target: Sendable, CustomStringConvertible {
    case ratioAtLeast(Double)
    case atLeast(Double, String)
    case atMost(Double, String)

    func isMet(value: Double, ratio: Double?) -> Bool? {
        switch self {
        case .ratioAtLeast(let minimum): ratio.map { $0 >= minimum }
        case .atLeast(let minimum, _): value >= minimum
        case .atMost(let maximum, _): value <= maximum
        }
    }

    var description: String {
        switch self {
        case .ratioAtLeast(let minimum): "ratio ≥ \(String(format: "%.2f", minimum))"
        case .atLeast(let minimum, let unit): "≥ \(Self.format(minimum)) \(unit)"
        case .atMost(let maximum, let unit): "≤ \(Self.format(maximum)) \(unit)"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}

/// Everything one run measured, with what it ran on.
struct BenchReport: Codable, Sendable {
    var startedAt: Date
    var quick: Bool
    var events: Int
    var machine: [String: String]
    var figures: [Figure] = []
    var failures: [String: String] = [:]

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    func table() -> String {
        let header = ["scenario", "case", "metric", "Parkline", "baseline (same run)", "ratio (spread)", "target", "met"]
        var rows: [[String]] = figures.map { figure in
            [
                figure.scenario,
                figure.variant,
                figure.metric,
                "\(Self.number(figure.value)) \(figure.unit)",
                figure.baseline.map { "\(Self.number($0)) \(figure.unit) (\(figure.baselineName ?? ""))" } ?? "—",
                figure.ratio.map { ratio in
                    String(format: "%.2f", ratio) + (figure.spread.map { String(format: " (%.2f–%.2f)", $0[0], $0[1]) } ?? "")
                } ?? "—",
                figure.target ?? "report",
                figure.met.map { $0 ? "yes" : "NO" } ?? "—",
            ]
        }
        for (scenario, reason) in failures.sorted(by: { $0.key < $1.key }) {
            rows.append([scenario, "failed", "", reason, "", "", "", "NO"])
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Three significant figures, grouped thousands.
    static func number(_ value: Double) -> String {
        if value >= 1000 {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 0
            formatter.groupingSeparator = ","
            let magnitude = pow(10, floor(log10(value)) - 2)
            return formatter.string(from: NSNumber(value: (value / magnitude).rounded() * magnitude)) ?? "\(value)"
        }
        if value >= 100 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
}

/// Latency samples in seconds, summarised in milliseconds.
struct Latencies: Sendable {
    private(set) var samples: [Double] = []

    mutating func add(_ duration: Duration) { samples.append(duration.seconds) }
    mutating func add(seconds: Double) { samples.append(seconds) }
    mutating func add(contentsOf other: Latencies) { samples += other.samples }

    var count: Int { samples.count }

    /// The `quantile` (0…1) in milliseconds, nearest-rank.
    func milliseconds(at quantile: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)] * 1000
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
