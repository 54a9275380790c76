import Foundation
import Testing
@testable import TimelineEvents

/// Ids derived from names are the log's memory of what it was told: a
/// document read again, or a write retried, must give the ids it gave the
/// first time, in every version of Parkline.
@Suite struct DeterministicIDTests {
    /// Ids written by earlier versions, whose names spelled each UUID as Foundation's `uuidString` does.
    @Test func idsAreThoseEarlierVersionsWrote() throws {
        let event = try #require(UUID(uuidString: "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"))
        let report = try #require(UUID(uuidString: "00112233-4455-6677-8899-AABBCCDDEEFF"))
        #expect(DeterministicID.extraction(of: event).uuidString == "27EBCE8C-F742-5261-9620-0E5A1A7A9010")
        #expect(DeterministicID.merge(of: report, into: event).uuidString == "91BFDB34-90C6-5C8C-B132-A8D637DEF837")
        #expect(DeterministicID.reread(.timelineEventRetracted, of: event, extractorVersion: "7").uuidString
            == "8583F5CA-EBC8-54A8-B97D-0D8A29AC03F4")
    }

    /// The spelling used in names is Foundation's, for any id.
    @Test func anIdIsSpelledAsFoundationSpellsIt() throws {
        let ids = [UUID(), UUID(), try #require(UUID(uuidString: "00000000-0000-0000-0000-000000000000")),
                   try #require(UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"))] + (0..<200).map { _ in UUID() }
        for id in ids { #expect(id.uuidText == id.uuidString) }
    }
}
