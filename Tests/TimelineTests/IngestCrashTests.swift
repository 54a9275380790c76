import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `parkline ingest` killed with SIGKILL at any moment leaves the log with
/// every document of the folder or none, and running it again completes it.
@Suite struct IngestCrashTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let documentCount = 150

    /// A folder of distinct documents: the seeds, each copy numbered so it hashes differently.
    private func largeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "parkline-ingest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/seeds").filter { $0.hasSuffix(".txt") }.sorted()
        for index in 0..<Self.documentCount {
            let seed = seeds[index % seeds.count]
            let text = try String(contentsOfFile: Self.root + "/seeds/" + seed, encoding: .utf8)
            try (text + "\n（副本 \(index)）\n").write(toFile: folder + "/copy\(index)_" + seed, atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func counts(_ client: PostgresClient) async throws -> (documents: Int64, streams: Int64) {
        let rows = try await client.query("""
            SELECT count(*) FILTER (WHERE type = 'DocumentIngested')::int8,
                   count(DISTINCT stream_id) FILTER (WHERE stream_id LIKE 'document-%')::int8
            FROM events
            """)
        for try await (documents, streams) in rows.decode((Int64, Int64).self) { return (documents, streams) }
        return (-1, -1)
    }

    @Test func killingAnIngestLeavesAllOrNothingAndARetryCompletesIt() async throws {
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parkline"
        try #require(FileManager.default.isExecutableFile(atPath: cli), "parkline is not built next to the tests")
        let folder = try largeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestDatabase { db in
            let socket = try #require(db.settings.socketPath)
            let url = "postgres://\(db.settings.username)@/\(db.settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
            let arguments = ["ingest", folder, "--published", "2023-06-01", "--database-url", url]
            var sawNothing = false
            // Kill at several moments: while reading, while appending, after.
            for delay in [100, 300, 600, 900, 1300, 2000] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: cli)
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                try await Task.sleep(for: .milliseconds(delay))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let (documents, streams) = try await counts(db.client)
                #expect(documents == 0 || documents == Int64(Self.documentCount), "killed after \(delay) ms: \(documents) documents")
                #expect(streams == documents, "a document stream without its DocumentIngested event")
                if documents == 0 { sawNothing = true }
                if documents > 0 { break }
            }
            #expect(sawNothing, "no kill landed before the append; the test proved nothing")

            let retry = try await runProcess([cli] + arguments)
            #expect(retry.status == 0, "\(retry.output.suffix(500))")
            let (documents, streams) = try await counts(db.client)
            #expect(documents == Int64(Self.documentCount) && streams == documents)
        }
    }
}
