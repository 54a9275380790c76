import EventStore
import Hummingbird
import Timeline

/// The answer to a hand edit: the event as it now stands, and where the
/// change sits in the log. `201 Created`, or `200 OK` for a retried request
/// the log already holds.
struct ChangeResponse: Encodable {
    var event: EventRecord
    var retracted: Bool
    var cursor: String
    var duplicate: Bool

    static func response(_ change: TimelineEditor.Change, retracted: Bool, metrics: ServerMetrics) throws -> Response {
        if !change.append.wasDuplicate { metrics.appendedEvents.increment(by: Int64(change.append.positions.count)) }
        return try json(
            ChangeResponse(event: EventRecord(change.event), retracted: retracted,
                           cursor: change.append.lastCursor.description, duplicate: change.append.wasDuplicate),
            status: change.append.wasDuplicate ? .ok : .created)
    }
}
