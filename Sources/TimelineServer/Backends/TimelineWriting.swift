import EventStore
import Extraction
import Foundation
import Timeline

/// What the write routes ask: hand edits and documents, appended to the log
/// and settled into the read models before the answer.
public protocol TimelineWriting: Sendable {
    func record(_ recording: TimelineEditor.Recording, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change
    func retract(_ eventID: UUID, reason: String, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change
    func correct(_ eventID: UUID, _ correction: TimelineEditor.Correction, actor: String, idempotencyKey: String?) async throws -> TimelineEditor.Change
    func ingest(_ document: SourceDocument) async throws -> DocumentIngest.Summary
    /// Fetch the page at `url` and ingest its article.
    func ingest(url: String, published: CivilDate?, source: String?) async throws -> DocumentIngest.Summary
    func merge(_ eventID: UUID, with others: [UUID], reason: String, actor: String) async throws -> TimelineEditor.Change
    func split(_ id: UUID, reason: String, actor: String) async throws -> TimelineEditor.Change
}

/// What the log route asks: the raw log in order.
public protocol LogReading: Sendable {
    func readAll(after cursor: LogCursor, limit: Int, category: String?) async throws -> [RecordedEvent]
    /// Whether `cursor` lies past the end of the log (see ``EventStore/isPastEnd(_:)``).
    func isPastEnd(_ cursor: LogCursor) async throws -> Bool
}

extension EventStore: LogReading {}
