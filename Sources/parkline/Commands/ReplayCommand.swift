import ArgumentParser
import EventStore
import Foundation
import Timeline

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Print the raw log in log order, one JSON event a line (or rebuild the read models).",
        discussion: """
            Each line is one log event as GET /v1/log gives it: position, cursor (resume after it \
            with --from), stream, stream_version, id, type, recorded_at, data and metadata.

            Examples:
              parkline replay | head
              parkline replay --from 812-40 --category document
              parkline replay --rebuild
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Resume after this cursor (as printed on each line).") var from: String?
    @Option(help: "Only this stream (e.g. park-suxitong).") var stream: String?
    @Option(help: "Only streams of this category (e.g. document).") var category: String?
    @Option(help: "Stop after this many events.") var limit: Int?
    @Flag(help: "Replay the whole log into fresh read models instead of printing it.") var rebuild = false

    func run() async throws {
        try await Session.with(global, project: false) { session in
            if rebuild {
                // Replacing the tables is the owner's right (the embedded cluster's everyday role has not got it).
                let logger = session.database.logger
                let count = try await session.database.withOwner { owner in
                    try await ReadModel(client: owner, logger: logger).rebuild()
                }
                print("rebuilt the timeline read models from \(count) log events")
                return
            }
            if let stream {
                let name = try StreamName(stream)
                for event in try await session.database.store.read(stream: name, limit: limit ?? 1_000_000) {
                    print(LogLine(event).jsonLine())
                }
                return
            }
            var cursor: LogCursor
            switch try Session.input.start(from ?? "start") {
            case .start: cursor = .start
            case .end: cursor = try await session.database.store.headCursor()
            case .after(let after): cursor = after
            }
            var printed = 0
            while true {
                let batch = try await session.database.store.readAll(after: cursor, limit: 1000, category: category)
                for event in batch {
                    print(LogLine(event).jsonLine())
                    printed += 1
                    if let limit, printed >= limit { return }
                }
                guard let last = batch.last else { return }
                cursor = last.cursor
            }
        }
    }
}
