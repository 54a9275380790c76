import ArgumentParser
import Timeline

struct RetractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Retract an event that is wrong; its history keeps it.",
        discussion: """
            Example:
              parkline retract 1b4e28ba-2fa1-41d2-883f-0016d3cca427 --reason "duplicate of another report"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id.") var eventID: String
    @Option(help: "Why it is retracted.") var reason: String

    func run() async throws {
        let id = try Session.input.eventID(eventID, field: "the event id")
        try await Session.with(global) { session in
            let change = try await session.editor.retract(id, reason: reason, actor: Session.actor)
            try await session.readModel.catchUp()
            print("retracted \(id.uuidString.lowercased()): \(change.event.date) \(change.event.title)")
        }
    }
}
