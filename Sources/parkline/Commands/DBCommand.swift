import ArgumentParser
import EventStore
import Foundation
import Timeline

struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the database: the embedded cluster, its schema, backups and checks.",
        subcommands: [Status.self, Start.self, Stop.self, Migrate.self, Grant.self, Backup.self, Restore.self, Verify.self]
    )

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where the database is and whether it runs.",
            discussion: "Example:\n  parkline db status"
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let configuration = try await global.configuration()
            guard configuration.databaseURL == nil else {
                try await global.withDatabase { db in
                    let version = try await db.store.headCursor()
                    print("database: \(db.settings.displayName)")
                    print("state:    reachable, migrated")
                    print("log head: \(version)")
                }
                return
            }
            let cluster = try EmbeddedPostgres(dataDirectory: configuration.dataDirectory, binaries: configuration.postgresBinaries, logger: global.logger())
            let status = cluster.status()
            print("database: embedded PostgreSQL \(status.serverVersion ?? "(not created yet)")")
            print("data:     \(status.layout.pgData)")
            print("socket:   \(status.layout.socketPath)")
            print("log:      \(status.layout.logFile)")
            if let reason = status.layout.relocationReason {
                print("note:     cluster kept outside \(status.layout.dataDirectory) because \(reason)")
            }
            switch (status.initialized, status.running) {
            case (false, _): print("state:    not initialised (any command, or `parkline db start`, creates it)")
            case (true, false): print("state:    stopped (`parkline db start` starts it)")
            case (true, true): print("state:    running (pid \(status.pid.map(String.init) ?? "?"))")
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create (on first use) and start the embedded cluster, and migrate it.",
            discussion: "Example:\n  parkline db start --data-dir /srv/parkline"
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await global.withDatabase { db in
                print("running: \(db.settings.displayName)")
            }
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop the embedded cluster (data is kept).",
            discussion: "Example:\n  parkline db stop"
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let configuration = try await global.configuration()
            guard configuration.databaseURL == nil else {
                throw ValidationError("a configured server (--database-url / PARKLINE_DATABASE_URL) is not Parkline's to stop")
            }
            let cluster = try EmbeddedPostgres(dataDirectory: configuration.dataDirectory, binaries: configuration.postgresBinaries, logger: global.logger())
            try cluster.stop()
            print("stopped: \(cluster.layout.pgData)")
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations (every command does this implicitly).",
            discussion: "Example:\n  parkline db migrate --database-url postgres://parkline@localhost/parkline"
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await global.withDatabase { db in
                let applied = try await Migrator(migrations: ParklineSchema.migrations(), logger: db.logger).appliedChecksums(db.client)
                print("schema up to date: \(applied.count) migrations applied (\(db.settings.displayName))")
            }
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a role what parklined needs, and no more: SELECT and INSERT on the log (never UPDATE or DELETE), and the read models.",
            discussion: """
                Run it as the database owner, after creating the role. The daemon then connects as that role; \
                migrations and `parkline replay --rebuild` stay with the owner.

                Example:
                  psql -c "CREATE ROLE parkline_app LOGIN PASSWORD '...'"
                  parkline db grant parkline_app --database-url postgres://owner@db/parkline
                  parklined --database-url postgres://parkline_app:...@db/parkline
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The role (lower-case letters, digits and _).") var role: String
        @Flag(help: "Print the statements instead of running them.") var print = false

        func run() async throws {
            if print {
                for statement in try ParklineSchema.applicationGrants(role: role) { Swift.print(statement + ";") }
                return
            }
            try await global.withDatabase { db in
                try await ParklineSchema.grantApplication(role: role, client: db.client, logger: db.logger)
                Swift.print("granted \(role) SELECT and INSERT on events and read/write on the read models (\(db.settings.displayName))")
            }
        }
    }
}
