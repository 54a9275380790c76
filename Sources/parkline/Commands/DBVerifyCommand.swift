import ArgumentParser
import EventStore
import Foundation
import Timeline

extension DBCommand {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the log's invariants and that every read model equals a fresh fold of the log.",
            discussion: """
                Checks stream versions (1, 2, 3… without a gap), positions (unique, in stream order), that every \
                event is readable, the append-only guards (triggers, no rules, no role but the owner may change \
                events), and compares each read-model row's digest with a fresh fold of the log up to the read \
                models' checkpoint. Prints what differs, naming the row; exits 1 when anything does.

                Example:
                  parkline db verify && echo whole
                """
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let failed = try await global.withDatabase { db in
                let log = try await LogAudit(client: db.client, logger: db.logger).run()
                print("log:         \(log.events) events in \(log.streams) streams (\(db.settings.displayName))")
                for finding in log.findings { print("  ✗ " + finding) }
                if log.findings.isEmpty {
                    print("  ✓ versions contiguous from 1, positions unique and in order, every event readable, append-only guards in place")
                }
                let models = try await ReadModel(client: db.client, logger: db.logger).audit()
                print("read models: \(models.rowsCompared) rows compared with a fresh fold of \(models.eventsFolded) events (up to \(models.checkpoint))")
                for difference in models.differences { print("  ✗ " + difference.description) }
                if models.differences.isEmpty { print("  ✓ every row equals the fold") }
                return !log.findings.isEmpty || !models.differences.isEmpty
            }
            if failed {
                print("verify failed: for read models, `parkline replay --rebuild` folds them anew; the log's findings say what to fix")
                throw ExitCode(1)
            }
        }
    }
}
