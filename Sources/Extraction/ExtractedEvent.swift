import Foundation

/// One dated event a document reports, with where it was read.
public struct ExtractedEvent: Sendable, Hashable, Codable {
    /// What makes this finding the same one when the document is read again:
    /// the document's hash, the evidence's offsets, the type, the date and
    /// the first subject. The log names the event by it
    /// (`DeterministicID.timelineEvent(identity:)`).
    public var identity: String
    public var type: EventType
    public var date: EventDate
    /// The time expression as written (`去年11月30日`).
    public var expression: String
    public var park: Park
    public var title: String
    /// The sentence it came from, as written in the source.
    public var evidence: String
    public var subjects: [String]
    public var amounts: [Amount]
    public var provenance: Provenance

    public struct Provenance: Sendable, Hashable, Codable {
        /// The document's name (its file name when read from disk).
        public var document: String
        /// SHA-256 of the normalised text, hex.
        public var documentHash: String
        /// Unicode-scalar offsets `[start, end)` of the evidence in the original text.
        public var start: Int
        public var end: Int
        public var published: CivilDate
        public var extractorVersion: String
    }
}

/// A document to read: its text, name and what the caller knows of it.
public struct SourceDocument: Sendable {
    public var name: String
    public var text: String
    /// From a manifest or the caller; the page's own statement wins when it has one.
    public var published: CivilDate?
    public var source: String?

    public init(name: String, text: String, published: CivilDate? = nil, source: String? = nil) {
        self.name = name
        self.text = text
        self.published = published
        self.source = source
    }
}

/// What one document yielded.
public struct ExtractionResult: Sendable {
    public var documentHash: String
    public var published: CivilDate
    /// Where the publication date came from: `page` or `caller`.
    public var publishedFrom: String
    public var title: String
    public var mainPark: Park?
    public var events: [ExtractedEvent]
    public var characterCount: Int
    /// With `explain`: every sentence with a date or a trigger and what became of it.
    public var explanations: [Explanation] = []
}

/// Why a sentence did or did not become an event (`parkline extract --explain`).
public struct Explanation: Sendable, Codable {
    /// Unicode-scalar offset of the sentence in the original text.
    public var offset: Int
    public var sentence: String
    /// Each time expression and the date it resolved to (`昨天→2021-10-14`).
    public var dates: [String]
    /// Each trigger word and the type it signals (`签约:signing`).
    public var triggers: [String]
    public var outcome: String
}

/// Why a document could not be read. The description names the document and
/// the fix, in the CLI's words; ``apiDescription`` says it in the HTTP API's.
public enum ExtractionError: Error, Equatable, CustomStringConvertible {
    /// The fix as an API client makes it (JSON fields, not files and flags).
    public var apiDescription: String {
        switch self {
        case .emptyText:
            return "the document has no text: send its text in \"text\""
        case .noPublicationDate:
            return "the document has no publication date and its text names none: send \"published\": \"YYYY-MM-DD\""
        case let .publicationOutOfRange(_, date):
            return "the document is dated \(date), outside \(PublicationRange.description): send the day it was published as \"published\""
        }
    }

    case emptyText(document: String)
    case noPublicationDate(document: String)
    case publicationOutOfRange(document: String, date: CivilDate)

    public var description: String {
        switch self {
        case let .emptyText(document):
            return "document \(document) has no text: check the file, or leave it out"
        case let .noPublicationDate(document):
            return "document \(document) has no publication date: add it to the folder's manifest.json or pass --published YYYY-MM-DD"
        case let .publicationOutOfRange(document, date):
            return "document \(document) is dated \(date), outside \(PublicationRange.description): correct the date in the folder's manifest.json or pass --published YYYY-MM-DD"
        }
    }
}
