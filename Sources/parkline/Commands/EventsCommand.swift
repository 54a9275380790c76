import ArgumentParser
import Timeline

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
        if let remote = try await global.remote() {
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
