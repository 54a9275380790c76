import ArgumentParser
import Timeline

struct SplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Say that a report is of another act: it becomes its own event again.",
        discussion: """
            Give a report's id (`parkline show` lists them) to take that report off its event, or an \
            event's id to take every other report off it. The resolver never merges them back.

            Example:
              parkline split 6fa459ea-ee8a-3ca4-894e-db77e160355e --reason "a different company's signing"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A report's id, or an event's id.") var id: String
    @Option(help: "Why it is another act.") var reason: String

    func run() async throws {
        let id = try Session.input.eventID(id, field: "the event id")
        try await Session.with(global) { session in
            let change = try await session.editor.split(id, reason: reason, actor: Session.actor)
            try await session.readModel.catchUp()
            print("split: \(change.event.eventId.uuidString.lowercased()) now has \(change.event.allReports.count) report(s)")
        }
    }
}
