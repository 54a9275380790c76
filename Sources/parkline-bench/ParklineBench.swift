import ArgumentParser
import AsyncHTTPClient
import EventStore
import Extraction
import Foundation
import Logging
import Timeline
import TimelineServer

/// Parkline's hot paths, each measured beside a raw PostgreSQL baseline from
/// the same run on the same cluster, reported as ratios.
@main
struct ParklineBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkline-bench",
        abstract: "Measure Parkline's hot paths beside raw PostgreSQL baselines (build with -c release).",
        subcommands: [Run.self, Soak.self, Compare.self, Serve.self],
        defaultSubcommand: Run.self
    )
}

/// What the benchmark can measure.
enum Scenario: String, ExpressibleByArgument, CaseIterable, Codable, Sendable {
    case appendBatch = "append-batch"
    case appendSingle = "append-single"
    case appendContended = "append-contended"
    case growth
    case readAll = "read-all"
    case rebuild
    case query
    case subscribe
    case extract
    case memory
    case ingest
    case transfer = "export-import"
}

/// How big each scenario runs: full, or `--quick` (seconds in all, for the test that keeps the benchmark working).
struct Scale: Sendable {
    var quick: Bool
    var events: Int
    var batchTransactions: Int
    var writerCounts = [1, 8, 32]
    var duration: Duration
    var growthStages: [Int]
    var growthAppendEvents: Int
    /// Parks the large log spreads over (few in --quick, so every park has events).
    var parkCount: Int
    /// Rounds of the ingest scenario, each way.
    var ingestRounds: Int
    var readPage = 1000
    var queries: Int
    var httpDuration: Duration
    var subscriberCounts: [Int]
    var probes: Int
    var probeInterval: Duration
    var extractMegabytes: Double
    /// Measured pairs (Parkline, then its baseline) of the scenarios measured in turn, after a warm-up pair.
    var pairs: Int

    init(quick: Bool, events: Int?, pairs: Int? = nil) {
        self.quick = quick
        self.pairs = pairs ?? (quick ? 1 : 5)
        let events = events ?? (quick ? 3000 : 1_000_000)
        self.events = events
        batchTransactions = quick ? 3 : 100
        duration = quick ? .milliseconds(300) : .seconds(5)
        growthStages = Array(Set([events / 100, events / 10, events].map { max($0, 1000) })).sorted()
        parkCount = quick ? 20 : 1000
        ingestRounds = quick ? 1 : 10
        growthAppendEvents = quick ? 1000 : 20_000
        queries = quick ? 50 : 2000
        httpDuration = quick ? .seconds(1) : .seconds(5)
        subscriberCounts = quick ? [1, 10, 50] : [1, 100, 1000]
        probes = quick ? 4 : 30
        probeInterval = quick ? .milliseconds(30) : .milliseconds(100)
        extractMegabytes = quick ? 0.2 : 10
    }
}

