import EventStore
import Extraction
import Foundation
import ParklineTestSupport
import TimelineEvents
import Testing
@testable import Timeline

/// The repository's seeds folder, found from this file's path.
let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds").path

@Suite struct EndToEndTests {
    func extractor() throws -> Extractor {
        Extractor(gazetteer: try GazetteerFile.load(nil))
    }

    @Test func ingestSeedsThenQueryReingestRebuildAndSubscribe() async throws {
        try await withTestDatabase { db in
            let documents = try DocumentSet.load(paths: [seedsFolder]).documents
            let ingestor = Ingestor(store: db.store, extractor: try extractor(), logger: db.logger)
            let projector = ReadModel(client: db.client, logger: db.logger)
            let queries = TimelineQueries(client: db.client, logger: db.logger)

            // A subscriber started before the ingest receives exactly the new events.
            let notifier = LogNotifier(settings: db.settings, recheckInterval: .milliseconds(200), logger: db.logger)
            let head = try await db.store.headCursor()
            let (reports, received) = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await notifier.run() }
                defer { group.cancelAll() }
                async let seen = collectTimelineEvents(db.store.subscribe(after: head, notifier: notifier), count: 33)
                let reports = try await ingestor.ingest(documents)
                return (reports, try await seen)
            }
            let recorded = reports.reduce(0) { total, report in
                if case let .new(events) = report.outcome { return total + events }
                return total
            }
            #expect(reports.count == 5)
            #expect(received.count == recorded)

            let projected = try await eventually {
                try await projector.catchUp()
                return try await queries.events(.init()).count == recorded
            }
            #expect(projected)
            let park = try ParkResolver(parks: try await queries.parks()).resolve("苏锡通")
            #expect(park.id == "suxitong")
            let parks = try await queries.parks()
            #expect(try ParkResolver(parks: parks).resolve("苏锡通科技产业园区").id == "suxitong")
            let signings = try await queries.events(.init(parkID: park.id, type: "signing"))
            #expect(signings.count >= 5)
            #expect(signings.map(\.lower) == signings.map(\.lower).sorted())
            #expect(signings.contains { $0.title.contains("懋略") })

            // Ingesting again writes nothing.
            let again = try await ingestor.ingest(documents)
            #expect(again.allSatisfy { $0.outcome == .unchanged })
            let logSize = try await loggedEventCount(db)
            #expect(logSize == recorded + 5)

            // A rebuild gives the same read model.
            try await projector.catchUp()
            let digest = try await readModelDigest(db)
            try await projector.rebuild()
            #expect(try await readModelDigest(db) == digest)

            #expect(throws: ParkResolutionError.self) { try ParkResolver(parks: []).resolve("不存在园区") }
        }
    }

    @Test func aFolderWithOneBadFileRecordsNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkline-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "发布时间:2023-05-01\n3月1日，甲项目签约。".write(toFile: folder + "/good.txt", atomically: true, encoding: .utf8)
        try "3月1日，乙项目签约。".write(toFile: folder + "/undated.txt", atomically: true, encoding: .utf8)
        try Data([0xC4, 0xCF, 0xCD, 0xA8, 0xBF, 0xAA, 0xB7, 0xA2, 0xC7, 0xF8]).write(to: URL(fileURLWithPath: folder + "/gbk.txt.bak"))
        try await withTestDatabase { db in
            let documents = try DocumentSet.load(paths: [folder]).documents
            let ingestor = Ingestor(store: db.store, extractor: try extractor(), logger: db.logger)
            await #expect(throws: ExtractionError.noPublicationDate(document: "undated.txt")) {
                try await ingestor.ingest(documents)
            }
            #expect(try await db.store.readAll(after: .start).isEmpty)
        }
        // Legacy Chinese encodings are decoded; bytes that read as no Chinese are refused by name.
        try Data([0xC4, 0xCF, 0xCD, 0xA8, 0xBF, 0xAA, 0xB7, 0xA2, 0xC7, 0xF8]).write(to: URL(fileURLWithPath: folder + "/gbk.txt"))
        #expect(try DocumentSet.load(paths: [folder + "/gbk.txt"]).documents.first?.text == "南通开发区")
        let big5 = "蘇錫通科技產業園區舉行簽約儀式".data(using: String.Encoding(rawValue: 0x8000_0A03))!
        try big5.write(to: URL(fileURLWithPath: folder + "/big5.txt"))
        #expect(try DocumentSet.load(paths: [folder + "/big5.txt"]).documents.first?.text == "蘇錫通科技產業園區舉行簽約儀式")
        try Data([0x81, 0x30, 0xC0, 0xC1, 0xFF, 0xFF, 0x80, 0x80, 0xFE]).write(to: URL(fileURLWithPath: folder + "/noise.txt"))
        #expect(throws: DocumentError.self) { try DocumentSet.load(paths: [folder + "/noise.txt"]) }
    }

    @Test func tablesAlignChineseTextByDisplayWidth() {
        #expect(TextTable.displayWidth("苏锡通ab") == 8)
        let table = TextTable(headers: ["A", "B"], rows: [["苏锡通", "x"], ["abc", "y"]]).render()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let columns = lines.map { line in TextTable.displayWidth(String(line.prefix { $0 != "x" && $0 != "y" })) }
        #expect(columns[2] == columns[3])
    }
}

func collectTimelineEvents(_ subscription: EventSubscription, count: Int) async throws -> [RecordedEvent] {
    var seen: [RecordedEvent] = []
    for try await event in subscription where event.type == DomainEventType.timelineEventExtracted.rawValue {
        seen.append(event)
        if seen.count == count { break }
    }
    return seen
}

func readModelDigest(_ db: Database) async throws -> String {
    let rows = try await db.client.query("""
        SELECT coalesce(string_agg(event_id::text || version || date_text || park_id || retracted::text, ',' ORDER BY event_id, version), '')
        FROM timeline_event_versions
        """)
    for try await text in rows.decode(String.self) { return text }
    return ""
}
