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
}
