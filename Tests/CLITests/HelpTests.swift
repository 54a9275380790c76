import ArgumentParser
import Foundation
import Testing
@testable import parkline

/// Help text is written for a person; these pin it down, in the style of
/// swift-argument-parser's own help tests (the whole text, fixed width).
struct HelpTests {
    static func help(_ command: any ParsableCommand.Type) -> String {
        Parkline.helpMessage(for: command, columns: 100).trimmingCharacters(in: .newlines)
    }

    @Test func theRootListsEveryCommandWithWhatItDoes() {
        #expect(Self.help(Parkline.self) == """
            OVERVIEW: Timelines of Chinese industrial parks, kept as an event log in PostgreSQL.

            With no configuration Parkline runs its own PostgreSQL cluster in ./.parkline (set PARKLINE_HOME or
            --data-dir to move it, PARKLINE_DATABASE_URL or --database-url to use an existing server).

            Example:
              parkline db status

            USAGE: parkline <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              ingest                  Read documents and append what they report to the event log.
              timeline                A park's events in date order.
              events                  Events of every park (or one), in date order.
              parks                   Parks with their event counts and first and last event dates.
              show                    One event with its evidence and its history (every version and when it
                                      was known).
              record                  Record an event by hand (one the documents do not report).
              retract                 Retract an event that is wrong; its history keeps it.
              correct                 Correct an event's date, type or title; its history keeps the old values.
              merge                   Say that events are reports of one act: the timeline then shows one event.
              split                   Say that a report is of another act: it becomes its own event again.
              replay                  Print the raw log in log order, one JSON event a line (or rebuild the
                                      read models).
              subscribe               Print timeline events as they are appended, until interrupted (Ctrl-C).
              watch                   Follow parks' news feeds and lists, ingesting new articles as they appear.
              extract                 Print the events Parkline reads in documents, without storing anything.
              export                  Write the log in log order as NDJSON, for `parkline import` elsewhere.
              import                  Append a `parkline export` file to this log, keeping ids and times.
              db                      Manage the database: the embedded cluster, its schema, backups and checks.

              See 'parkline help <subcommand>' for detailed help.
            """)
    }

    @Test func watchSaysWhatARoundDoesAndHowOften() {
        let help = Self.help(WatchCommand.self)
        #expect(help.hasPrefix("OVERVIEW: Follow parks' news feeds and lists, ingesting new articles as they appear."))
        for phrase in ["robots.txt is honoured", "parkline watch https://", "<urls> ... [--every <every>] [--once]"] {
            #expect(help.contains(phrase), "\(phrase)")
        }
    }

    @Test func subscribeSaysWhatALineIsAndWhereItStarts() {
        #expect(Self.help(SubscribeCommand.self) == """
            OVERVIEW: Print timeline events as they are appended, until interrupted (Ctrl-C).

            Each line is the event (as `events --format ndjson` prints it) with the log cursor to resume after
            it. Starts at the end of the log unless told otherwise. A cursor past the end of the log (a
            restored or replaced database) starts over from its start, with a note on standard error.

            Examples:
              parkline subscribe --park 苏锡通
              parkline subscribe --from start --type signing
              parkline subscribe --from 812-40

            USAGE: parkline subscribe [--database-url <url>] [--data-dir <dir>] [--server <url>] [--config <file>] [--verbose] [--park <park>] [--type <type>] [--from <from>]

            OPTIONS:
              --database-url <url>    Use an existing PostgreSQL server (postgres://user:pass@host:5432/db)
                                      instead of the embedded one (or $PARKLINE_DATABASE_URL).
              --data-dir <dir>        Directory of the embedded PostgreSQL cluster (default: $PARKLINE_HOME or
                                      ./.parkline).
              --server <url>          Ask a running parklined (http://host:port) instead of the database; for
                                      timeline, events and subscribe (or $PARKLINE_SERVER).
              --config <file>         A JSON file of settings (default: $PARKLINE_CONFIG); flags and PARKLINE_*
                                      variables win over it.
              -v, --verbose           Log what happens (database start, migrations) to stderr.
              --park <park>           Only this park (id, name or alias).
              --type <type>           Only this event type.
              --from <from>           Where to start: start, end, or a log cursor (812-40). (default: end)
              -h, --help              Show help information.
            """)
    }

    @Test func everyCommandHasAnExampleAndTheSharedFlags() {
        let commands: [any ParsableCommand.Type] = [
            IngestCommand.self, TimelineCommand.self, EventsCommand.self, ParksCommand.self, ShowCommand.self,
            RecordCommand.self, RetractCommand.self, CorrectCommand.self, MergeCommand.self, SplitCommand.self,
            ReplayCommand.self, SubscribeCommand.self,
            DBCommand.Status.self, DBCommand.Start.self, DBCommand.Stop.self, DBCommand.Migrate.self, DBCommand.Grant.self,
        ]
        for command in commands {
            let text = Self.help(command)
            #expect(text.contains("Example"), "\(command)")
            for flag in ["--database-url <url>", "--data-dir <dir>", "--server <url>", "--config <file>", "-v, --verbose"] {
                #expect(text.contains(flag), "\(command) lacks \(flag)")
            }
        }
        #expect(Self.help(ExtractCommand.self).contains("--explain"))
    }
}
