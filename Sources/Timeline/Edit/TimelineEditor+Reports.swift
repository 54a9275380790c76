import EventStore
import Foundation
import TimelineEvents

/// A person overruling the resolver: these reports are of one act, or of
/// different ones. Appended to the park's stream like every hand edit; the
/// resolver never undoes them (it only ever places new reports).
extension TimelineEditor {
    /// Merge `others` into `eventID`'s event (each with all its reports).
    /// The event whose first report the log holds first keeps its id.
    public func merge(_ eventID: UUID, with others: [UUID], reason: String, actor: String) async throws -> Change {
        let reason = try Self.checkedText(reason, field: "reason", limit: Self.maximumTextLength)
        var states: [(payload: TimelineEventPayload, known: Date)] = []
        var stream: StreamName?
        var version = ExpectedVersion.any
        for id in [eventID] + others {
            let (state, parkStream, expected) = try await currentState(of: id, idempotent: false)
            guard !states.contains(where: { $0.payload.eventId == state.eventId }) else { continue }
            if let stream, stream != parkStream { throw EditError.differentParks(eventID, id) }
            stream = parkStream
            version = expected
            let first = try await queries.history(of: state.eventId).first?.knownFrom ?? .distantFuture
            states.append((state, first))
        }
        guard states.count > 1, let stream else { throw EditError.nothingToMerge(eventID) }
        let ordered = states.sorted { $0.known < $1.known }
        let target = ordered[0].payload
        let merged = ordered.dropFirst().reduce(target) { $0.merging($1.payload) }
        let body = ReportsMerged(eventId: target.eventId, reports: ordered.dropFirst().map(\.payload.eventId), parkId: target.park.id,
                                 rule: "person", reason: reason, event: merged)
        let event = try NewEvent(type: DomainEventType.reportsMerged.rawValue, body: body, metadata: ["actor": actor])
        let result = try await store.append(to: stream, expectedVersion: version, events: [event])
        await settle(past: result.lastCursor)
        return Change(event: merged, append: result)
    }

    /// Split a report off the event it was merged into (given the report's
    /// id), or every other report off an event (given the event's id): each
    /// becomes its own event again.
    public func split(_ id: UUID, reason: String, actor: String) async throws -> Change {
        let reason = try Self.checkedText(reason, field: "reason", limit: Self.maximumTextLength)
        let own = try await queries.history(of: id).last
        let (event, stream, version) = try await currentState(of: id, idempotent: false)
        let leaving: [UUID]
        if own?.event.mergedInto != nil {
            leaving = [id]
        } else {
            leaving = event.allReports.map(\.eventId).filter { $0 != event.eventId }
        }
        guard !leaving.isEmpty else { throw EditError.nothingToSplit(id) }
        let body = ReportsSplit(eventId: event.eventId, reports: leaving, parkId: event.park.id, reason: reason)
        let appended = try NewEvent(type: DomainEventType.reportsSplit.rawValue, body: body, metadata: ["actor": actor])
        let result = try await store.append(to: stream, expectedVersion: version, events: [appended])
        await settle(past: result.lastCursor)
        return Change(event: event.removingReports(Set(leaving)), append: result)
    }
}
