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
    /// Reports found to be of one act: the timeline shows them as one event.
    case reportsMerged = "ReportsMerged"
    /// Reports a person says are of different acts: each is its own event again.
    case reportsSplit = "ReportsSplit"
}