extension ParklineBench {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run scenarios (all by default), print a table and write bench-results.json.",
            discussion: """
                Starts a throwaway PostgreSQL cluster under /tmp unless --database-url is given \
                (then it creates and drops parkline_bench_* databases there).

                Examples:
                  swift run -c release parkline-bench
                  swift run -c release parkline-bench append-batch query --events 100000
                  swift run parkline-bench --quick
                """
        )

        @Argument(help: "Scenarios: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")) (default: all).")
        var scenarios: [Scenario] = []

        @Option(help: "Events in the large log of growth, read-all, rebuild and query (default: 1000000; --quick: 3000).")
        var events: Int?

        @Option(name: .customLong("repeat"), help: ArgumentHelp(
            "Pairs measured in turn (Parkline, baseline, Parkline, …), after a warm-up pair; for HTTP, rounds of cached and uncached in turn (default: 5; --quick: 1).",
            valueName: "pairs"))
        var pairs: Int?

        @Flag(help: "Every scenario at tiny scale, in seconds: checks the benchmark works, measures nothing useful.")
        var quick = false

        @Option(help: "Output: table or json.")
        var format: OutputStyle = .table

        @Option(help: ArgumentHelp("Measure on an existing PostgreSQL server instead of a throwaway cluster.", valueName: "url"))
        var databaseURL: String?

        @Option(help: "Where to write the results as JSON.")
        var output = "bench-results.json"

        @Option(help: "Folder of seed documents (for extract).")
        var seeds = "seeds"

        @Flag(help: ArgumentHelp("Keep the parkline_bench_* databases (with --database-url, for profiling).", visibility: .hidden))
        var keepDatabases = false

        enum OutputStyle: String, ExpressibleByArgument { case table, json }

        func validate() throws {
            if let events, events < 1000 { throw ValidationError("--events must be at least 1000") }
            if let pairs, !(1...100).contains(pairs) { throw ValidationError("--repeat must be from 1 to 100 pairs") }
        }

        func run() async throws {
            var logger = Logger(label: "parkline-bench")
            logger.logLevel = .error
            FileLimit.raiseToHard()
            let selected = Set(scenarios.isEmpty ? Scenario.allCases : scenarios)
            let scale = Scale(quick: quick, events: events, pairs: pairs)
            let environment = try await BenchEnvironment.start(databaseURL: databaseURL, keepDatabases: keepDatabases, logger: logger)
            defer { environment.shutDown() }
            var report = BenchReport(startedAt: Date(), quick: quick, events: scale.events,
                                     machine: try await machine(environment))
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 4096)))
            do {
                try await BenchRunner(environment: environment, scale: scale, http: http, seeds: seeds, selected: selected)
                    .run(into: &report)
            } catch {
                try? await http.shutdown()
                throw error
            }
            try await http.shutdown()
            try report.write(to: output)
            switch format {
            case .table:
                print(report.table())
                print("\nratio: Parkline relative to the baseline (1.00 = as fast; for latency and memory, baseline ÷ Parkline).")
                print("(spread): figures measured in pairs, in turn with their baseline: the median ratio, and the smallest and largest pair's.")
                print("Written to \(output).")
            case .json:
                print(String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self))
            }
            if !report.failures.isEmpty { throw ExitCode(1) }
        }

        /// What two results must share to be compared: the machine, the
        /// server and the settings that move figures, and the commit measured.
        private func machine(_ environment: BenchEnvironment) async throws -> [String: String] {
            var machine = [
                "cores": String(ProcessInfo.processInfo.activeProcessorCount),
                "memory_gib": String(format: "%.0f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
                "build": buildConfiguration,
                "database": databaseURL == nil ? "throwaway embedded cluster" : "given by --database-url",
                "commit": Self.gitCommit() ?? "unknown",
            ]
            let settings = try await environment.settings(["server_version", "shared_buffers", "synchronous_commit", "fsync"])
            machine["postgresql"] = settings["server_version"] ?? "?"
            for name in ["shared_buffers", "synchronous_commit", "fsync"] { machine[name] = settings[name] ?? "?" }
            return machine
        }

        /// The commit of the working directory, with `+changes` when it has uncommitted ones.
        static func gitCommit() -> String? {
            func git(_ arguments: [String]) -> String? {
                guard let child = try? ChildProcess.spawn(["/usr/bin/env", "git"] + arguments) else { return nil }
                defer { child.discardOutput() }
                guard child.waitBlocking() == 0 else { return nil }
                return child.output.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard let commit = git(["rev-parse", "HEAD"]) else { return nil }
            return git(["status", "--porcelain", "--untracked-files=no"]).map { $0.isEmpty ? commit : commit + "+changes" } ?? commit
        }
    }

    /// The daemon, for measuring it in a process of its own when no
    /// `parklined` binary sits next to this one.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", shouldDisplay: false)

        @Option var databaseURL: String
        @Option var port = 0
        @Flag var noSeed = false
        @Option var logLevel = "notice"

        func run() async throws {
            var logger = Logger(label: "parklined")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
            let settings = try await ParklineSettings.load(flags: [.databaseURL: databaseURL, .port: String(port), .host: "127.0.0.1"])
            let configuration = try ServerConfiguration(settings: settings, seedFolder: nil)
            try await buildApplication(configuration: configuration, logger: logger).runService()
        }
    }
}

/// Runs the selected scenarios in an order that shares the large log.
struct BenchRunner {
    let environment: BenchEnvironment
    let scale: Scale
    let http: HTTPClient
    let seeds: String
    let selected: Set<Scenario>

