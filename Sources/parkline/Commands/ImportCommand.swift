import ArgumentParser
import EventStore
import Foundation
import Timeline

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append a `parkline export` file to this log, keeping ids and times.",
        discussion: """
            The log may be empty or not. Events already here with the same content are skipped, so importing \
            a file twice writes nothing the second time; an event id here with other content, or a stream \
            version taken, stops the import naming it. A malformed or cut-off file stops at its line number \
            with nothing of that batch written; run the import again to resume after the last batch written. \
            Decisions in the file (merges and splits of reports) are kept as they are; none are made anew.

            Example:
              parkline import parkline.ndjson --database-url postgres://parkline@db/parkline
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A file written by `parkline export`.") var file: String

    func run() async throws {
        let terminal = isatty(STDERR_FILENO) == 1
        let summary = try await global.withDatabase { db in
            try await LogImport(client: db.client, logger: db.logger).run(path: file) { count in
                if terminal { FileHandle.standardError.write(Data("\rread \(count) events".utf8)) }
            }
        }
        if terminal { FileHandle.standardError.write(Data("\r".utf8)) }
        print("imported \(file): \(summary.events) events, \(summary.written) written, \(summary.skipped) already here")
    }
}
