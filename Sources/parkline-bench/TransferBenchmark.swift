import EventStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
#if canImport(Glibc)
import Glibc
#endif

/// `parkline export` and `import` on the large log, each beside PostgreSQL's
/// COPY of the same table: export against `COPY events TO` a file (server
/// side, no client at all), import against `COPY … FROM STDIN` of that file
/// into a table with the same indexes, over the same connection kind.
struct TransferBenchmark {
    let environment: BenchEnvironment
    let db: Database
    let size: Int

    func run() async throws -> [Figure] {
        let directory = "/tmp/parkline-bench-transfer-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The server writes the COPY file as its own user.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exportFile = directory + "/export.ndjson"
        let copyFile = directory + "/events.copy"

        // Export, written to a file as the CLI does.
        _ = FileManager.default.createFile(atPath: exportFile, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: exportFile))
        var exported: LogExport.Summary?
        let export = try await ContinuousClock().measure {
            exported = try await LogExport(client: db.client, logger: db.logger).write(to: { buffer in
                try handle.write(contentsOf: buffer.readableBytesView)
            })
            try handle.synchronize()
        }
        try handle.close()
        // The path is made here from the process id, never from input.
        let copyOut = try await ContinuousClock().measure {
            try await db.client.query(PostgresQuery(unsafeSQL: "COPY events TO '\(copyFile)'"), logger: db.logger)
        }

        // Import into an empty log, against COPY FROM STDIN into a table like events.
        var imported: LogImport.Summary?
        let importTime = try await environment.withDatabase("import", connections: 4) { target in
            try await ContinuousClock().measure {
                imported = try await LogImport(client: target.client, logger: target.logger).run(path: exportFile)
            }
        }
        let copyIn = try await environment.withDatabase("copy", connections: 4) { target in
            try await target.client.query("CREATE TABLE bench_copy (LIKE events INCLUDING ALL)", logger: target.logger)
            return try await ContinuousClock().measure {
                try await target.client.withConnection { connection in
                    try await connection.copyFrom(table: "bench_copy", logger: target.logger) { writer in
                        guard let input = FileHandle(forReadingAtPath: copyFile) else { throw BenchError.mismatch("no COPY file") }
                        defer { try? input.close() }
                        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                            try await writer.write(ByteBuffer(bytes: chunk))
                        }
                    }
                }
            }
        }
        guard exported?.events == size, imported?.written == size else {
            throw BenchError.mismatch("the log holds \(size) events, export wrote \(exported?.events ?? 0), import \(imported?.written ?? 0)")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: exportFile)[.size] as? Int) ?? 0
        let variant = "\(BenchReport.number(Double(size))) events, \(BenchReport.number(Double(bytes) / 1_000_000)) MB of NDJSON"
        let events = Double(size)
        return [
            Figure(.transfer, variant, metric: "export", unit: "events/s", value: events / export.seconds,
                   baseline: ("COPY events TO file (server side)", events / copyOut.seconds)),
            Figure(.transfer, variant, metric: "import", unit: "events/s", value: events / importTime.seconds,
                   baseline: ("COPY … FROM STDIN, same indexes", events / copyIn.seconds),
                   note: "batches of \(LogImport(client: db.client, logger: db.logger).batchSize), each checked for conflicts"),
        ]
    }
}
