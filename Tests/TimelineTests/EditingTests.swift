import EventStore
import Extraction
import Foundation
import ParklineTestSupport
import TimelineEvents
import Testing
@testable import Timeline

@Suite struct EditingTests {
    let park = ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通"], city: "南通")

    @Test func recordCorrectRetractAndAskAsOfBeforeTheCorrection() async throws {
        try await withTestDatabase { db in
            let queries = TimelineQueries(client: db.client, logger: db.logger)
            let projector = ReadModel(client: db.client, logger: db.logger)
            let editor = TimelineEditor(store: db.store, queries: queries, readModel: projector)

            let recorded = try await editor.record(
                .init(park: park, type: .signing, date: EventDate(parsing: "2024-05-01")!, title: "  某新能源项目签约 "),
                actor: "test")
            #expect(recorded.event.title == "某新能源项目签约")
            let id = recorded.event.eventId
            #expect(try await eventually { try await projector.catchUp(); return try await queries.history(of: id).count == 1 })
            let beforeCorrection = try #require(try await queries.history(of: id).first?.knownFrom)

            let corrected = try await editor.correct(id, .init(date: EventDate(parsing: "2024-Q2")!, reason: "only the quarter is sure"), actor: "test")
            #expect(corrected.event.date == "2024" && corrected.event.precision == "quarter" && corrected.event.lower == "2024-04-01")
            #expect(try await eventually { try await projector.catchUp(); return try await queries.history(of: id).count == 2 })
            #expect(try await queries.events(.init(parkID: "suxitong")).map(\.precision) == ["quarter"])
            #expect(try await queries.events(.init(parkID: "suxitong", asOf: beforeCorrection)).map(\.date) == ["2024-05-01"])

            // A correction that changes nothing, or of an unknown event, is refused and writes nothing.
            let logSize = try await loggedEventCount(db)
            await #expect(throws: EditError.nothingToChange(id)) {
                try await editor.correct(id, .init(date: EventDate(parsing: "2024-Q2")!, reason: "again"), actor: "test")
            }
            let stranger = UUID()
            await #expect(throws: EditError.unknownEvent(stranger)) { try await editor.retract(stranger, reason: "x", actor: "test") }
            await #expect(throws: EditError.emptyField("reason")) { try await editor.retract(id, reason: "  ", actor: "test") }
            // Lengths are counted in code points, as the API description's maxLength counts them:
            // a face and 2,000 skin-tone modifiers are one Swift Character, and 2,001 code points.
            let modifiers = "🙂" + String(repeating: "\u{1F3FB}", count: TimelineEditor.maximumTextLength)
            await #expect(throws: EditError.fieldTooLong("reason", limit: TimelineEditor.maximumTextLength)) {
                try await editor.retract(id, reason: modifiers, actor: "test")
            }
            #expect(try await loggedEventCount(db) == logSize)

            // Retracting, with a retried request recognised as the same one.
            let first = try await editor.retract(id, reason: "duplicate", actor: "test", idempotencyKey: "k1")
            #expect(try await eventually { try await projector.catchUp(); return try await queries.events(.init(parkID: "suxitong")).isEmpty })
            let retried = try await editor.retract(id, reason: "duplicate", actor: "test", idempotencyKey: "k1")
            #expect(retried.append.wasDuplicate && retried.append.positions == first.append.positions)
            await #expect(throws: EditError.retracted(id)) { try await editor.retract(id, reason: "again", actor: "test") }
            #expect(try await queries.history(of: id).map(\.retracted) == [false, false, true])
        }
    }

    @Test func aNewerExtractorCorrectsWhatItReadsDifferentlyAndRetractsWhatItNoLongerFinds() async throws {
        try await withTestDatabase { db in
            let extractor = Extractor(gazetteer: try GazetteerFile.load(nil))
            let document = SourceDocument(
                name: "news.txt", text: "发布时间：2023-05-10\n苏锡通科技产业园区3月8日举行签约仪式，星河项目签约落户。4月1日，园区召开推进会议。",
                published: nil, source: "test")
            let current = try extractor.extract(document)
            #expect(current.events.count >= 2)
            // What an older extractor had written for this text: the first
            // event a month off, and one event it found that is not there.
            let stream = try StreamName(category: "document", id: current.documentHash)
            var old = TimelineEventPayload(current.events[0])
            (old.date, old.lower, old.upper) = ("2023-02-08", "2023-02-08", "2023-02-08")
            old.eventId = UUID()
            var phantom = TimelineEventPayload(current.events[1])
            phantom.eventId = UUID()
            phantom.source.offset = [0, 4]
            let metadata = ["extractorVersion": "parkline-extract/0.9.0"]
            _ = try await db.store.append(to: stream, expectedVersion: .noStream, events: [
                try NewEvent(type: DomainEventType.documentIngested.rawValue, body: DocumentIngested(
                    document: "news.txt", documentHash: current.documentHash, source: "test", published: "2023-05-10",
                    publishedFrom: "page", title: current.title, extractorVersion: "parkline-extract/0.9.0", eventCount: 2,
                    characters: current.characterCount), metadata: metadata),
                try NewEvent(type: DomainEventType.timelineEventExtracted.rawValue, body: old, metadata: metadata),
                try NewEvent(type: DomainEventType.timelineEventExtracted.rawValue, body: phantom, metadata: metadata),
            ])
            let queries = TimelineQueries(client: db.client, logger: db.logger)
            let projector = ReadModel(client: db.client, logger: db.logger)
            #expect(try await eventually { try await projector.catchUp(); return try await queries.events(.init()).count == 2 })

            let ingestor = Ingestor(store: db.store, extractor: extractor, logger: db.logger)
            let reports = try await ingestor.ingest([document])
            #expect(reports.map(\.outcome) == [.reread(added: current.events.count - 1, corrected: 1, retracted: 1)])
            #expect(try await eventually {
                try await projector.catchUp()
                return try await queries.history(of: phantom.eventId).count == 2
            })
            #expect(try await queries.events(.init()).count == current.events.count)
            // The corrected event keeps its id and its history.
            let history = try await queries.history(of: old.eventId)
            #expect(history.map(\.event.date) == ["2023-02-08", "2023-03-08"])
            #expect(try await queries.history(of: phantom.eventId).last?.retracted == true)
            // And the same extractor again writes nothing.
            #expect(try await ingestor.ingest([document]).map(\.outcome) == [.unchanged])
        }
    }

    @Test func datesAsPeopleTypeThem() {
        #expect(EventDate(parsing: "2024-05-01") == .day(CivilDate(year: 2024, month: 5, day: 1)))
        #expect(EventDate(parsing: "2024-05") == .month(2024, 5))
        #expect(EventDate(parsing: "2024") == .year(2024))
        #expect(EventDate(parsing: "2024 q3") == .quarter(2024, 3))
        #expect(EventDate(parsing: "2024-H2") == .half(2024, first: false))
        for bad in ["", "24", "2024-13", "2024-02-30", "2024-Q5", "next year", "2024-05-01-01"] {
            #expect(EventDate(parsing: bad) == nil, "\(bad)")
        }
    }
}
