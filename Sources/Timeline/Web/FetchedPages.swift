import Fetching
import Foundation
import Logging
import PostgresNIO

/// What Parkline remembers of the addresses it fetched (`fetched_pages`):
/// validators for a conditional GET, the last answer, and whether a page
/// was ingested, so a watcher restarting does not fetch everything again.
public struct FetchedPages: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public enum Kind: String, Sendable, Codable {
        case page, feed, list
    }

    public struct Entry: Sendable, Equatable {
        public var url: String
        public var kind: Kind
        public var fetchedAt: Date
        public var status: Int?
        public var error: String?
        public var validators: Validators
        public var documentHash: String?
    }

    /// The entries of `urls` that exist.
    public func entries(_ urls: [String]) async throws -> [String: Entry] {
        let rows = try await client.query("""
            SELECT url, kind, fetched_at, status, error, etag, last_modified, document_hash
            FROM fetched_pages WHERE url = ANY(\(urls))
            """, logger: logger)
        var result: [String: Entry] = [:]
        for try await (url, kind, at, status, error, etag, modified, document) in rows.decode(
            (String, String, Date, Int32?, String?, String?, String?, String?).self) {
            result[url] = Entry(url: url, kind: Kind(rawValue: kind) ?? .page, fetchedAt: at, status: status.map(Int.init), error: error,
                                validators: Validators(etag: etag, lastModified: modified), documentHash: document)
        }
        return result
    }

    /// Remember a fetch: a success (with its validators, and the document it
    /// gave) or a failure (the message the user saw; earlier validators kept).
    public func record(_ url: String, kind: Kind, status: Int?, error: String? = nil, validators: Validators? = nil,
                       documentHash: String? = nil, at time: Date = Date()) async throws {
        try await client.query("""
            INSERT INTO fetched_pages AS f (url, kind, fetched_at, status, error, etag, last_modified, document_hash)
            VALUES (\(url), \(kind.rawValue), \(time), \(status.map(Int32.init)), \(error), \(validators?.etag),
                    \(validators?.lastModified), \(documentHash))
            ON CONFLICT (url) DO UPDATE SET
                kind = EXCLUDED.kind, fetched_at = EXCLUDED.fetched_at, status = EXCLUDED.status, error = EXCLUDED.error,
                etag = CASE WHEN EXCLUDED.error IS NULL AND EXCLUDED.status <> 304 THEN EXCLUDED.etag ELSE f.etag END,
                last_modified = CASE WHEN EXCLUDED.error IS NULL AND EXCLUDED.status <> 304 THEN EXCLUDED.last_modified
                                     ELSE f.last_modified END,
                document_hash = coalesce(EXCLUDED.document_hash, f.document_hash)
            """, logger: logger)
    }
}
