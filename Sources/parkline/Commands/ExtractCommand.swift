import ArgumentParser
import Extraction
import Foundation
import Timeline

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the events Parkline reads in documents, without storing anything.",
        discussion: """
            Reads files or folders (a folder's manifest.json gives publication dates) and prints \
            one event per line as JSON (the format of `parkline events --format ndjson`).

            With --explain, prints for every sentence with a date or a trigger word why it did \
            or did not become an event: the dates it resolved, the triggers it found, and the \
            outcome (an event, no park, a plan, no date, a year alone, …).

            Examples:
              parkline extract seeds --format ndjson > events.ndjson
              parkline extract --explain --published 2023-06-20 page.txt
            """
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Option(help: "Publication date (YYYY-MM-DD) for documents that neither state one nor have a manifest entry.")
    var published: String?

    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).")
    var parks: String?

    @Option(help: "Output format: table, ndjson or json.")
    var format: OutputFormat = .table

    @Flag(help: "For every sentence with a date or a trigger, say why it did or did not become an event.")
    var explain = false

    func run() async throws {
        let date = try TimelineInput(.flag).day(published)
        let documents = try DocumentSet.load(paths: paths, published: date)
        let settings = try await ParklineSettings.load(flags: [.parks: parks])
        let extractor = Extractor(gazetteer: try GazetteerFile.load(settings.text(.parks)))
        var records: [EventRecord] = []
        for document in documents.documents {
            let result = try extractor.extract(document, explain: explain)
            if explain {
                ExplanationPrinter(format: format).print(document: document.name, result: result)
                continue
            }
            records += result.events.map(EventRecord.init)
        }
        if !explain { try EventPrinter(format: format).print(records) }
    }
}
