import ArgumentParser
import EventStore
import Foundation
import Timeline

extension DBCommand {
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the database to a file while Parkline keeps running (pg_dump -Fc).",
            discussion: """
                The copy is one snapshot: every append acknowledged before the backup began is in it. \
                Works on the embedded cluster and on any --database-url; pg_dump must be at least the server's \
                version (the command says what to install when it is not). Restore it with `parkline db restore`.

                Example:
                  parkline db backup parkline-$(date +%F).dump
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The file to write (replaced only once the backup is whole).") var file: String

        func run() async throws {
            let configuration = try await global.configuration()
            let logger = global.logger()
            let settings: ConnectionSettings
            if configuration.databaseURL == nil {
                let cluster = try EmbeddedPostgres(dataDirectory: configuration.dataDirectory, binaries: configuration.postgresBinaries,
                                                   logger: logger)
                try await cluster.start()
                settings = cluster.connectionSettings()
            } else {
                settings = try await configuration.endpoint.prepare(logger: logger)
            }
            let summary = try await LogBackup(toolDirectory: configuration.postgresBinaries, logger: logger).backup(settings, to: file)
            print("backup of \(settings.displayName) written to \(file) (\(summary.bytes) bytes, PostgreSQL \(summary.serverVersion / 10000))")
        }
    }
}
