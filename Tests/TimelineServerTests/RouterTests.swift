@testable import EventStore
import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing
import Timeline
import TimelineEvents
@testable import TimelineServer

/// The routes alone, over an in-memory timeline (as Hummingbird's todos
/// example tests its router over an in-memory repository): what clients
/// send is parsed and refused here, whatever answers behind the routes.
/// Everything the database does is tested against real PostgreSQL elsewhere.
struct RouterTests {
    /// A timeline of one park and no events, remembering the filters asked for.
    final class MemoryTimeline: TimelineReading, TimelineWriting, LogReading, ReadinessChecking {
        let filters = Mutex<[TimelineQueries.Filter]>([])
        let writes = Mutex(0)
        let log: [RecordedEvent]

        init(log: [RecordedEvent] = []) { self.log = log }

        static let park = TimelineQueries.ParkSummary(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通园区"], city: "南通")

        func parks() async throws -> [TimelineQueries.ParkSummary] { [Self.park] }
        func park(named name: String) async throws -> TimelineQueries.ParkSummary {
            try ParkResolver(parks: [Self.park]).resolve(name)
        }
        func events(_ filter: TimelineQueries.Filter) async throws -> [TimelineEventPayload] {
            filters.withLock { $0.append(filter) }
            return []
        }
        func history(of id: UUID) async throws -> [TimelineQueries.Version] { [] }
        func record(_ recording: TimelineEditor.Recording, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change {
            writes.withLock { $0 += 1 }
            throw EditError.projectionBehind
        }
        func retract(_ eventID: UUID, reason: String, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change {
            writes.withLock { $0 += 1 }
            throw EditError.unknownEvent(eventID)
        }
        func correct(_ eventID: UUID, _ correction: TimelineEditor.Correction, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change {
            writes.withLock { $0 += 1 }
            throw EditError.unknownEvent(eventID)
        }
        func merge(_ eventID: UUID, with others: [UUID], reason: String, actor: String) async throws -> TimelineEditor.Change {
            writes.withLock { $0 += 1 }
            throw EditError.unknownEvent(eventID)
        }
        func split(_ id: UUID, reason: String, actor: String) async throws -> TimelineEditor.Change {
            writes.withLock { $0 += 1 }
            throw EditError.nothingToSplit(id)
        }
        func ingest(_ document: SourceDocument) async throws -> DocumentIngest.Summary {
            writes.withLock { $0 += 1 }
            return DocumentIngest.Summary(reports: [])
        }
        func ingest(url: String, published: CivilDate?, source: String?) async throws -> DocumentIngest.Summary {
            writes.withLock { $0 += 1 }
            return DocumentIngest.Summary(reports: [])
        }
        func readAll(after cursor: LogCursor, limit: Int, category: String?) async throws -> [RecordedEvent] {
            Array(log.filter { $0.cursor > cursor }.prefix(limit))
        }
        func isPastEnd(_ cursor: LogCursor) async throws -> Bool {
            cursor != .start && !log.contains { $0.cursor >= cursor }
        }
        func projectorLag(limit: Int) async throws -> Int { 0 }
        var projectorRole: String { "leader" }
    }

    func withRouter(_ timeline: MemoryTimeline, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let settings = ConnectionSettings(socketPath: "/nonexistent/.s.PGSQL.5432", host: nil, port: 5432, username: "nobody",
                                          password: nil, database: "none", tls: .disable, displayName: "none")
        // Never run: with no LISTEN connection the page cache keeps nothing.
        let notifier = LogNotifier(settings: settings, logger: Logger(label: "test"))
        let router = buildRouter(
            configuration: ServerConfiguration(apiToken: testToken), timeline: timeline, writer: timeline, log: timeline,
            readiness: timeline, pages: PageCache(notifier: notifier, maximumAge: .seconds(1)), stream: nil,
            metrics: ServerMetrics(), logger: Logger(label: "test"))
        try await Application(router: router).test(.router, test)
    }

    @Test func aPlainDayAsOfIsTheEndOfThatDay() async throws {
        let timeline = MemoryTimeline()
        try await withRouter(timeline) { client in
            let response = try await client.get("/v1/events?as_of=2024-05-01&from=2024-05")
            #expect(response.status == .ok)
        }
        let filter = try #require(timeline.filters.withLock { $0.first })
        let endOfDay = ISO8601DateFormatter().date(from: "2024-05-02T00:00:00Z")!.addingTimeInterval(-0.001)
        #expect(abs(try #require(filter.asOf).timeIntervalSince(endOfDay)) < 0.0001)
        #expect(filter.from == "2024-05-01")
    }

    @Test func badParametersAre400sNamingTheParameter() async throws {
        try await withRouter(MemoryTimeline()) { client in
            let type = try await client.get("/v1/parks/suxitong/timeline?type=party")
            #expect(type.status == .badRequest)
            #expect(try (type.json()["error"] as? [String: Any])?["message"] as? String
                    == "type \"party\" is not an event type: use signing, groundbreaking, opening, completion, meeting, visit, award, policy")
            let asOf = try await client.get("/v1/events?as_of=soon")
            #expect(asOf.status == .badRequest && asOf.errorCode == "bad_request")
            let after = try await client.get("/v1/log?after=yesterday")
            #expect(after.status == .badRequest)
            let unknown = try await client.get("/v1/events/not-a-uuid")
            #expect(unknown.status == .notFound)
            let park = try await client.get("/v1/parks/\(percentEncoded("不存在园区"))")
            #expect(park.status == .notFound && park.errorCode == "unknown_park")
        }
    }

    @Test func writesNeedTheTokenBeforeAnythingIsAsked() async throws {
        let timeline = MemoryTimeline()
        try await withRouter(timeline) { client in
            let anonymous = try await client.post("/v1/documents", json: #"{"text": "x"}"#, token: nil)
            #expect(anonymous.status == .unauthorized)
            let wrong = try await client.post("/v1/events/\(UUID())/retractions", json: #"{"reason": "x"}"#, token: "not-the-token-at-all")
            #expect(wrong.status == .forbidden)
            let unknown = try await client.post("/v1/events/\(UUID())/retractions", json: #"{"reason": "x"}"#)
            #expect(unknown.status == .notFound && unknown.errorCode == "unknown_event")
        }
        #expect(timeline.writes.withLock { $0 } == 1)
    }

    @Test func theLogRouteAndReplayPrintTheSameLine() async throws {
        let event = RecordedEvent(
            position: 7, transactionID: 812, id: UUID(), stream: try StreamName("park-suxitong"), streamVersion: 3,
            type: DomainEventType.timelineEventRetracted.rawValue,
            data: try JSONEncoder.eventBody.encode(TimelineEventRetracted(eventId: UUID(), parkId: "suxitong", reason: "重复报道")),
            metadata: Data(#"{"actor":"api"}"#.utf8), recordedAt: Date(timeIntervalSince1970: 1_714_521_600))
        try await withRouter(MemoryTimeline(log: [event])) { client in
            let page = try await client.get("/v1/log")
            let lines = try #require(page.json()["events"] as? [[String: Any]])
            let line = try #require(lines.first)
            #expect(Set(line.keys) == ["position", "cursor", "stream", "stream_version", "id", "type", "recorded_at", "data", "metadata"])
            // `parkline replay` prints LogLine too: the same keys and values.
            let printed = try #require(JSONSerialization.jsonObject(with: Data(LogLine(event).jsonLine().utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: printed).isEqual(to: line))
            #expect((line["metadata"] as? [String: Any])?["actor"] as? String == "api")
            #expect(line["cursor"] as? String == "812-7")
        }
    }
}

/// What a subscriber is sent when a new report joins a known event.
struct StreamMessageTests {
    static func recorded<Body: Encodable>(_ type: DomainEventType, _ body: Body, position: Int64) throws -> RecordedEvent {
        RecordedEvent(position: position, transactionID: 9, id: UUID(), stream: try StreamName("park-suxitong"), streamVersion: position,
                      type: type.rawValue, data: try JSONEncoder.eventBody.encode(body), metadata: Data("{}".utf8),
                      recordedAt: Date(timeIntervalSince1970: 1_715_000_000))
    }

    @Test func aMergedReportIsAnUpdateOfItsEventNotANewEvent() throws {
        let park = ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: [], city: nil)
        func payload(_ title: String) -> TimelineEventPayload {
            TimelineEventPayload(eventId: UUID(), type: "signing", date: "2024-05-10", precision: "day", lower: "2024-05-10",
                                 upper: "2024-05-10", expression: nil, park: park, title: title, evidence: nil, subjects: [],
                                 amounts: [], source: .init(document: title))
        }
        let known = payload("paper"), report = payload("wire")
        let merged = known.merging(report)
        let events = [
            try Self.recorded(.timelineEventExtracted, report, position: 1),
            try Self.recorded(.reportsMerged, ReportsMerged(eventId: known.eventId, reports: [report.eventId], parkId: "suxitong",
                                                            rule: "same-subject", event: merged), position: 2),
        ]
        let changes = TimelineChange.changes(of: events)
        #expect(changes[0].1.isEmpty)
        #expect(changes[1].1.count == 1)
        let update = try #require(changes[1].1.first)
        #expect(update.kind == "updated")
        #expect(update.event?.id == known.eventId.uuidString.lowercased())
        #expect(update.event?.reports.count == 2)
        let message = try #require(StreamMessage(events[1], change: update))
        #expect(String(buffer: message.bytes).contains("event: updated\n"))
        #expect(SubscriptionFilter(parkID: "suxitong", type: "signing").admits(update))
        #expect(!SubscriptionFilter(parkID: "other").admits(update))

        // The resolver's merges carry no event: it is the one looked up for the merge's position.
        let lean = [events[0], try Self.recorded(.reportsMerged, ReportsMerged(eventId: known.eventId, reports: [report.eventId],
                                                                               parkId: "suxitong", rule: "same-subject"), position: 2)]
        #expect(MergeStates.points(in: lean).map(\.point) == [.init(eventID: known.eventId, position: 2)])
        #expect(MergeStates.points(in: events).isEmpty)
        #expect(TimelineChange.changes(of: lean, states: [.init(eventID: known.eventId, position: 2): merged])[1].1.first?.event?.reports.count == 2)
        #expect(TimelineChange.changes(of: lean)[1].1.first?.event == nil)

        // One merge of an ingest into two events: an update of each, each naming its own join,
        // and only the last carries the log event's id (a client cut off between them gets both again).
        let other = payload("other paper"), otherReport = payload("other wire")
        let both = try Self.recorded(.reportsMerged, ReportsMerged(joins: [
            .init(eventId: known.eventId, reports: [report.eventId], rule: "same-subject"),
            .init(eventId: other.eventId, reports: [otherReport.eventId], rule: "same-title"),
        ], parkId: "suxitong"), position: 3)
        #expect(MergeStates.points(in: [both]).map(\.point) == [.init(eventID: known.eventId, position: 3), .init(eventID: other.eventId, position: 3)])
        let states: [TimelineQueries.StatePoint: TimelineEventPayload] = [
            .init(eventID: known.eventId, position: 3): merged, .init(eventID: other.eventId, position: 3): other.merging(otherReport),
        ]
        let updates = TimelineChange.changes(of: both, states: states)
        #expect(updates.map(\.kind) == ["updated", "updated"])
        #expect(updates.map(\.event?.id) == [known, other].map { $0.eventId.uuidString.lowercased() })
        let parts = try updates.map { try JSONDecoder().decode(ReportsMerged.self, from: Data(try JSONEncoder().encode(#require($0.change)))) }
        #expect(parts.map(\.joins) == [[.init(eventId: known.eventId, reports: [report.eventId], rule: "same-subject")],
                                        [.init(eventId: other.eventId, reports: [otherReport.eventId], rule: "same-title")]])
        #expect(TimelineChange.changes(of: both).map(\.event) == [nil, nil])
        let group = StreamMessage.group(both, changes: updates)
        #expect(group.count == 2)
        #expect(String(buffer: try #require(group[0].bare)).hasPrefix("event: updated\n"))
        #expect(String(buffer: group[1].bytes).hasPrefix("id: \(both.cursor)\nevent: updated\n"))
        #expect(StreamMessage.group(events[1], changes: [update]).first?.bare == nil)
    }
}
