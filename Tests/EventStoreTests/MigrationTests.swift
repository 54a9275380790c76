import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing

@Suite struct MigrationTests {
    @Test func scriptIsSplitAtTopLevelSemicolonsOnly() {
        let script = """
            -- a comment; with a semicolon
            CREATE TABLE a (x text DEFAULT 'a;b');
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
            BEGIN RETURN 1; END
            $body$;
            /* block; comment */ SELECT $$;$$, 'it''s;';
            """
        let statements = SQLScript.statements(script)
        #expect(statements.count == 3)
        #expect(statements[1].hasSuffix("$body$"))
        #expect(statements[2].hasSuffix("'it''s;'"))
    }

    @Test func bundledMigrationsAreNumberedInOrder() throws {
        let migrations = try TestCluster.migrations()
        #expect(migrations.map(\.version) == Array(1...migrations.count))
        #expect(Migration(fileName: "notes.txt", sql: "") == nil)
    }

    @Test func migrationsRunOnceAndChangedOnesAreRefused() async throws {
        try await withTestDatabase { db in
            // Already migrated by the harness: a second run applies nothing.
            let migrator = Migrator(migrations: try TestCluster.migrations(), logger: db.logger)
            #expect(try await migrator.migrate(db.client).isEmpty)
            let recorded = try await migrator.appliedChecksums(db.client)
            #expect(recorded.count == migrator.migrations.count)

            var edited = try TestCluster.migrations()
            edited[0].sql += "\n-- edited after it was applied\n"
            let editing = Migrator(migrations: edited, logger: db.logger)
            await #expect(throws: MigrationError.checksumMismatch(version: 1, name: "events")) {
                try await editing.migrate(db.client)
            }
        }
    }

    @Test func concurrentMigratorsApplyEachMigrationOnce() async throws {
        let settings = try await TestCluster.shared.makeDatabase()
        // A blank database: drop what the template gave, by making a new empty one instead.
        let blank = settings.with(database: settings.database + "_blank")
        let admin = PostgresClient(configuration: settings.with(database: "postgres").clientConfiguration(maximumConnections: 1), backgroundLogger: TestCluster.logger)
        _ = try await admin.runWhile {
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(blank.database) TEMPLATE template0"))
        }
        let client = PostgresClient(configuration: blank.clientConfiguration(maximumConnections: 8), backgroundLogger: TestCluster.logger)
        let applied = try await client.runWhile {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await Migrator(migrations: TestCluster.migrations(), logger: TestCluster.logger).migrate(client).count
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(applied.sorted() == [0, 0, 0, try TestCluster.migrations().count])
        try await TestCluster.shared.dropDatabase(blank)
        try await TestCluster.shared.dropDatabase(settings)
    }
}
