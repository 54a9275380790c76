import Foundation

/// The event log's part of the schema: the `events` table, its append-only
/// guard, the append functions and the NOTIFY trigger. The read models are
/// Projections' (`ReadModelSchema`).
public enum EventLogSchema {
    /// The log's migrations (`db/migrations/event-log`), in version order.
    public static func migrations() throws -> [Migration] {
        try Migration.load(bundled: Bundle.module.url(forResource: "migrations", withExtension: nil))
    }
}
