import Extraction
import TimelineEvents

/// The log's shape of what the extractor found (the log keeps its own
/// shapes, so it stays readable after the extractor changes).
extension TimelineEventPayload {
    init(_ event: ExtractedEvent) {
        self.init(
            eventId: DeterministicID.timelineEvent(identity: event.identity), type: event.type.rawValue, date: event.date.formatted,
            precision: event.date.precision.rawValue, lower: event.date.lower.description, upper: event.date.upper.description,
            expression: event.expression,
            park: ParkPayload(id: event.park.id, name: event.park.name, aliases: event.park.aliases, city: event.park.city),
            title: event.title, evidence: event.evidence, subjects: event.subjects,
            amounts: event.amounts.map { Money(value: $0.value, currency: $0.currency, text: $0.text) },
            source: .init(
                document: event.provenance.document, documentHash: event.provenance.documentHash,
                offset: [event.provenance.start, event.provenance.end],
                published: event.provenance.published.description, extractorVersion: event.provenance.extractorVersion
            )
        )
    }
}
