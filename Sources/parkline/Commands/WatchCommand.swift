import ArgumentParser
import Extraction
import Foundation
import Timeline

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow parks' news feeds and lists, ingesting new articles as they appear.",
        discussion: """
            Each round reads every address once: an RSS or Atom feed, a news list page \
            (its article links on the same site) or a single page. Articles not fetched \
            before are fetched, read and ingested one by one; a page that fails is named \
            and the round goes on. What was fetched is remembered in the database, so a \
            restart does not fetch everything again, and an unchanged feed costs a 304. \
            Sites are read politely: robots.txt is honoured, one request at a time per \
            host. Stops at Ctrl-C.

            Examples:
              parkline watch https://www.example.gov.cn/news/rss.xml
              parkline watch https://www.example.gov.cn/xwzx/ --every 2h
              parkline watch https://www.example.gov.cn/xwzx/ --once
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Feeds, news lists or pages to follow (http:// or https://).") var urls: [String]
    @Option(help: "Pause between rounds: 90s, 30m, 6h (default: 30m).") var every: String?
    @Flag(help: "Run one round and exit.") var once = false
    @Option(help: "More parks for the bundled gazetteer: a JSON array of {id, name, aliases, city, province} (or $PARKLINE_PARKS).") var parks: String?

    func validate() throws {
        if let address = urls.first(where: { !WebAddress.isWebAddress($0) }) {
            throw ValidationError("\(address) is not an http:// or https:// address: watch follows web pages; ingest files with `parkline ingest`")
        }
    }

    func run() async throws {
        let pause = try Session.input.interval(every) ?? .seconds(30 * 60)
        let extractor = Extractor(gazetteer: try await global.gazetteer(parks: parks))
        let terminal = isatty(STDERR_FILENO) == 1
        try await Session.with(global, project: false) { session in
            let documents = DocumentIngest(store: session.database.store, readModel: session.readModel, extractor: extractor,
                                           settleTimeout: .seconds(60), logger: session.database.logger)
            try await session.withWeb(documents) { web in
                let urls = self.urls
                let once = self.once
                try await SignalWatcher.untilInterrupted {
                    var number = 0
                    while !Task.isCancelled {
                        number += 1
                        let round = await web.watchRound(urls) { line in
                            if terminal { FileHandle.standardError.write(Data("  \(line)\n".utf8)) }
                        }
                        print("round \(number) at \(Self.clock()): \(round.line)")
                        if once { return }
                        try await Task.sleep(for: pause)
                    }
                }
            }
        }
    }

    static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date())
    }
}
