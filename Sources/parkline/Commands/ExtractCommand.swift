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

            Example:
              parkline extract seeds --format ndjson > events.ndjson
            """
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Option(help: "Publication date (YYYY-MM-DD) for documents that neither state one nor have a manifest entry.")
    var published: String?

    @Option(help: "Gazetteer of parks (default: seeds/parks.json when present).")
    var parks: String?

    @Option(help: "Output format: table, ndjson or json.")
    var format: OutputFormat = .table

    func run() async throws {
        let date = try published.map { text -> CivilDate in
            guard let date = CivilDate(iso: text) else { throw ValidationError("--published must be YYYY-MM-DD, not \(text)") }
            return date
        }
        let documents = try DocumentSet.load(paths: paths, published: date)
        let extractor = Extractor(gazetteer: try GazetteerFile.load(parks))
        var records: [EventRecord] = []
        for document in documents.documents {
            records += try extractor.extract(document).events.map(EventRecord.init)
        }
        try EventPrinter(format: format).print(records)
    }
}
