import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `parkline ingest` killed with SIGKILL while its append runs leaves the log
/// with every document of the folder or none, and running it again completes it.
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

    /// Wait (by polling the server, not the clock) until the ingest's
    /// `append_streams` statement (or `append_streams_unless_moved`) is running, or the process has ended.
    private func waitForTheAppend(_ process: ChildProcess, watching client: PostgresClient) async throws -> Bool {
        while process.exitStatus() == nil {
            let rows = try await client.query("""
                SELECT count(*)::int8 FROM pg_stat_activity
                WHERE datname = current_database() AND state = 'active' AND query LIKE '%append_streams%(%'
                  AND pid <> pg_backend_pid()
                """)
            for try await count in rows.decode(Int64.self) where count > 0 { return true }
        }
        return false
    }

    @Test func killingAnIngestMidAppendLeavesAllOrNothingAndARetryCompletesIt() async throws {
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parkline"
        try #require(FileManager.default.isExecutableFile(atPath: cli), "parkline is not built next to the tests")
        let folder = try largeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var killedDuringAppend = false
        // A fresh database each attempt, until a kill lands while the append runs.
        for _ in 0..<5 where !killedDuringAppend {
            killedDuringAppend = try await withTestDatabase { db in
                let socket = try #require(db.settings.socketPath)
                let url = "postgres://\(db.settings.username)@/\(db.settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
                let arguments = ["ingest", folder, "--published", "2023-06-01", "--database-url", url]
                let ingest = try ChildProcess.spawn([cli] + arguments)
                defer { ingest.discardOutput() }
                let appending = try await waitForTheAppend(ingest, watching: db.client)
                ingest.send(SIGKILL)
                _ = await ingest.wait(timeout: .seconds(60))
                // Whether the server aborted the statement or had already
                // committed it, the log holds the whole folder or nothing.
                let (documents, streams) = try await counts(db.client)
                #expect(documents == 0 || documents == Int64(Self.documentCount), "\(documents) of \(Self.documentCount) documents")
                #expect(streams == documents, "a document stream without its DocumentIngested event")

                let retry = try await runProcess([cli] + arguments)
                #expect(retry.status == 0, "\(retry.output.suffix(500))")
                let after = try await counts(db.client)
                #expect(after.documents == Int64(Self.documentCount) && after.streams == after.documents)
                return appending
            }
        }
        #expect(killedDuringAppend, "no kill landed while the append ran in five attempts; the test proved nothing")
    }
}
