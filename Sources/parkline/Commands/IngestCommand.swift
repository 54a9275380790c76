import ArgumentParser
import Extraction
import Foundation
import Timeline

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read documents and append what they report to the event log.",
        discussion: """
            Files, folders or web pages (http:// and https:// addresses); a folder's \
            manifest.json gives publication dates and sources. HTML files and pages are \
            read for their article alone (menus, sidebars, scripts and footers left out), \
            in the charset they declare (GBK pages too), with the publication date the \
            page gives. Everything given is recorded, or (when one input is bad) nothing. \
            Ingesting the same text again writes nothing; a page fetched before is asked \
            for only if it changed.

            Examples:
              parkline ingest seeds
              parkline ingest news.txt --published 2024-05-01 --source 新华日报
              parkline ingest page.html
              parkline ingest https://www.example.gov.cn/news/2024/0510.html
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Files, folders or http(s) addresses to ingest.") var paths: [String]
    @Option(help: "Publication date (YYYY-MM-DD) for files without one in the page or a manifest.") var published: String?
    @Option(help: "Source name for files without a manifest entry.") var source: String?
    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).") var parks: String?

    func run() async throws {
        let date = try Session.input.day(published)
        let urls = paths.filter(WebAddress.isWebAddress)
        let documents = try DocumentSet.load(paths: paths.filter { !WebAddress.isWebAddress($0) }, published: date, source: source)
        let extractor = Extractor(gazetteer: try await global.gazetteer(parks: parks))
        let showProgress = isatty(STDERR_FILENO) == 1 && documents.documents.count + urls.count > 20
        try await Session.with(global, project: false) { session in
            let ingest = DocumentIngest(store: session.database.store, readModel: session.readModel, extractor: extractor,
                                        settleTimeout: .seconds(60), logger: session.database.logger)
            let progress = { (done: Int, total: Int) in
                if showProgress { FileHandle.standardError.write(Data("\rreading \(done)/\(total)".utf8)) }
            }
            let summary = urls.isEmpty
                ? try await ingest.ingest(documents.documents, progress: progress)
                : try await session.withWeb(ingest) { web in
                    try await web.ingest(urls: urls, with: documents.documents, published: date, source: source, progress: progress)
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
