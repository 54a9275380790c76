import ArgumentParser
import Timeline

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
        if let remote = try await global.remote() {
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
