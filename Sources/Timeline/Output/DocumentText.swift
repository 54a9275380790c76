import EventStore
import Foundation
import TimelineEvents

/// A document's text as Parkline read it (kept in its `DocumentIngested`),
/// with an event's evidence marked where its offsets point.
public enum DocumentText {
    /// The text of the document `hash`, from its newest `DocumentIngested` that kept one.
    public static func read(documentHash hash: String, from store: EventStore) async throws -> String? {
        let events = try await store.read(stream: StreamName(category: "document", id: hash))
        return events.reversed().lazy
            .filter { $0.type == DomainEventType.documentIngested.rawValue }
            .compactMap { try? $0.decode(DocumentIngested.self).text }
            .first
    }

    /// `text` with the Unicode-scalar range `offset` (`[start, end)`) between 【 and 】.
    public static func marking(_ text: String, offset: [Int]) -> String {
        let scalars = Array(text.unicodeScalars)
        guard offset.count == 2, 0 <= offset[0], offset[0] <= offset[1], offset[1] <= scalars.count else { return text }
        var marked = String.UnicodeScalarView()
        marked.append(contentsOf: scalars[..<offset[0]])
        marked.append(contentsOf: "【".unicodeScalars)
        marked.append(contentsOf: scalars[offset[0]..<offset[1]])
        marked.append(contentsOf: "】".unicodeScalars)
        marked.append(contentsOf: scalars[offset[1]...])
        return String(marked)
    }
}
