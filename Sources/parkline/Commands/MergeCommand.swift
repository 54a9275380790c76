import ArgumentParser
import Timeline

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Say that events are reports of one act: the timeline then shows one event.",
        discussion: """
            The event whose first report the log holds first keeps its id; the others' ids lead to it. \
            The resolver never splits what a person merged.

            Example:
              parkline merge 1b4e28ba-2fa1-41d2-883f-0016d3cca427 6fa459ea-ee8a-3ca4-894e-db77e160355e --reason "same signing, two papers"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Two or more event ids.") var eventIDs: [String]
    @Option(help: "Why they are one act.") var reason: String
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    func validate() throws {
        if eventIDs.count < 2 { throw ValidationError("give at least two event ids") }
    }

    func run() async throws {
        let ids = try eventIDs.map { try Session.input.eventID($0, field: "the event id") }
        try await Session.with(global) { session in
            let change = try await session.editor.merge(ids[0], with: Array(ids.dropFirst()), reason: reason, actor: Session.actor)
            try await session.readModel.catchUp()
            try EventPrinter(format: format).print([EventRecord(change.event)])
        }
    }
}
