import Foundation

/// The event types of Parkline's log and their JSON bodies.
///
/// The shapes are Parkline's own (not the extractor's types): the log must
/// stay readable after the extractor changes.
public enum DomainEventType: String, Sendable, CaseIterable {
    case documentIngested = "DocumentIngested"
    case timelineEventExtracted = "TimelineEventExtracted"
    case timelineEventRecorded = "TimelineEventRecorded"
    case timelineEventCorrected = "TimelineEventCorrected"
    case timelineEventRetracted = "TimelineEventRetracted"
}
