@testable import EventStore
import Foundation
import Testing
import TimelineEvents

/// The one fold of an event's history, and the names ids are made from.
struct TimelineEventStateTests {
    static let park = ParkPayload(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通园区"], city: "南通")
    static let id = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!

    static func payload(title: String = "某项目签约", date: String = "2024-05-10") -> TimelineEventPayload {
        TimelineEventPayload(eventId: id, type: "signing", date: date, precision: "day", lower: date, upper: date,
                             expression: nil, park: park, title: title, evidence: nil, subjects: [], amounts: [], source: .init())
    }

    static func logEvent<Body: Encodable>(_ type: DomainEventType, _ body: Body, position: Int64) throws -> RecordedEvent {
        RecordedEvent(position: position, transactionID: 1, id: UUID(), stream: try StreamName("park-suxitong"),
                      streamVersion: position, type: type.rawValue, data: try JSONEncoder.eventBody.encode(body),
                      metadata: Data("{}".utf8), recordedAt: Date(timeIntervalSince1970: TimeInterval(position)))
    }

    @Test func aCorrectionReplacesOnlyTheFieldsItGives() {
        let before = TimelineEventState(event: Self.payload())
        let correction = TimelineEventCorrected(eventId: Self.id, title: "某项目正式签约", reason: "typo")
        let after = TimelineEventState.after(.correction(correction), from: before)
        #expect(after?.event.title == "某项目正式签约")
        #expect(after?.event.date == "2024-05-10")
        #expect(after?.retracted == false)
    }

    @Test func aRetractionKeepsTheFieldsAndAWholeStateLiftsIt() {
        let retracted = TimelineEventState.after(.retraction(TimelineEventRetracted(eventId: Self.id, reason: "wrong")),
                                                 from: TimelineEventState(event: Self.payload()))
        #expect(retracted == TimelineEventState(event: Self.payload(), retracted: true))
        let recordedAgain = TimelineEventState.after(.whole(Self.payload(title: "再次记录")), from: retracted)
        #expect(recordedAgain == TimelineEventState(event: Self.payload(title: "再次记录")))
    }

    @Test func editsOfAnUnknownEventChangeNothing() {
        #expect(TimelineEventState.after(.correction(TimelineEventCorrected(eventId: Self.id, date: "2024-06", reason: "r")), from: nil) == nil)
        #expect(TimelineEventState.after(.retraction(TimelineEventRetracted(eventId: Self.id, reason: "r")), from: nil) == nil)
    }

    @Test func aHistoryFoldsToEachEventsLastStateInFirstNamedOrder() throws {
        let other = UUID(uuidString: "00000000-0000-4000-8000-000000000002")!
        var second = Self.payload(title: "另一个项目开工", date: "2024-06-01")
        second.eventId = other
        let history = [
            try Self.logEvent(.documentIngested, ["document": "x"], position: 1),
            try Self.logEvent(.timelineEventExtracted, Self.payload(), position: 2),
            try Self.logEvent(.timelineEventExtracted, second, position: 3),
            try Self.logEvent(.timelineEventCorrected, TimelineEventCorrected(eventId: Self.id, date: "2024-05-11", reason: "r"), position: 4),
            try Self.logEvent(.timelineEventRetracted, TimelineEventRetracted(eventId: other, reason: "r"), position: 5),
        ]
        let folded = TimelineEventState.fold(history)
        #expect(folded.map(\.id) == [Self.id, other])
        #expect(folded[0].state.event.date == "2024-05-11" && !folded[0].state.retracted)
        #expect(folded[1].state.retracted && folded[1].state.event.title == "另一个项目开工")
    }

    @Test func namesGiveStableDistinctIds() {
        let event = DeterministicID.timelineEvent(identity: "abc:1:2:signing:2024-05-10:")
        let other = DeterministicID.timelineEvent(identity: "def:3:4:signing:2024-05-10:")
        #expect(event == DeterministicID.timelineEvent(identity: "abc:1:2:signing:2024-05-10:"))
        // The extractor's identities have named events this way since extractor 1.0: logs keep their ids.
        #expect(event.uuidString.lowercased() == "106fd31c-4375-5f46-aa75-7bb641b30ecd")
        let kinds = [
            DeterministicID.extraction(of: event), DeterministicID.recording(of: event),
            DeterministicID.reread(.timelineEventCorrected, of: event, extractorVersion: "v1"),
            DeterministicID.reread(.timelineEventRetracted, of: event, extractorVersion: "v1"),
            DeterministicID.edit(.timelineEventCorrected, of: event, idempotencyKey: "k"),
            DeterministicID.edit(.timelineEventRetracted, of: event, idempotencyKey: "k"),
            DeterministicID.merge(of: event, into: other), DeterministicID.merge(of: other, into: event),
        ]
        #expect(Set(kinds).count == kinds.count)
        // A merge sits beside its report's log event in the id index: the first six bytes are the same.
        let merge = DeterministicID.merge(of: event, into: other)
        #expect(merge.uuidString.prefix(13) == DeterministicID.extraction(of: event).uuidString.prefix(13))
        #expect(merge.uuidString.prefix(13) != DeterministicID.merge(of: other, into: event).uuidString.prefix(13))
        // Version 5 layout: version nibble 5, RFC 4122 variant.
        #expect(kinds.allSatisfy { $0.uuidString.dropFirst(14).first == "5" && "89AB".contains($0.uuidString.dropFirst(19).first!) })
    }
}
