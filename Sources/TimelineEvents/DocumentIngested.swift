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

    public init(document: String, documentHash: String, source: String?, published: String, publishedFrom: String,
                title: String, extractorVersion: String, eventCount: Int, characters: Int) {
        self.document = document
        self.documentHash = documentHash
        self.source = source
        self.published = published
        self.publishedFrom = publishedFrom
        self.title = title
        self.extractorVersion = extractorVersion
        self.eventCount = eventCount
        self.characters = characters
    }
}
