import EventStore
import Foundation
import TimelineEvents

/// Where an event was read: each report's document, outlet and publication
/// date, and the paragraph of the document's text (as the log keeps it in
/// `DocumentIngested.text`) around the evidence sentence, so a reader can
/// check the sentence in its context.
public struct EventSources: Sendable {
    let queries: TimelineQueries
    let store: EventStore

    public init(queries: TimelineQueries, store: EventStore) {
        self.queries = queries
        self.store = store
    }

    /// A paragraph cut in three around the evidence.
    public struct Paragraph: Sendable, Codable, Equatable {
        public var before: String
        public var evidence: String
        public var after: String

        public init(before: String, evidence: String, after: String) {
            self.before = before
            self.evidence = evidence
            self.after = after
        }
    }

    /// One report of the event.
    public struct Report: Sendable, Codable, Equatable {
        public var id: String
        /// The document's name as ingested (a file name or the page's URL).
        public var document: String
        /// The document's address, when its name is a web address.
        public var url: String?
        public var outlet: String?
        public var published: String?
        /// Who recorded it, for events recorded by hand.
        public var recorded_by: String?
        public var evidence: String?
        /// `nil` when the log keeps no text for the document (recorded by
        /// hand, or ingested before the log kept texts).
        public var paragraph: Paragraph?
    }

    /// The reports of the event `id` (or of the event a report `id` was
    /// merged into), oldest first; `nil` when no event has that id.
    public func reports(of id: UUID) async throws -> [Report]? {
        var history = try await queries.history(of: id)
        for _ in 0..<8 {
            guard let host = history.last?.event.mergedInto else { break }
            history = try await queries.history(of: host)
        }
        guard let event = history.last?.event else { return nil }
        var texts: [String: String?] = [:]
        var result: [Report] = []
        for report in event.allReports {
            var paragraph: Paragraph?
            if let hash = report.source.documentHash, let offset = report.source.offset {
                if texts[hash] == nil { texts[hash] = .some(try await DocumentText.read(documentHash: hash, from: store)) }
                if let text = texts[hash] ?? nil { paragraph = Self.paragraph(in: text, offset: offset) }
            }
            let document = report.source.document ?? ""
            result.append(Report(
                id: report.eventId.uuidString.lowercased(), document: document, url: Self.webAddress(document),
                outlet: report.source.outlet, published: report.source.published, recorded_by: report.source.recordedBy,
                evidence: report.evidence, paragraph: paragraph))
        }
        return result
    }

    /// `name` when it is an http or https address, else `nil`.
    public static func webAddress(_ name: String) -> String? {
        guard let url = URL(string: name), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else { return nil }
        return name
    }

    /// The paragraph of `text` holding the Unicode-scalar range `offset`
    /// (`[start, end)`): from the line break before it to the one after,
    /// at most `context` scalars either side (a cut is marked with `…`).
    /// `nil` when the offsets do not fit the text.
    public static func paragraph(in text: String, offset: [Int], context: Int = 400) -> Paragraph? {
        let scalars = Array(text.unicodeScalars)
        guard offset.count == 2, 0 <= offset[0], offset[0] <= offset[1], offset[1] <= scalars.count else { return nil }
        let isBreak = { (scalar: Unicode.Scalar) in scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" }
        var start = offset[0]
        while start > 0, !isBreak(scalars[start - 1]), offset[0] - start < context { start -= 1 }
        var end = offset[1]
        while end < scalars.count, !isBreak(scalars[end]), end - offset[1] < context { end += 1 }
        let string = { (range: Range<Int>) in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        var before = string(start..<offset[0])
        var after = string(offset[1]..<end)
        if start > 0, !isBreak(scalars[start - 1]) { before = "…" + before }
        if end < scalars.count, !isBreak(scalars[end]) { after += "…" }
        before = String(before.drop(while: { $0.isWhitespace }))
        after = String(after.reversed().drop(while: { $0.isWhitespace }).reversed())
        return Paragraph(before: before, evidence: string(offset[0]..<offset[1]), after: after)
    }
}
