import Foundation

public struct DocumentIngested: Codable, Sendable, Hashable {
    public var document: String
    public var documentHash: String
    public var source: String?
    public var published: String
    public var publishedFrom: String
    public var title: String
    public var extractorVersion: String
    public var eventCount: Int
    public var characters: Int
    /// The text read (an HTML page's article, title first), which the events'
    /// offsets point into; kept up to `maximumTextBytes` (UTF-8), so
    /// `parkline show --text` can print a page that is no longer on the web.
    public var text: String?

    public static let maximumTextBytes = 256 * 1024

    public init(document: String, documentHash: String, source: String?, published: String, publishedFrom: String,
                title: String, extractorVersion: String, eventCount: Int, characters: Int, text: String? = nil) {
        self.document = document
        self.documentHash = documentHash
        self.source = source
        self.published = published
        self.publishedFrom = publishedFrom
        self.title = title
        self.extractorVersion = extractorVersion
        self.eventCount = eventCount
        self.characters = characters
        self.text = text
    }
}
