import EventStore
import Foundation

/// What the log says of one timeline event at a point of its history: its
/// fields and whether it is retracted.
///
/// `after(_:from:)` is the one fold of an event's history. Ingest uses it to
/// compare a re-read document with what its stream holds; the projector uses
/// it to store every state an event was known in.
public struct TimelineEventState: Sendable, Equatable {
    public var event: TimelineEventPayload
    public var retracted: Bool

    public init(event: TimelineEventPayload, retracted: Bool = false) {
        self.event = event
        self.retracted = retracted
    }

    /// A log event that changes a timeline event's state.
    public enum Change: Sendable {
        /// The whole state (`TimelineEventExtracted`, `TimelineEventRecorded`).
        case whole(TimelineEventPayload)
        case correction(TimelineEventCorrected)
        case retraction(TimelineEventRetracted)

        /// `nil` for log events that change no timeline event (documents, other types).
        public init?(_ event: RecordedEvent) throws {
            switch DomainEventType(rawValue: event.type) {
            case .timelineEventExtracted, .timelineEventRecorded:
                self = .whole(try event.decode(TimelineEventPayload.self))
            case .timelineEventCorrected:
                self = .correction(try event.decode(TimelineEventCorrected.self))
            case .timelineEventRetracted:
                self = .retraction(try event.decode(TimelineEventRetracted.self))
            case .documentIngested, .reportsMerged, .reportsSplit, nil:
                return nil
            }
        }

        /// The timeline event it changes.
        public var eventID: UUID {
            switch self {
            case .whole(let payload): payload.eventId
            case .correction(let correction): correction.eventId
            case .retraction(let retraction): retraction.eventId
            }
        }
    }

    /// The state after `change`, given the state before it (`nil`: the log
    /// has not named the event yet). A whole state replaces everything (and
    /// lifts a retraction); a correction replaces the fields it gives; a
    /// retraction keeps the fields. A correction or retraction of an event
    /// not known yet changes nothing and returns `nil`.
    public static func after(_ change: Change, from current: TimelineEventState?) -> TimelineEventState? {
        switch change {
        case .whole(let payload):
            return TimelineEventState(event: payload)
        case .correction(let correction):
            guard var state = current else { return nil }
            state.event = state.event.applying(correction)
            return state
        case .retraction:
            guard var state = current else { return nil }
            state.retracted = true
            return state
        }
    }

    /// Every timeline event a history names, in the order first named, with
    /// its state after the whole history. Undecodable events are skipped.
    public static func fold(_ history: [RecordedEvent]) -> [(id: UUID, state: TimelineEventState)] {
        var states: [UUID: TimelineEventState] = [:]
        var order: [UUID] = []
        for event in history {
            guard let change = (try? Change(event)) ?? nil else { continue }
            let id = change.eventID
            guard let next = after(change, from: states[id]) else { continue }
            if states[id] == nil { order.append(id) }
            states[id] = next
        }
        return order.map { ($0, states[$0]!) }
    }
}
