import ArgumentParser
import Timeline
import TimelineEvents

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
        let type = try Session.input.eventType(type)!
        let date = try Session.input.eventDate(date)!
        let gazetteer = try await global.gazetteer(parks: parks)
        try await Session.with(global) { session in
            let target = try await session.queries.resolvePark(park, gazetteer: gazetteer.parks)
            let recording = TimelineEditor.Recording(
                park: ParkPayload(id: target.id, name: target.name, aliases: target.aliases, city: target.city),
                type: type, date: date, title: title, evidence: evidence, source: source
            )
            let change = try await session.editor.record(recording, actor: Session.actor)
            try await session.readModel.catchUp()
            try EventPrinter(format: format).print([EventRecord(change.event)])
        }
    }
}
