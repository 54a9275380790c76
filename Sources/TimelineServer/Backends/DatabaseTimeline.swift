import EventStore
import Extraction
import Foundation
import Logging
import Timeline
import TimelineEvents

/// The daemon's timeline: queries on the read models (a standby's, when
/// one is configured), writes through the editor and the ingest use case on
/// the primary.
struct DatabaseTimeline: TimelineReading, TimelineWriting {
    let queries: TimelineQueries
    let editor: TimelineEditor
    let documents: DocumentIngest
    /// Pages fetched for the API and the watcher.
    let web: WebIngest
    /// Parks the gazetteer knows, found before their first event.
    let gazetteer: [Park]

    func parks() async throws -> [TimelineQueries.ParkSummary] { try await queries.parks() }

    func park(named name: String) async throws -> TimelineQueries.ParkSummary {
        try await queries.resolvePark(name, gazetteer: gazetteer)
    }

    func events(_ filter: TimelineQueries.Filter) async throws -> [TimelineEventPayload] { try await queries.events(filter) }

    func records(_ filter: TimelineQueries.Filter) async throws -> TimelineQueries.RenderedListing { try await queries.records(filter) }

    func history(of id: UUID) async throws -> [TimelineQueries.Version] { try await queries.history(of: id) }

    func readCursor() async throws -> LogCursor? { try await queries.readCursor() }

    func record(_ recording: TimelineEditor.Recording, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change {
        try await editor.record(recording, actor: actor, idempotencyKey: idempotencyKey)
    }

    func retract(_ eventID: UUID, reason: String, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change {
        try await editor.retract(eventID, reason: reason, actor: actor, idempotencyKey: idempotencyKey)
    }

    func correct(_ eventID: UUID, _ correction: TimelineEditor.Correction, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change {
        try await editor.correct(eventID, correction, actor: actor, idempotencyKey: idempotencyKey)
    }

    func merge(_ eventID: UUID, with others: [UUID], reason: String, actor: String) async throws -> TimelineEditor.Change {
        try await editor.merge(eventID, with: others, reason: reason, actor: actor)
    }

    func split(_ id: UUID, reason: String, actor: String) async throws -> TimelineEditor.Change {
        try await editor.split(id, reason: reason, actor: actor)
    }

    func ingest(_ document: SourceDocument) async throws -> DocumentIngest.Summary {
        try await documents.ingest([document])
    }

    func ingest(url: String, published: CivilDate?, source: String?) async throws -> DocumentIngest.Summary {
        try await web.ingest(urls: [url], published: published, source: source)
    }
}
