import ArgumentParser
import EventStore
import Foundation
import NIOCore
import Timeline

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log in log order as NDJSON, for `parkline import` elsewhere.",
        discussion: """
            Each line holds everything needed to append the event again exactly: id, stream, stream_version, \
            type, recorded_at, data and metadata (plus where it sat here: position and cursor). The last line \
            closes the file ({"end": …}); an import of a file without it stops as truncated. Memory stays \
            constant whatever the log's size; a terminal shows progress on stderr.

            Examples:
              parkline export --output parkline.ndjson
              parkline export --after 812-40 | gzip > since-812.ndjson.gz
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only events after this cursor (as `replay` prints it).") var after: String?
    @Option(name: .shortAndLong, help: "Write to this file (replaced only once whole) instead of standard output.") var output: String?

    func run() async throws {
        var cursor = LogCursor.start
        if let after {
            guard let parsed = LogCursor(after) else {
                throw ValidationError("--after \(after.prefix(40)) is not a cursor: give one as `parkline replay` prints it (e.g. 812-40)")
            }
            cursor = parsed
        }
        let partial = output.map { $0 + ".partial" }
        let handle: FileHandle
        if let partial {
            guard FileManager.default.createFile(atPath: partial, contents: nil), let file = FileHandle(forWritingAtPath: partial) else {
                throw CLIError("cannot write \(partial): check the directory exists and is writable")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        let terminal = isatty(STDERR_FILENO) == 1
        do {
            let summary = try await global.withDatabase { db in
                try await LogExport(client: db.client, logger: db.logger).write(after: cursor, to: { buffer in
                    try handle.write(contentsOf: buffer.readableBytesView)
                }, progress: { count in
                    if terminal { FileHandle.standardError.write(Data("\rexported \(count) events".utf8)) }
                })
            }
            if let output, let partial {
                try handle.close()
                if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
                try FileManager.default.moveItem(atPath: partial, toPath: output)
            }
            if terminal || output != nil {
                FileHandle.standardError.write(Data("\(terminal ? "\r" : "")exported \(summary.events) events, last cursor \(summary.lastCursor)\n".utf8))
            }
            if summary.notWritten > 0 {
                FileHandle.standardError.write(Data("""
                    \(summary.notWritten) events committed after \(summary.lastCursor) are not in the file: a transaction still open \
                    holds them back, or they arrived meanwhile. Export them with `parkline export --after \(summary.lastCursor)` \
                    (and import that file too) once writers have stopped.\n
                    """.utf8))
            }
        } catch {
            if let partial { try? FileManager.default.removeItem(atPath: partial) }
            throw error
        }
    }
}
