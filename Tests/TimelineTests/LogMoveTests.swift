import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Synchronization
import Testing
import Timeline

/// Keeping and moving the log, as a user does it: `parkline export`,
/// `import`, `db backup`, `db restore` and `db verify` run as processes
/// against real clusters started by the product's own embedded-server code.
/// One at a time: each starts two clusters and a dozen processes, and side
/// by side they pushed unrelated timing bounds of the fault suites on a
/// 2-core machine.
@Suite(.serialized) struct LogMoveTests {
    /// The moment just after an exported event's recorded time, as `--as-of` takes it.
    static func instant(after line: [String: Any]) throws -> String {
        let recorded = try #require(line["recorded_at"] as? String)
        // PostgreSQL writes microseconds and an offset; the flag takes milliseconds.
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let trimmed = String(recorded.prefix(23)) + String(recorded.suffix(6))
        let date = try #require(parser.date(from: trimmed), "\(recorded)")
        return parser.string(from: date.addingTimeInterval(0.001))
    }

    @Test func anExportImportedIntoAFreshClusterAnswersEveryQueryAsBefore() async throws {
        try await LogMove.withDataDirectories(2) { directories in
            let a = ["--data-dir", directories[0]], b = ["--data-dir", directories[1]]
            try await LogMove.succeed(["ingest", seedsFolder] + a)
            let recorded = try #require(LogMove.objects(try await LogMove.succeed(
                ["record", "--park", "苏锡通", "--type", "meeting", "--date", "2024-05-01", "--title", "迁移测试原题", "--format", "ndjson"] + a)).first)
            let recordedID = try #require(recorded["id"] as? String)
            try await LogMove.succeed(["correct", recordedID, "--title", "迁移测试更正", "--reason", "标题有误"] + a)
            let seedEvent = try #require(LogMove.objects(try await LogMove.succeed(["events", "--park", "苏锡通", "--format", "ndjson"] + a))
                .first { ($0["id"] as? String) != recordedID })
            let retractedID = try #require(seedEvent["id"] as? String)
            try await LogMove.succeed(["retract", retractedID, "--reason", "重复报道"] + a)

            let file = directories[0] + "-export.ndjson"
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await LogMove.succeed(["export", "--output", file] + a)
            let imported = try await LogMove.succeed(["import", file] + b)
            #expect(imported.contains("written"), "\(imported)")

            // The log is the same apart from positions, decisions (merges of reports) included.
            func replay(_ flags: [String]) async throws -> [String] {
                LogMove.objects(try await LogMove.succeed(["replay"] + flags)).map { line in
                    var line = line
                    line.removeValue(forKey: "position")
                    line.removeValue(forKey: "cursor")
                    return LogMove.canonical(line)
                }
            }
            let original = try await replay(a)
            #expect(try await replay(b) == original)
            #expect(original.contains { $0.contains(#""type":"ReportsMerged""#) }, "the seeds' merges are in the log")

            #expect(try await LogMove.succeed(["events", "--format", "ndjson"] + b) == LogMove.succeed(["events", "--format", "ndjson"] + a))
            // --as-of at three instants: after the record, after the correction, after the retraction.
            let lines = LogMove.objects(try String(contentsOfFile: file, encoding: .utf8))
            var instants: [String] = []
            for type in ["TimelineEventRecorded", "TimelineEventCorrected", "TimelineEventRetracted"] {
                instants.append(try Self.instant(after: try #require(lines.last { $0["type"] as? String == type }, "no \(type)")))
            }
            var answers: [String] = []
            for instant in instants {
                let query = ["timeline", "--park", "苏锡通", "--as-of", instant, "--format", "ndjson"]
                let answer = try await LogMove.succeed(query + a)
                #expect(try await LogMove.succeed(query + b) == answer, "as of \(instant)")
                answers.append(answer)
            }
            #expect(answers[0].contains("迁移测试原题") && answers[1].contains("迁移测试更正"))
            #expect(answers[1].contains(retractedID) && !answers[2].contains(retractedID))
            for id in [recordedID, retractedID] {
                #expect(try await LogMove.succeed(["show", id] + b) == LogMove.succeed(["show", id] + a))
            }
            for side in [a, b] {
                let verified = try await LogMove.run(["db", "verify"] + side)
                #expect(verified.status == 0, "\(verified.output)")
            }
            // Importing the same file again writes nothing.
            #expect(try await LogMove.succeed(["import", file] + b).contains(", 0 written, \(lines.count - 1) already here"))

            // A read model edited by hand (as the owner) fails verify, naming the row, until a rebuild.
            let cluster = try EmbeddedPostgres(dataDirectory: directories[0], logger: TestCluster.logger)
            let owner = PostgresClient(configuration: cluster.connectionSettings(username: EmbeddedPostgres.ownerRole).clientConfiguration(),
                                       backgroundLogger: TestCluster.logger)
            try await owner.runWhile {
                let id = try #require(UUID(uuidString: recordedID))
                try await owner.query("UPDATE timeline_event_versions SET title = '手工改过' WHERE event_id = \(id) AND valid_to IS NULL")
            }
            let edited = try await LogMove.run(["db", "verify"] + a)
            #expect(edited.status != 0)
            #expect(edited.output.contains("timeline_event_versions row event_id=\(recordedID), version=2: title"), "\(edited.output)")
            try await LogMove.succeed(["replay", "--rebuild"] + a)
            let rebuilt = try await LogMove.run(["db", "verify"] + a)
            #expect(rebuilt.status == 0, "\(rebuilt.output)")
        }
    }

    @Test func aBackupTakenUnderLoadRestoresEveryAcknowledgedAppendAtItsPositionAndReadable() async throws {
        try await LogMove.withDataDirectories(2) { directories in
            let (source, target) = (directories[0], directories[1])
            let file = source + ".dump"
            defer { try? FileManager.default.removeItem(atPath: file) }
            let acknowledged = Acknowledged()
            var acknowledgedBefore: [(id: UUID, position: Int64)] = []
            var sourceLog: [UUID: LogCursor] = [:]
            try await Database.withParkline(.embedded(dataDirectory: source), logger: TestCluster.logger) { db in
                // The source's transaction counter runs ahead of a fresh cluster's, as an
                // old server's does: the restored events' ids are then ones the target has
                // not handed out yet, and only moving its counter makes them readable.
                try await db.client.query("""
                    DO $$ BEGIN FOR i IN 1..3000 LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$
                    """)
                let backup = try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<4 {
                        group.addTask {
                            let stream = try StreamName(category: "load", id: "writer\(writer)")
                            var n = 0
                            while !acknowledged.stopped {
                                let events = (0..<3).map { _ in NewEvent(type: "LoadProbe", data: Data(#"{"n":\#(n)}"#.utf8)) }
                                n += 1
                                let result = try await db.store.append(to: stream, expectedVersion: .any, events: events)
                                acknowledged.append(zip(events.map(\.id), result.positions).map { ($0, $1) })
                            }
                        }
                    }
                    defer { acknowledged.stop() }
                    _ = try await eventually { acknowledged.all.count >= 300 }
                    acknowledgedBefore = acknowledged.all
                    let backup = try await LogMove.run(["db", "backup", file, "--data-dir", source])
                    // The writers carry on past the backup's end.
                    let after = acknowledged.all.count
                    _ = try await eventually { acknowledged.all.count >= after + 30 }
                    acknowledged.stop()
                    try await group.waitForAll()
                    return backup
                }
                #expect(backup.status == 0, "\(backup.output)")
                for event in try await Self.readWholeLog(db.store) { sourceLog[event.id] = event.cursor }
            }
            try #require(FileManager.default.fileExists(atPath: file))

            try await LogMove.succeed(["db", "restore", file, "--data-dir", target])
            let restoredCount = try await Database.withParkline(.embedded(dataDirectory: target), logger: TestCluster.logger) { db in
                let restored = try await Self.readWholeLog(db.store)
                var positions: [UUID: Int64] = [:]
                var cursors: [UUID: LogCursor] = [:]
                for event in restored {
                    positions[event.id] = event.position
                    cursors[event.id] = event.cursor
                }
                // Every restored event is readable, and none is there twice.
                #expect(positions.count == restored.count)
                #expect(Int64(restored.count) == (try await LogMove.count(db.client)))
                // Every append acknowledged before the backup began, at its position.
                let missing = acknowledgedBefore.filter { positions[$0.id] != $0.position }
                #expect(missing.isEmpty, "\(missing.count) of \(acknowledgedBefore.count) acknowledged appends missing or moved")
                // Whatever the backup holds sits where it sat in the source: same
                // position, same cursor, so a subscriber resumes where it was.
                #expect(cursors.allSatisfy { sourceLog[$0.key] == $0.value })
                #expect(restored.count > acknowledgedBefore.count - 1)
                return try await LogMove.count(db.client)
            }
            let verified = try await LogMove.run(["db", "verify", "--data-dir", target])
            #expect(verified.status == 0, "\(verified.output)")

            // A restore never writes over a log that has events.
            let again = try await LogMove.run(["db", "restore", file, "--data-dir", target])
            #expect(again.status != 0)
            #expect(again.output.contains("never writes over"), "\(again.output)")
            let countAfter = try await Database.withParkline(.embedded(dataDirectory: target), logger: TestCluster.logger) { db in
                try await LogMove.count(db.client)
            }
            #expect(countAfter == restoredCount)
        }
    }

    @Test func importRefusesACutOffFileALineThatIsNotAnEventAndAnIDWithOtherContentLeavingTheLogAsItWas() async throws {
        try await withTestDatabase { source in
            let stream = try StreamName(category: "park", id: "move-source")
            let events = (1...3).map { NewEvent(type: "MoveProbe", data: Data(#"{"n":\#($0)}"#.utf8)) }
            _ = try await source.store.append(to: stream, expectedVersion: .noStream, events: events)
            // Export reads below the read horizon: a transaction of this
            // database still open (autovacuum's) may hold them back a moment.
            let readable = try await eventually { try await source.store.readAll().count == events.count }
            try #require(readable)
            let file = NSTemporaryDirectory() + "parkline-move-\(UUID().uuidString).ndjson"
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await LogMove.succeed(["export", "--output", file, "--database-url", try LogMove.url(source.settings)])
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
            try #require(lines.count == 4)

            try await withTestDatabase { target in
                // The target holds the file's second event id, with other content.
                let taken = NewEvent(id: events[1].id, type: "MoveProbe", data: Data(#"{"n":"other"}"#.utf8))
                _ = try await target.store.append(to: try StreamName(category: "park", id: "move-target"), expectedVersion: .noStream, events: [taken])
                let url = try LogMove.url(target.settings)
                let variant = file + ".variant"
                defer { try? FileManager.default.removeItem(atPath: variant) }
                let cases: [(text: String, expected: String)] = [
                    (lines[0...1].joined(separator: "\n") + "\n" + lines[2].prefix(lines[2].count / 2), "line 3"),
                    (lines[0...2].joined(separator: "\n") + "\n", "cut short"),
                    ([lines[0], #"{"hello":"world"}"#, lines[2], lines[3]].joined(separator: "\n") + "\n", "line 2"),
                    (lines.joined(separator: "\n") + "\n", events[1].id.uuidString.lowercased()),
                ]
                for (text, expected) in cases {
                    try text.write(toFile: variant, atomically: true, encoding: .utf8)
                    let result = try await LogMove.run(["import", variant, "--database-url", url])
                    #expect(result.status != 0)
                    #expect(result.output.contains(expected), "\(result.output)")
                    #expect(try await LogMove.count(target.client) == 1, "the refused import wrote events")
                }
            }
            // Into an empty log the file goes whole, and a second time writes nothing.
            try await withTestDatabase { empty in
                let url = try LogMove.url(empty.settings)
                #expect(try await LogMove.succeed(["import", file, "--database-url", url]).contains("3 events, 3 written"))
                #expect(try await LogMove.succeed(["import", file, "--database-url", url]).contains("0 written, 3 already here"))
                let copied = try await empty.store.read(stream: stream)
                #expect(copied.map(\.id) == events.map(\.id))
                let originals = try await source.store.read(stream: stream)
                #expect(copied.map(\.recordedAt) == originals.map(\.recordedAt))
            }
        }
    }

    /// What the writers of the load test have had acknowledged, and whether they should stop.
    final class Acknowledged: Sendable {
        private let state = Mutex<(events: [(id: UUID, position: Int64)], stopped: Bool)>(([], false))
        var all: [(id: UUID, position: Int64)] { state.withLock { $0.events } }
        var stopped: Bool { state.withLock { $0.stopped } }
        func append(_ events: [(id: UUID, position: Int64)]) { state.withLock { $0.events += events } }
        func stop() { state.withLock { $0.stopped = true } }
    }

    static func readWholeLog(_ store: EventStore) async throws -> [RecordedEvent] {
        var cursor = LogCursor.start
        var all: [RecordedEvent] = []
        while true {
            let batch = try await store.readAll(after: cursor, limit: 5000)
            all += batch
            guard let last = batch.last else { return all }
            cursor = last.cursor
        }
    }
}
