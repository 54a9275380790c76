import EventStore
import Foundation

/// The park a timeline event of the log concerns, for filtering streams.
public enum TimelineEventPark {
    public static func of(_ event: RecordedEvent) -> String? {
        switch DomainEventType(rawValue: event.type) {
        case .timelineEventExtracted, .timelineEventRecorded:
            return (try? event.decode(TimelineEventPayload.self))?.park.id
        case .timelineEventCorrected:
            return (try? event.decode(TimelineEventCorrected.self))?.parkId ?? parkOfStream(event.stream)
        case .timelineEventRetracted:
            return (try? event.decode(TimelineEventRetracted.self))?.parkId ?? parkOfStream(event.stream)
        case .reportsMerged:
            return (try? event.decode(ReportsMerged.self))?.parkId ?? parkOfStream(event.stream)
        case .reportsSplit:
            return (try? event.decode(ReportsSplit.self))?.parkId ?? parkOfStream(event.stream)
        case .documentIngested, nil:
            return nil
        }
    }

    static func parkOfStream(_ stream: StreamName) -> String? {
        stream.category == "park" ? stream.id : nil
    }
}
