import EventStore
import Foundation

/// The read models' part of the schema: Projections writes these tables, so
/// it owns their migrations (`db/migrations/read-models`) and their names.
public enum ReadModelSchema {
    /// The read models' migrations, in version order.
    public static func migrations() throws -> [Migration] {
        try Migration.load(bundled: Bundle.module.url(forResource: "migrations", withExtension: nil))
    }

    /// Every table a projector reads and writes (the live read models and
    /// the checkpoints), for grants.
    public static let tables: [String] = ReadModelTables.live.all + [ReadModelTables.checkpoints]
}
