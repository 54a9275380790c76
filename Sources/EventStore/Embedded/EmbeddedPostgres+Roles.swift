import Logging
import PostgresNIO

/// The embedded cluster's roles. Even a private cluster should not run the
/// product as its superuser: a superuser session can `SET
/// session_replication_role = replica`, which silences the append-only
/// triggers, and then delete from `events`. So the database belongs to an
/// owner role (migrations, `replay --rebuild`, restores), and the CLI and
/// the daemon work as the least-privilege role of `parkline db grant`,
/// which may read and append the log but never change it.
extension EmbeddedPostgres {
    /// Owns the database and its schema.
    public static let ownerRole = "parkline_owner"
    /// Reads and appends the log, reads and writes the read models (see `Privileges`).
    public static let applicationRole = "parkline_app"

    /// Settings for the product's everyday work: the application role, with
    /// the owner named for migrations (`Database.with` migrates as the owner).
    public func applicationSettings(database: String = defaultDatabase) -> ConnectionSettings {
        var settings = connectionSettings(database: database, username: Self.applicationRole)
        settings.ownerUsername = Self.ownerRole
        return settings
    }

    /// Create the owner and application roles when missing, and give the
    /// owner the database and what the superuser made in it (clusters
    /// created before these roles existed). Safe to run by processes at once.
    public func prepareRoles(database: String = defaultDatabase) async throws {
        let admin = PostgresClient(configuration: connectionSettings(database: database).clientConfiguration(maximumConnections: 1),
                                   backgroundLogger: logger)
        try await admin.runWhile {
            // Constant statements: the role names are the constants above.
            try await admin.query("""
                DO $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtextextended('parkline.embedded.roles', 0));
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parkline_owner') THEN
                        CREATE ROLE parkline_owner LOGIN;
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parkline_app') THEN
                        CREATE ROLE parkline_app LOGIN;
                    END IF;
                    IF (SELECT datdba FROM pg_database WHERE datname = current_database()) <> 'parkline_owner'::regrole THEN
                        EXECUTE format('ALTER DATABASE %I OWNER TO parkline_owner', current_database());
                    END IF;
                END
                $$
                """, logger: logger)
            try await admin.query("""
                DO $$
                DECLARE
                    r record;
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtextextended('parkline.embedded.roles', 0));
                    FOR r IN
                        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relowner <> 'parkline_owner'::regrole
                          AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                    LOOP
                        EXECUTE format(CASE r.relkind WHEN 'v' THEN 'ALTER VIEW %I OWNER TO parkline_owner'
                                                      WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %I OWNER TO parkline_owner'
                                                      WHEN 'S' THEN 'ALTER SEQUENCE %I OWNER TO parkline_owner'
                                                      ELSE 'ALTER TABLE %I OWNER TO parkline_owner' END, r.relname);
                    END LOOP;
                    FOR r IN
                        SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND p.proowner <> 'parkline_owner'::regrole
                    LOOP
                        EXECUTE format('ALTER ROUTINE %s OWNER TO parkline_owner', r.routine);
                    END LOOP;
                END
                $$
                """, logger: logger)
        }
    }
}
