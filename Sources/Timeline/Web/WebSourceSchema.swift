import EventStore
import Foundation

/// The fetch bookkeeping's part of the schema (`db/migrations/web-sources`):
/// Timeline fetches pages and feeds, so it owns the table that remembers them.
public enum WebSourceSchema {
    public static func migrations() throws -> [Migration] {
        try Migration.load(bundled: Bundle.module.url(forResource: "migrations", withExtension: nil))
    }

    /// Tables a daemon watching feeds reads and writes.
    public static let tables = ["fetched_pages"]
}
