import EventStore
import Foundation
import Testing
import TimelineEvents

@Suite struct ReportsMergedTests {
    /// The resolver's merges are written without the encoder; what they hold
    /// must be what the encoder writes, byte for byte (escapes included).
    @Test(arguments: ["suxitong", "园区-7", "a\"b\\c/d", "line\nbreak\ttab\r", "\u{01}\u{08}\u{0C}\u{1F}\u{7F}", "\u{2028}😀", ""])
    func theResolversBodyIsTheEncodersBytes(park: String) throws {
        let merge = ReportsMerged(eventId: UUID(), reports: [UUID(), UUID()], parkId: park, rule: "same-\(park)")
        #expect(try merge.encodedBody(.eventBody) == JSONEncoder.eventBody.encode(merge))
        let several = ReportsMerged(joins: [.init(eventId: UUID(), reports: [UUID()], rule: "same-\(park)"),
                                            .init(eventId: UUID(), reports: [UUID(), UUID()], rule: "same-title")], parkId: park)
        #expect(try several.encodedBody(.eventBody) == JSONEncoder.eventBody.encode(several))
        #expect(try JSONDecoder().decode(ReportsMerged.self, from: several.encodedBody(.eventBody)) == several)
        let one = ReportsMerged(eventId: UUID(), reports: [UUID()], parkId: park, rule: "same-subject")
        #expect(try one.encodedBody(.eventBody) == JSONEncoder.eventBody.encode(one))
        let decoded = try JSONDecoder().decode(ReportsMerged.self, from: one.encodedBody(.eventBody))
        #expect(decoded == one)
    }

    /// A person's merge (with its reason and the event it made) is the encoder's.
    @Test func otherShapesAreTheEncoders() throws {
        let merge = ReportsMerged(eventId: UUID(), reports: [], parkId: "p", rule: "person", reason: "same signing")
        #expect(try merge.encodedBody(.eventBody) == JSONEncoder.eventBody.encode(merge))
    }

    /// A merge written before merges held several joins (and a person's) reads
    /// as one join; one of several is read from `joins`, seen from each event.
    @Test func bothFormsRead() throws {
        let (event, report, other) = (UUID(), UUID(), UUID())
        let single = #"{"eventId":"\#(event)","parkId":"suxitong","reports":["\#(report)"],"rule":"same-subject"}"#
        let old = try JSONDecoder().decode(ReportsMerged.self, from: Data(single.utf8))
        #expect(old.joins == [.init(eventId: event, reports: [report], rule: "same-subject")])
        #expect(try String(decoding: old.encodedBody(.eventBody), as: UTF8.self) == single)
        let several = ReportsMerged(joins: [.init(eventId: event, reports: [report], rule: "same-subject"),
                                            .init(eventId: other, reports: [UUID()], rule: "same-title"),
                                            .init(eventId: event, reports: [other], rule: "same-title")], parkId: "suxitong")
        let body = try String(decoding: several.encodedBody(.eventBody), as: UTF8.self)
        #expect(body.hasPrefix(#"{"joins":[{"eventId":""#) && !body.contains(#""joins":[{"eventId":"\#(event)","parkId""#))
        #expect(several.targets == [event, other])
        #expect(several.reports.count == 3)
        #expect(several.joins(into: event).joins.map(\.reports) == [[report], [other]])
    }

    /// A resolver's merge of one join has the id it had when every merge was one join.
    @Test func oneJoinsIDIsTheSingleMergesID() {
        let (report, event) = (UUID(), UUID())
        #expect(DeterministicID.merge(of: [(report, event)]) == DeterministicID.merge(of: report, into: event))
        let two = DeterministicID.merge(of: [(report, event), (UUID(), event)])
        #expect(two != DeterministicID.merge(of: report, into: event))
        #expect(two.uuidString.prefix(13) == DeterministicID.extraction(of: report).uuidString.prefix(13))
    }
}
