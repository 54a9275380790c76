import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Projections
import TimelineEvents
import Testing

func payload(_ id: UUID, park: String = "alpha", date: String = "2023-03-08") -> TimelineEventPayload {
    TimelineEventPayload(
        eventId: id, type: "signing", date: date, precision: "day", lower: date, upper: date, expression: nil,
        park: ParkPayload(id: park, name: "甲乙高新区", aliases: ["甲乙"], city: "甲市"),
        title: "星河项目签约", evidence: "3月8日，星河项目签约。", subjects: ["星河项目"], amounts: [],
        source: .init(document: "a.txt")
    )
}

@Suite struct TimelineProjectorTests {
    @Test func correctionsAndRetractionsKeepHistoryAndAsOfAnswersTheOldState() async throws {
        try await withTestDatabase { db in
            let projector = TimelineProjector(client: db.client, logger: db.logger, batchSize: 2)
            let id = UUID()
            let stream = try StreamName("park-alpha")
            _ = try await db.store.append(to: stream, expectedVersion: .noStream, events: [
                try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: payload(id)),
            ])
            #expect(try await eventually { try await projector.catchUp(); return try await versionCount(db.client) == 1 })
            // The moment the first version became known: strictly before the correction is recorded.
            var before = Date.distantPast
            for try await time in try await db.client.query("SELECT valid_from FROM timeline_event_versions").decode(Date.self) {
                before = time
            }
            _ = try await db.store.append(to: stream, expectedVersion: .exact(1), events: [
                try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                             body: TimelineEventCorrected(eventId: id, date: "2023-04-01", lower: "2023-04-01", upper: "2023-04-01", reason: "typo")),
            ])
            #expect(try await eventually { try await projector.catchUp(); return try await versionCount(db.client) == 2 })
            let rows = try await db.client.query("SELECT date_text, valid_to IS NULL FROM timeline_event_versions ORDER BY version")
            var states: [(String, Bool)] = []
            for try await row in rows.decode((String, Bool).self) { states.append(row) }
            #expect(states.map(\.0) == ["2023-03-08", "2023-04-01"])
            #expect(states.map(\.1) == [false, true])
            // As of before the correction: the old date.
            let asOf = try await db.client.query("""
                SELECT date_text FROM timeline_event_versions
                WHERE valid_from <= \(before) AND (valid_to IS NULL OR valid_to > \(before))
                """)
            var old: [String] = []
            for try await date in asOf.decode(String.self) { old.append(date) }
            #expect(old == ["2023-03-08"])

