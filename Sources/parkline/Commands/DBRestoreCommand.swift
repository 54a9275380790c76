import ArgumentParser
import EventStore
import Foundation
import Timeline

extension DBCommand {
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a backup of `parkline db backup` into an empty data directory or database.",
            discussion: """
                Never over a log that has events: that is refused. Positions and cursors come back unchanged, \
                so subscribers and pages resume where they were. The server's transaction counter is moved \
                past the restored log's where it is behind, so that every restored event is readable.

                Examples:
                  parkline db restore parkline.dump --data-dir /srv/parkline-new
                  parkline db restore parkline.dump --database-url postgres://owner@db/parkline
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A file written by `parkline db backup`.") var file: String

        func run() async throws {
            let configuration = try await global.configuration()
            let logger = global.logger()
            let backup = LogBackup(toolDirectory: configuration.postgresBinaries, logger: logger)
            let summary: LogBackup.RestoreSummary
            if configuration.databaseURL == nil {
                let cluster = try EmbeddedPostgres(dataDirectory: configuration.dataDirectory, binaries: configuration.postgresBinaries,
                                                   logger: logger)
                try await cluster.start()
                try await cluster.prepareRoles()
                let owner = cluster.connectionSettings(username: EmbeddedPostgres.ownerRole)
                summary = try await backup.restore(from: file, into: owner) { restored in
                    try cluster.advanceTransactionIDs(past: restored)
                }
            } else {
                summary = try await backup.restore(from: file, into: try await configuration.endpoint.prepare(logger: logger))
            }
            // Migrations newer than the backup, and the application role's rights.
            try await global.withDatabase { db in
                print("restored \(summary.events) events into \(db.settings.displayName); log head \(summary.head)")
            }
            if summary.advancedTransactionIDs {
                print("the server's transaction counter was moved past the restored log's, so every restored event is readable")
            }
        }
    }
}
