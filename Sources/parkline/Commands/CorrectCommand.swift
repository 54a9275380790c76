import ArgumentParser
import Timeline

struct CorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct an event's date, type or title; its history keeps the old values.",
        discussion: """
            Queries with --as-of before the correction still show the old values.

            Example:
              parkline correct 1b4e28ba-2fa1-41d2-883f-0016d3cca427 --date 2022-09 --reason "the report gives only the month"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id.") var eventID: String
    @Option(help: "New date: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1 or YYYY-H1.") var date: String?
    @Option(help: "New type.") var type: String?
    @Option(help: "New title.") var title: String?
    @Option(help: "Why it is corrected.") var reason: String
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    func validate() throws {
        if date == nil && type == nil && title == nil {
            throw ValidationError("give at least one of --date, --type or --title")
        }
    }

    func run() async throws {
        let id = try Session.input.eventID(eventID, field: "the event id")
        let correction = TimelineEditor.Correction(
            type: try Session.input.eventType(type), date: try Session.input.eventDate(date), title: title, reason: reason)
        try await Session.with(global) { session in
            let change = try await session.editor.correct(id, correction, actor: Session.actor)
            try await session.readModel.catchUp()
            try EventPrinter(format: format).print([EventRecord(change.event)])
        }
    }
}
