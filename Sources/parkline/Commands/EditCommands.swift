import ArgumentParser
import Extraction
import Foundation
import Projections
import Timeline

/// `record`, `retract` and `correct`: hand edits, appended to `park-<id>`.
extension Session {
    var editor: TimelineEditor {
        TimelineEditor(store: database.store, queries: queries, projector: projector)
    }

    static var actor: String {
        "parkline CLI (\(ProcessInfo.processInfo.environment["USER"] ?? "unknown user"))"
    }
}

enum EditArguments {
    static func type(_ text: String?) throws -> EventType? {
        guard let text else { return nil }
        guard let type = EventType(rawValue: text) else {
            throw CLIError("--type \(text) is not an event type: use \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    static func date(_ text: String?) throws -> EventDate? {
        guard let text else { return nil }
        guard let date = EventDate(parsing: text) else {
            throw CLIError("--date \(text) is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1..Q4 or YYYY-H1/H2")
        }
        return date
    }

    static func eventID(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw CLIError("\(text) is not an event id: ids look like 1b4e28ba-2fa1-41d2-883f-0016d3cca427 (see `parkline events --format json`)")
        }
        return id
    }
}

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record an event by hand (one the documents do not report).",
        discussion: """
            Appends a TimelineEventRecorded to the park's stream and prints the new event.

            Example:
              parkline record --park 苏锡通 --type signing --date 2024-05-01 --title "某新能源项目签约"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Park id, name or alias (parks of the gazetteer count even before their first event).") var park: String
    @Option(help: "Event type: signing, groundbreaking, opening, completion, meeting, visit, award or policy.") var type: String
    @Option(help: "When: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1 or YYYY-H1.") var date: String
    @Option(help: "What happened, in one line.") var title: String
    @Option(help: "The words that report it, if any.") var evidence: String?
    @Option(help: "Where it was reported (a source name or URL).") var source: String?
    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).") var parks: String?
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    func run() async throws {
        let type = try EditArguments.type(type)!
        let date = try EditArguments.date(date)!
        let gazetteer = try GazetteerFile.load(parks)
        try await Session.with(global) { session in
            let target = try await session.queries.resolvePark(park, gazetteer: gazetteer.parks)
            let recording = TimelineEditor.Recording(
                park: ParkPayload(id: target.id, name: target.name, aliases: target.aliases, city: target.city),
                type: type, date: date, title: title, evidence: evidence, source: source
            )
            let change = try await session.editor.record(recording, actor: Session.actor)
            try await session.projector.catchUp()
            try EventPrinter(format: format).print([EventRecord(change.event)])
        }
    }
}

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
        let id = try EditArguments.eventID(eventID)
        try await Session.with(global) { session in
            let change = try await session.editor.retract(id, reason: reason, actor: Session.actor)
            try await session.projector.catchUp()
            print("retracted \(id.uuidString.lowercased()): \(change.event.date) \(change.event.title)")
        }
    }
}

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
        let id = try EditArguments.eventID(eventID)
        let correction = TimelineEditor.Correction(
            type: try EditArguments.type(type), date: try EditArguments.date(date), title: title, reason: reason)
        try await Session.with(global) { session in
            let change = try await session.editor.correct(id, correction, actor: Session.actor)
            try await session.projector.catchUp()
            try EventPrinter(format: format).print([EventRecord(change.event)])
        }
    }
}
