import Logging
import PostgresNIO

/// The least a role needs to run `parklined` or the CLI's everyday
/// commands on a database migrated by its owner: read and append the log,
/// but never change or remove what it holds.
///
/// The role may `SELECT` and `INSERT` on `events` and nothing else there
/// (no `UPDATE`, `DELETE` or `TRUNCATE`; the append-only trigger of
/// migration 0002 stays as a second wall), and may read and write the
/// read models, which the projector maintains. Schema changes stay with
/// the owner: migrations, and `parkline replay --rebuild`, which replaces
/// the read-model tables. Default privileges give the role the same rights
/// on the tables such a rebuild creates.
public enum Privileges {
    /// The statements that grant `role` those rights (run them as the
    /// owner). `readModelTables` are the tables the role reads and writes
    /// besides the log (their owner, Projections, names them).
    public static func applicationGrants(role: String, readModelTables: [String]) throws(PrivilegesError) -> [String] {
        guard isPlainIdentifier(role) else { throw .invalidRole(role) }
        let tables = readModelTables.joined(separator: ", ")
        return [
            "GRANT USAGE ON SCHEMA public TO \(role)",
            "GRANT SELECT, INSERT ON events TO \(role)",
            "REVOKE UPDATE, DELETE, TRUNCATE ON events FROM \(role)",
            "GRANT SELECT ON schema_migrations TO \(role)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(tables) TO \(role)",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \(role)",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \(role)",
        ]
    }

    /// Grant `role` the application's rights, in one transaction.
    public static func grantApplication(role: String, readModelTables: [String], client: PostgresClient, logger: Logger) async throws {
        let statements = try applicationGrants(role: role, readModelTables: readModelTables)
        try await client.withTransaction(logger: logger) { connection in
            for statement in statements {
                // The role name is checked above to be a plain lower-case identifier.
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Whether `role` has the application's rights on every one of `tables`
    /// (so a start need not grant them again).
    public static func hasApplicationRights(role: String, tables: [String], client: PostgresClient, logger: Logger) async throws -> Bool {
        let rows = try await client.query("""
            SELECT bool_and(has_table_privilege(\(role), t, 'SELECT') AND has_table_privilege(\(role), t, 'INSERT'))
            FROM unnest(\(tables)::text[]) AS t
            """, logger: logger)
        for try await granted in rows.decode(Bool?.self) { return granted ?? false }
        return false
    }

    /// Lower-case letters, digits and `_`, not starting with a digit: safe
    /// to write into a statement unquoted (GRANT takes no bind parameters).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63,
              ("a"..."z").contains(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

public enum PrivilegesError: Error, CustomStringConvertible {
    case invalidRole(String)

    public var description: String {
        switch self {
        case let .invalidRole(role):
            return "\(role.prefix(80)) is not a plain role name: use lower-case letters, digits and _ (e.g. parkline_app)"
        }
    }
}
