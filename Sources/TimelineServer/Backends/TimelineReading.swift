import EventStore
import Foundation
import NIOCore
import Timeline
import TimelineEvents

/// What the read routes ask: answers from the read models. The daemon
/// answers from PostgreSQL (`DatabaseTimeline`); route tests may answer
/// from memory.
public protocol TimelineReading: Sendable {
    /// Every park with events, busiest first.
    func parks() async throws -> [TimelineQueries.ParkSummary]
    /// The park a name, alias or id means (the gazetteer's parks count too).
    func park(named name: String) async throws -> TimelineQueries.ParkSummary
    /// Events in date order, current or as of a time.
    func events(_ filter: TimelineQueries.Filter) async throws -> [TimelineEventPayload]
    /// The same events as the API shows them (`EventRecord`'s JSON), with
    /// the read cursor they were read at.
    func records(_ filter: TimelineQueries.Filter) async throws -> TimelineQueries.RenderedListing
    /// One event's versions, oldest first; empty when the id is unknown.
    func history(of id: UUID) async throws -> [TimelineQueries.Version]
    /// Where in the log the read models are: a listing read after asking
    /// shows everything up to it, so a stream opened there misses nothing.
    /// `nil` when the answers do not come from the log.
    func readCursor() async throws -> LogCursor?
}

extension TimelineReading {
    public func readCursor() async throws -> LogCursor? { nil }

    /// Rendered in Swift, for answers that do not come from the database.
    public func records(_ filter: TimelineQueries.Filter) async throws -> TimelineQueries.RenderedListing {
        let encoder = JSONEncoder.parkline
        // Asked before the listing: the listing shows at least everything up to it.
        let cursor = try await readCursor()
        let events = try await events(filter).map { event in
            TimelineQueries.RenderedEvent(json: ByteBuffer(bytes: try encoder.encode(EventRecord(event))), key: .init(event))
        }
        return TimelineQueries.RenderedListing(events: events, readCursor: cursor)
    }
}
