import ArgumentParser
import Foundation
import Timeline

/// Filters shared by `timeline` and `events`.
struct EventFilterOptions: ParsableArguments {
    @Option(help: "Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).") var from: String?
    @Option(help: "Only events on or before this date.") var to: String?
    @Option(help: "Only this type: signing, groundbreaking, opening, completion, meeting, visit, award, policy.") var type: String?
    @Option(name: .customLong("as-of"), help: "Answer with what the log said at this time (ISO 8601, or a day).") var asOf: String?
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    /// The filters as the HTTP API's query items.
    var queryItems: [(String, String?)] {
        [("from", from), ("to", to), ("type", type), ("as_of", asOf)]
    }

    func filter(parkID: String?) throws -> TimelineQueries.Filter {
        if let type, !["signing", "groundbreaking", "opening", "completion", "meeting", "visit", "award", "policy"].contains(type) {
            throw CLIError("--type \(type) is not an event type: use signing, groundbreaking, opening, completion, meeting, visit, award or policy")
        }
        return TimelineQueries.Filter(
            parkID: parkID, type: type,
            from: try DateBound.parse(from, upper: false, flag: "--from"),
            to: try DateBound.parse(to, upper: true, flag: "--to"),
            asOf: try DateBound.timestamp(asOf)
        )
    }
}

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A park's events in date order.",
        discussion: """
            The park may be given by id, name or alias (苏锡通, 苏锡通园区 and 苏锡通科技产业园区 are one park).

            Examples:
              parkline timeline --park 苏锡通
              parkline timeline --park suxitong --from 2022-06 --type signing --format csv
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Park id, name or alias.") var park: String
    @OptionGroup var filters: EventFilterOptions

    func run() async throws {
        if let remote = try global.remote {
            let (summary, events) = try await remote.events(
                "/v1/parks/\(RemoteTimeline.path(park))/timeline" + RemoteTimeline.query(filters.queryItems))
            if filters.format == .table, let summary {
                print("\(summary.name) (\(summary.id)): \(events.count) events")
            }
            try EventPrinter(format: filters.format).print(events)
            return
        }
        try await Session.with(global) { session in
            let resolved = try await session.resolvePark(park)
            let events = try await session.queries.events(filters.filter(parkID: resolved.id))
            if filters.format == .table {
                print("\(resolved.name) (\(resolved.id)): \(events.count) events")
            }
            try EventPrinter(format: filters.format).print(events.map(EventRecord.init))
        }
    }
}

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Events of every park (or one), in date order.",
        discussion: """
            `--format ndjson` prints one event per line in the format the extraction scorer reads.

            Example:
              parkline events --type award --format ndjson
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this park (id, name or alias).") var park: String?
    @OptionGroup var filters: EventFilterOptions

    func run() async throws {
        if let remote = try global.remote {
            let (_, events) = try await remote.events("/v1/events" + RemoteTimeline.query([("park", park)] + filters.queryItems))
            try EventPrinter(format: filters.format).print(events)
            return
        }
        try await Session.with(global) { session in
            var parkID: String?
            if let park { parkID = try await session.resolvePark(park).id }
            let events = try await session.queries.events(filters.filter(parkID: parkID))
            try EventPrinter(format: filters.format).print(events.map(EventRecord.init))
        }
    }
}

struct ParksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parks",
        abstract: "Parks with their event counts and first and last event dates.",
        discussion: "Example:\n  parkline parks --format json"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    func run() async throws {
        try await Session.with(global) { session in
            let parks = try await session.queries.parks()
            switch format {
            case .table:
                print(TextTable(headers: ["ID", "NAME", "CITY", "EVENTS", "FIRST", "LAST"], rows: parks.map {
                    [$0.id, $0.name, $0.city ?? "", String($0.events), $0.first ?? "", $0.last ?? ""]
                }).render())
            case .csv:
                print("id,name,city,events,first,last")
                for park in parks {
                    print([park.id, park.name, park.city ?? "", String(park.events), park.first ?? "", park.last ?? ""]
                        .map(EventPrinter.csvField).joined(separator: ","))
                }
            case .json, .ndjson:
                let encoder = JSONEncoder()
                encoder.outputFormatting = format == .json ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
                if format == .json {
                    print(String(decoding: try encoder.encode(parks), as: UTF8.self))
                } else {
                    for park in parks { print(String(decoding: try encoder.encode(park), as: UTF8.self)) }
                }
            }
        }
    }
}

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One event with its evidence and its history (every version and when it was known).",
        discussion: "Example:\n  parkline show 3f2c9a1e-…"
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Event id (from `parkline events --format json`).") var id: String

    func run() async throws {
        guard let uuid = UUID(uuidString: id) else { throw CLIError("\(id) is not an event id (a UUID)") }
        try await Session.with(global) { session in
            let history = try await session.queries.history(of: uuid)
            guard let current = history.last else { throw CLIError("no event has id \(id)") }
            let event = current.event
            print("\(EventRecord(event).label)  \(event.type)  \(event.park.name)\(current.retracted ? "  (retracted)" : "")")
            print("title:    \(event.title)")
            print("evidence: \(event.evidence ?? "")")
            print("subjects: \(event.subjects.joined(separator: "、"))")
            if let document = event.source.document {
                print("source:   \(document), published \(event.source.published ?? "?"), read by \(event.source.extractorVersion ?? "?")")
            }
            if let person = event.source.recordedBy { print("recorded: by \(person)") }
            print("history:")
            let formatter = ISO8601DateFormatter()
            for version in history {
                let state = version.retracted ? "retracted" : "\(EventRecord(version.event).label) \(version.event.type) \(version.event.title)"
                print("  v\(version.version) known from \(formatter.string(from: version.knownFrom)): \(state)")
            }
        }
    }
}
