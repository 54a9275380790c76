/// The read model's table names, for the projector that writes them, the
/// queries that read them and the grants that open them to the daemon's role.
///
/// Table names cannot be bound as parameters, so they are spliced into SQL;
/// they only ever come from the constants here, never from input.
public struct ReadModelTables: Sendable {
    /// Every state each timeline event was known in (`valid_from`, `valid_to`).
    public let versions: String
    /// Every park named by an event, with its names and event count.
    public let parks: String
    /// Every document read, with the extractor version that read it.
    public let documents: String

    var all: [String] { [versions, parks, documents] }

    private init(versions: String, parks: String, documents: String) {
        self.versions = versions
        self.parks = parks
        self.documents = documents
    }

    /// The tables queries read.
    public static let live = ReadModelTables(versions: "timeline_event_versions", parks: "park_directory", documents: "documents")
    /// The fresh tables a rebuild fills before it swaps them in.
    static let rebuild = ReadModelTables(
        versions: "timeline_event_versions_rebuild", parks: "park_directory_rebuild", documents: "documents_rebuild")

    /// Temporary tables `db verify` folds the log into, to compare with the live ones.
    static let verification = ReadModelTables(
        versions: "pg_temp.timeline_event_versions_verify", parks: "pg_temp.park_directory_verify",
        documents: "pg_temp.documents_verify")

    /// The unqualified name of a table (a verification table's, without `pg_temp.`).
    static func bareName(_ table: String) -> String {
        String(table.split(separator: ".").last ?? Substring(table))
    }

    /// Where each projection has read the log up to.
    public static let checkpoints = "projection_checkpoints"
}