            _ = try await db.store.append(to: stream, expectedVersion: .exact(2), events: [
                try NewEvent(type: DomainEventType.timelineEventRetracted.rawValue, body: TimelineEventRetracted(eventId: id, reason: "wrong park")),
            ])
            #expect(try await eventually { try await projector.catchUp(); return try await versionCount(db.client) == 3 })
            let live = try await db.client.query("SELECT count(*)::int8 FROM timeline_event_versions WHERE valid_to IS NULL AND NOT retracted")
            for try await count in live.decode(Int64.self) { #expect(count == 0) }
        }
    }

    @Test func checkpointMovesWithTheReadModelAndRebuildGivesTheSameState() async throws {
        try await withTestDatabase { db in
            let projector = TimelineProjector(client: db.client, logger: db.logger, batchSize: 3)
            for index in 0..<10 {
                _ = try await db.store.append(to: StreamName("park-p\(index % 3)"), expectedVersion: .any, events: [
                    try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: payload(UUID(), park: "p\(index % 3)")),
                ])
            }
            #expect(try await eventually { try await db.store.readAll(after: .start).count == 10 })
            #expect(try await readInSteps(expecting: 10) { try await projector.catchUp() } == 10)
            #expect(try await projector.catchUp() == 0)
            let digest = try await readModelDigest(db.client)
            let indexes = try await indexDefinitions(db.client)
            #expect(indexes.count >= 4)
            #expect(try await eventually { try await projector.rebuild() == 10 })
            #expect(try await readModelDigest(db.client) == digest)
            // The indexes the rebuild deferred are back, the same ones under new names.
            #expect(try await indexDefinitions(db.client) == indexes)
            let checkpoint = try await projector.checkpoint()
            #expect(try await eventually { try await db.store.headCursor() == checkpoint })
        }
    }

    /// Each projector keeps the events it last wrote, by version, so as not
    /// to decode them again; two projectors taking turns on one log (two
    /// processes, one after the other) each find a version the other wrote
    /// and decode it, and the read model is what a rebuild writes.
    @Test func twoProjectorsTakingTurnsWriteWhatARebuildWrites() async throws {
        try await withTestDatabase { db in
            let first = TimelineProjector(client: db.client, logger: db.logger)
            let second = TimelineProjector(client: db.client, logger: db.logger)
            let id = UUID()
            let stream = try StreamName("park-alpha")
            // The first batch records the event and corrects it: its state goes through the first projector.
            _ = try await db.store.append(to: stream, expectedVersion: .noStream, events: [
                try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: payload(id)),
                try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                             body: TimelineEventCorrected(eventId: id, date: "2023-03-09", lower: "2023-03-09", upper: "2023-03-09", reason: "day")),
            ])
            #expect(try await eventually { try await first.catchUp(); return try await versionCount(db.client) == 2 })
            let edits: [(TimelineProjector, NewEvent)] = [
                (second, try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                                      body: TimelineEventCorrected(eventId: id, title: "星河项目正式签约", reason: "title"))),
                (first, try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                                     body: TimelineEventCorrected(eventId: id, date: "2023-04-01", lower: "2023-04-01", upper: "2023-04-01",
                                                                  reason: "date"))),
            ]
            for (count, (projector, edit)) in edits.enumerated() {
                _ = try await db.store.append(to: stream, expectedVersion: .any, events: [edit])
                #expect(try await eventually { try await projector.catchUp(); return try await versionCount(db.client) == count + 3 })
            }
            let titles = try await db.client.query("SELECT title FROM timeline_event_versions WHERE valid_to IS NULL")
            for try await title in titles.decode(String.self) { #expect(title == "星河项目正式签约") }
            let digest = try await readModelDigest(db.client)
            #expect(try await eventually { try await first.rebuild() == 4 })
            #expect(try await readModelDigest(db.client) == digest)
        }
    }

    @Test func foldingAWholeBatchAtOnceEqualsApplyingOneEventAtATime() async throws {
        try await withTestDatabase { db in
            // Each event's whole life (recorded, corrected twice, and for some
            // retracted, then corrected) lands in one batch when it is large.
            for index in 0..<6 {
                let id = UUID()
                let stream = try StreamName("park-p\(index % 2)")
                _ = try await db.store.append(to: stream, expectedVersion: .any, events: [
                    try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: payload(id, park: "p\(index % 2)")),
                    try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                                 body: TimelineEventCorrected(eventId: id, date: "2024-0\(index + 1)", precision: "month", reason: "a")),
                    try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                                 body: TimelineEventCorrected(eventId: id, title: "renamed \(index)", reason: "b")),
                ])
                if index % 2 == 0 {
                    _ = try await db.store.append(to: stream, expectedVersion: .any, events: [
                        try NewEvent(type: DomainEventType.timelineEventRetracted.rawValue, body: TimelineEventRetracted(eventId: id, reason: "c")),
                        try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                                     body: TimelineEventCorrected(eventId: id, title: "still retracted", reason: "d")),
                    ])
                }
            }
            // A correction of an id the log never recorded is ignored.
            _ = try await db.store.append(to: StreamName("park-p0"), expectedVersion: .any, events: [
                try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue, body: TimelineEventCorrected(eventId: UUID(), title: "x", reason: "e")),
            ])
            #expect(try await eventually { try await db.store.readAll(after: .start).count == 6 * 3 + 3 * 2 + 1 })

            let oneByOne = TimelineProjector(client: db.client, logger: db.logger, batchSize: 1)
            #expect(try await readInSteps(expecting: 25) { try await oneByOne.catchUp() } == 25)
            let expected = try await readModelDigest(db.client)
            #expect(try await versionCount(db.client) == 6 * 3 + 3 * 2)

            let wholeBatch = TimelineProjector(client: db.client, logger: db.logger, batchSize: 1000)
            #expect(try await eventually { try await wholeBatch.rebuild() == 25 })
            #expect(try await readModelDigest(db.client) == expected)
            let current = try await db.client.query(
                "SELECT count(*)::int8 FROM timeline_event_versions WHERE valid_to IS NULL AND retracted")
            for try await count in current.decode(Int64.self) { #expect(count == 3) }
            #expect(try await parkCountsDisagreeingWithARecount(db.client) == 0)
        }
    }
}

/// A digest of the current read model (order-independent of physical layout).
func readModelDigest(_ client: PostgresClient) async throws -> String {
    let rows = try await client.query("""
        SELECT coalesce(string_agg(concat_ws('|', event_id, version, date_text, park_id, retracted, title, payload,
                                             valid_from, valid_to, log_position), ',' ORDER BY event_id, version), '')
               || ' parks: ' || (SELECT coalesce(string_agg(park_id || '=' || event_count, ',' ORDER BY park_id), '') FROM park_directory)
        FROM timeline_event_versions
        """)
    for try await text in rows.decode(String.self) { return text }
    return ""
}

func versionCount(_ client: PostgresClient) async throws -> Int64 {
    for try await count in try await client.query("SELECT count(*)::int8 FROM timeline_event_versions").decode(Int64.self) {
        return count
    }
    return 0
}

/// Parks whose kept event count differs from counting their current, unretracted rows.
func parkCountsDisagreeingWithARecount(_ client: PostgresClient) async throws -> Int64 {
    let rows = try await client.query("""
        SELECT count(*)::int8 FROM park_directory d
        WHERE d.event_count <> (SELECT count(*) FROM timeline_event_versions v
                                WHERE v.park_id = d.park_id AND v.valid_to IS NULL AND NOT v.retracted)
        """)
    for try await count in rows.decode(Int64.self) { return count }
    return -1
}

/// The read model's index definitions, with index names left out.
func indexDefinitions(_ client: PostgresClient) async throws -> [String] {
    let rows = try await client.query("""
        SELECT regexp_replace(indexdef, 'INDEX \\S+ ON', 'INDEX ON') FROM pg_indexes
        WHERE tablename = 'timeline_event_versions' ORDER BY 1
        """)
    var result: [String] = []
    for try await definition in rows.decode(String.self) { result.append(definition) }
    return result
}
