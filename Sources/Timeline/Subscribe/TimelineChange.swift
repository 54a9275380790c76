import EventStore
import Foundation
import TimelineEvents

/// A log event as subscribers receive it (`GET /v1/stream`, `parkline
/// subscribe`): a timeline event's whole state, or a correction or
/// retraction of one. Documents' own events are not timeline changes.
public struct TimelineChange: Codable, Sendable {
    /// The log event type (`TimelineEventExtracted`, …).
    public var type: String
    /// The SSE event name: `updated` when a report joins a known event,
    /// else the log event type.
    public var kind: String {
        type == DomainEventType.reportsMerged.rawValue ? "updated" : type
    }
    public var cursor: String
    public var position: Int64
    /// The park it concerns.
    public var park: String?
    public var recorded_at: Date
    /// The event's state, for extracted and recorded events.
    public var event: EventRecord?
    /// What changed, for corrections and retractions.
    public var change: RawJSON?

    /// `nil` for log events that change no timeline event. `state` is the
    /// event a merge left, when the merge does not carry it (``MergeStates``).
    public init?(_ logEvent: RecordedEvent, state: TimelineEventPayload? = nil) {
        switch DomainEventType(rawValue: logEvent.type) {
        case .timelineEventExtracted, .timelineEventRecorded:
            guard let payload = try? logEvent.decode(TimelineEventPayload.self) else { return nil }
            park = payload.park.id
            event = EventRecord(payload)
        case .timelineEventCorrected, .timelineEventRetracted:
            park = TimelineEventPark.of(logEvent)
            change = RawJSON(data: logEvent.data)
        case .reportsMerged:
            // A new report of a known event: the event, updated (same id).
            guard let merge = try? logEvent.decode(ReportsMerged.self) else { return nil }
            park = merge.parkId
            event = (merge.event ?? state).map(EventRecord.init)
            change = RawJSON(data: logEvent.data)
        case .reportsSplit:
            park = TimelineEventPark.of(logEvent)
            change = RawJSON(data: logEvent.data)
        case .documentIngested, nil:
            return nil
        }
        type = logEvent.type
        cursor = logEvent.cursor.description
        position = logEvent.position
        recorded_at = logEvent.recordedAt
    }
}

extension TimelineChange {
    /// The changes one log event makes for subscribers: none (a document's
    /// own event), one, or for a merge into several events one per event,
    /// each an update of that event whose `change` holds its joins alone (as
    /// a merge into one event reads). `states`: the events lean merges left
    /// (``MergeStates``); a merge's event missing there is sent without it.
    public static func changes(of logEvent: RecordedEvent, states: [TimelineQueries.StatePoint: TimelineEventPayload] = [:]) -> [TimelineChange] {
        guard logEvent.type == DomainEventType.reportsMerged.rawValue, let merge = try? logEvent.decode(ReportsMerged.self) else {
            return TimelineChange(logEvent).map { [$0] } ?? []
        }
        let stateOf = { (target: UUID) in states[TimelineQueries.StatePoint(eventID: target, position: logEvent.position)] }
        guard merge.targets.count > 1 else {
            return TimelineChange(logEvent, state: merge.targets.first.flatMap(stateOf)).map { [$0] } ?? []
        }
        // Each with its joins alone; sent without its event when the read model has not got it.
        return merge.targets.compactMap { target in
            guard var change = TimelineChange(logEvent, state: stateOf(target)),
                  let part = try? merge.joins(into: target).encodedBody(.eventBody) else { return nil }
            change.change = RawJSON(data: part)
            return change
        }
    }

    /// The changes of `events` (consecutive log events) subscribers see, each
    /// log event's in order: a report that a merge in the same stretch joins
    /// to a known event is not a new event, so only the merge's update is kept.
    public static func changes(of events: [RecordedEvent], states: [TimelineQueries.StatePoint: TimelineEventPayload] = [:])
        -> [(RecordedEvent, [TimelineChange])] {
        let merged = Set(events.lazy.filter { $0.type == DomainEventType.reportsMerged.rawValue }
            .compactMap { try? $0.decode(ReportsMerged.self) }.flatMap(\.reports))
        return events.map { event in
            (event, changes(of: event, states: states).filter { change in
                guard let id = change.event?.id, change.type == DomainEventType.timelineEventExtracted.rawValue,
                      let uuid = UUID(uuidString: id) else { return true }
                return !merged.contains(uuid)
            })
        }
    }
}

/// Which timeline changes a subscriber wants: one park's, one type's.
public struct SubscriptionFilter: Sendable, Equatable {
    public var parkID: String?
    public var type: String?

    public init(parkID: String? = nil, type: String? = nil) {
        self.parkID = parkID
        self.type = type
    }

    /// Whether `change` passes. A type filter holds whole states to their
    /// type; corrections and retractions of the park pass it (they may
    /// change an event of that type, or into it).
    public func admits(_ change: TimelineChange) -> Bool {
        if let parkID, change.park != parkID { return false }
        if let type, let event = change.event, event.type != type { return false }
        return true
    }
}