    func run(into report: inout BenchReport) async throws {
        let appends = AppendBenchmarks(environment: environment, scale: scale)
        await measure(.appendBatch, &report) { try await appends.batch() }
        await measure(.appendSingle, &report) { try await appends.single() }
        await measure(.appendContended, &report) { try await appends.contended() }

        let onLog: [Scenario] = [.growth, .readAll, .rebuild, .query, .ingest, .transfer]
        if !selected.isDisjoint(with: onLog) {
            try await environment.withDatabase("log") { db in
                let log = LogBenchmarks(db: db, scale: scale)
                await measure(.growth, &report) { try await log.growth() }
                if selected.contains(where: { $0 != .growth && onLog.contains($0) }) {
                    progress("building a log of \(scale.events) events")
                    try await log.grow(to: scale.events)
                }
                await measure(.readAll, &report) { try await log.readAll() }
                await measure(.rebuild, &report) { try await log.rebuild() }
                await measure(.transfer, &report) {
                    try await TransferBenchmark(environment: environment, db: db, size: log.size).run()
                }
                await measure(.ingest, &report) {
                    try await IngestBenchmark(db: db, seeds: seeds, rounds: scale.ingestRounds, logSize: log.size).run()
                }
                await measure(.query, &report) {
                    let local = try await log.query()
                    let remote = try await LiveBenchmarks(environment: environment, scale: scale, http: http)
                        .httpQueries(database: "parkline_bench_log", parkCount: scale.parkCount, events: log.size)
                    return local + remote
                }
            }
        }
        if selected.contains(.subscribe) || selected.contains(.memory) {
            let live = LiveBenchmarks(environment: environment, scale: scale, http: http)
            let figures = await measured(selected.contains(.subscribe) ? .subscribe : .memory) {
                try await live.subscribeAndMemory(subscribe: selected.contains(.subscribe), memory: selected.contains(.memory))
            }
            switch figures {
            case .success(let figures): report.figures += figures
            case .failure(let error):
                for scenario in [Scenario.subscribe, .memory] where selected.contains(scenario) {
                    report.failures[scenario.rawValue] = String(describing: error)
                }
            }
        }
        await measure(.extract, &report) {
            try ExtractionBenchmark(seedFolder: seeds, megabytes: scale.extractMegabytes).run()
        }
    }

    /// Run one scenario if selected; a failure is reported and the run goes on.
    private func measure(_ scenario: Scenario, _ report: inout BenchReport, _ body: () async throws -> [Figure]) async {
        guard selected.contains(scenario) else { return }
        switch await measured(scenario, body) {
        case .success(let figures): report.figures += figures
        case .failure(let error): report.failures[scenario.rawValue] = String(describing: error)
        }
    }

    private func measured(_ scenario: Scenario, _ body: () async throws -> [Figure]) async -> Result<[Figure], any Error> {
        progress("\(scenario.rawValue)…")
        do {
            return .success(try await body())
        } catch {
            progress("\(scenario.rawValue) failed: \(error)")
            return .failure(error)
        }
    }
}

#if DEBUG
let buildConfiguration = "debug"
#else
let buildConfiguration = "release"
#endif

/// Progress on standard error, so standard output stays the table or JSON.
func progress(_ text: String) {
    FileHandle.standardError.write(Data("parkline-bench: \(text)\n".utf8))
}

/// Extraction throughput on one core: the seeds, repeated to the requested size.
struct ExtractionBenchmark {
    var seedFolder: String
    var megabytes: Double

    func run() throws -> [Figure] {
        let documents = try DocumentSet.load(paths: [seedFolder]).documents
        let extractor = Extractor(gazetteer: try GazetteerFile.load(nil))
        let bytesPerRound = documents.reduce(0) { $0 + $1.text.utf8.count }
        let rounds = max(1, Int((megabytes * 1_000_000 / Double(bytesPerRound)).rounded(.up)))
        var events = 0
        let elapsed = try ContinuousClock().measure {
            for _ in 0..<rounds {
                for document in documents {
                    events += try extractor.extract(document).events.count
                }
            }
        }
        let megabytesRead = Double(bytesPerRound * rounds) / 1_000_000
        return [Figure(.extract, String(format: "%.1f MB of seeds, one core", megabytesRead), metric: "extract", unit: "MB/s",
                       value: megabytesRead / elapsed.seconds, target: .atLeast(2, "MB/s"),
                       note: "\(events) events from \(documents.count * rounds) documents")]
    }
}
