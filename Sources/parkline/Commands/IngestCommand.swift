import ArgumentParser
import Extraction
import Foundation
import Timeline

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read documents and append what they report to the event log.",
        discussion: """
            Files or folders; a folder's manifest.json gives publication dates and sources. \
            Everything given is recorded, or (when one file is bad) nothing. Ingesting the \
            same text again writes nothing.

            Examples:
              parkline ingest seeds
              parkline ingest news.txt --published 2024-05-01 --source 新华日报
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Files or folders to ingest.") var paths: [String]
    @Option(help: "Publication date (YYYY-MM-DD) for files without one in the page or a manifest.") var published: String?
    @Option(help: "Source name for files without a manifest entry.") var source: String?
    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).") var parks: String?

    func run() async throws {
        let date = try published.map { text -> CivilDate in
            guard let date = CivilDate(iso: text) else { throw ValidationError("--published must be YYYY-MM-DD, not \(text)") }
            return date
        }
        let documents = try DocumentSet.load(paths: paths, published: date, source: source)
        let extractor = Extractor(gazetteer: try GazetteerFile.load(parks))
        let showProgress = isatty(STDERR_FILENO) == 1 && documents.documents.count > 20
        try await Session.with(global, project: false) { session in
            let ingestor = Ingestor(store: session.database.store, extractor: extractor, logger: session.database.logger)
            let reports = try await ingestor.ingest(documents.documents) { done, total in
                if showProgress { FileHandle.standardError.write(Data("\rreading \(done)/\(total)".utf8)) }
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            try await session.projector.catchUp()
            var added = 0
            for report in reports {
                switch report.outcome {
                case let .new(events):
                    added += events
                    print("\(report.document): \(events) events recorded")
                case .unchanged:
                    print("\(report.document): unchanged (already ingested with \(Extractor.version)), nothing written")
                case let .reread(plus, corrected, minus):
                    added += plus
                    print("\(report.document): re-read with \(Extractor.version): \(plus) new, \(corrected) corrected, \(minus) retracted")
                }
            }
            print("\(reports.count) documents, \(added) new events")
        }
    }
}
