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
        let date = try Session.input.day(published)
        let documents = try DocumentSet.load(paths: paths, published: date, source: source)
        let extractor = Extractor(gazetteer: try await global.gazetteer(parks: parks))
        let showProgress = isatty(STDERR_FILENO) == 1 && documents.documents.count > 20
        try await Session.with(global, project: false) { session in
            let ingest = DocumentIngest(store: session.database.store, readModel: session.readModel, extractor: extractor,
                                        settleTimeout: .seconds(60), logger: session.database.logger)
            let summary = try await ingest.ingest(documents.documents) { done, total in
                if showProgress { FileHandle.standardError.write(Data("\rreading \(done)/\(total)".utf8)) }
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            for report in summary.reports {
                switch report.outcome {
                case let .new(events):
                    print("\(report.document): \(events) events recorded")
                case .unchanged:
                    print("\(report.document): unchanged (already ingested with \(Extractor.version)), nothing written")
                case let .reread(plus, corrected, minus):
                    print("\(report.document): re-read with \(Extractor.version): \(plus) new, \(corrected) corrected, \(minus) retracted")
                }
            }
            print("\(summary.reports.count) documents, \(summary.newEvents) new events")
        }
    }
}
