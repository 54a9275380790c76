import ArgumentParser

@main
struct Parkline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkline",
        abstract: "Timelines of Chinese industrial parks, kept as an event log in PostgreSQL.",
        discussion: """
            With no configuration Parkline runs its own PostgreSQL cluster in ./.parkline \
            (set PARKLINE_HOME or --data-dir to move it, PARKLINE_DATABASE_URL or \
            --database-url to use an existing server).

            Example:
              parkline db status
            """,
        subcommands: [
            IngestCommand.self, TimelineCommand.self, EventsCommand.self, ParksCommand.self, ShowCommand.self,
            RecordCommand.self, RetractCommand.self, CorrectCommand.self, MergeCommand.self, SplitCommand.self,
            ReplayCommand.self, SubscribeCommand.self, WatchCommand.self, ExtractCommand.self, ExportCommand.self, ImportCommand.self,
            DBCommand.self,
        ]
    )
}
