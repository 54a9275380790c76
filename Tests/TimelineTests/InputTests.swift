import EventStore
import Foundation
import Testing
import Timeline

/// One parser for what the CLI's flags and the API's parameters carry.
struct InputTests {
    let flags = TimelineInput(.flag)
    let parameters = TimelineInput(.parameter)

    @Test func aPlainDayAsOfMeansTheEndOfThatDayForBothCallers() throws {
        let endOfDay = ISO8601DateFormatter().date(from: "2024-05-02T00:00:00Z")!.addingTimeInterval(-0.001)
        #expect(abs(try #require(try flags.instant("2024-05-01")).timeIntervalSince(endOfDay)) < 0.0001)
        #expect(abs(try #require(try parameters.instant("2024-05-01")).timeIntervalSince(endOfDay)) < 0.0001)
        #expect(try parameters.instant("2024-05-01T12:00:00Z") == ISO8601DateFormatter().date(from: "2024-05-01T12:00:00Z"))
        #expect(try parameters.instant("2024-05-01T12:00:00.250Z") != nil)
    }

    @Test func errorsNameTheInputAsTheCallerSpellsIt() {
        #expect(throws: InputError("--as-of", "soon", "is not a time: use ISO 8601 (2024-05-01T12:00:00Z) or a day (YYYY-MM-DD, meaning its end)")) {
            try flags.instant("soon")
        }
        #expect(throws: InputError("as_of", "soon", "is not a time: use ISO 8601 (2024-05-01T12:00:00Z) or a day (YYYY-MM-DD, meaning its end)")) {
            try parameters.instant("soon")
        }
        #expect(throws: InputError("--type", "party", "is not an event type: use signing, groundbreaking, opening, completion, meeting, visit, award, policy")) {
            try flags.eventType("party")
        }
        #expect(throws: InputError("the event id", "42", "is not an event id: ids are UUIDs such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427, as events listings give them")) {
            try flags.eventID("42", field: "the event id")
        }
        #expect(flags.name("maxSubscriberLag") == "--max-subscriber-lag")
        #expect(parameters.name("asOf") == "as_of")
    }

    @Test func filterBoundsCoverTheWholePeriodTheyName() throws {
        let filter = try parameters.filter(parkID: "suxitong", type: "signing", from: "2024-05", to: "2024-Q2", asOf: nil)
        #expect(filter.from == "2024-05-01")
        #expect(filter.to == "2024-06-30")
        #expect(filter.type == "signing")
        #expect(filter.asOf == nil)
    }

    @Test func startsAreStartEndOrACursor() throws {
        #expect(try flags.start("start") == .start)
        #expect(try flags.start("end") == .end)
        #expect(try flags.start("812-40") == .after(LogCursor("812-40")!))
        #expect(throws: InputError.self) { try flags.start("yesterday") }
    }
}
