import ArgumentParser
import Foundation
import Timeline
import TimelineEvents

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One event with its evidence and its history (every version and when it was known).",
        discussion: """
            With --text, also the text each report was read from (a web page's article, as \
            Parkline extracted it), the evidence between 【 and 】.

            Examples:
              parkline show 3f2c9a1e-…
              parkline show 3f2c9a1e-… --text
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Event id (from `parkline events --format json`).") var id: String
    @Flag(help: "Print the text each report was read from, its evidence marked.") var text = false

    func run() async throws {
        let uuid = try Session.input.eventID(id, field: "the event id")
        try await Session.with(global) { session in
            var history = try await session.queries.history(of: uuid)
            // A report merged into another event shows that event.
            if let host = history.last?.event.mergedInto {
                print("\(id) is a report of \(host.uuidString.lowercased()):")
                history = try await session.queries.history(of: host)
            }
            guard let current = history.last else { throw CLIError("no event has id \(id)") }
            let event = current.event
            print("\(EventRecord(event).label)  \(event.type)  \(event.park.name)\(current.retracted ? "  (retracted)" : "")")
            print("title:    \(event.title)")
            print("evidence: \(event.evidence ?? "")")
            print("subjects: \(event.subjects.joined(separator: "、"))")
            if let document = event.source.document {
                print("source:   \(document), published \(event.source.published ?? "?"), read by \(event.source.extractorVersion ?? "?")")
            }
            if let person = event.source.recordedBy { print("recorded: by \(person)") }
            let record = EventRecord(event)
            print("reports:  \(record.reports.count), first \(record.first_reported)"
                  + (record.dates_reported.map { "; they give \($0.joined(separator: ", "))" } ?? ""))
            for report in record.reports {
                print("  \(report.id)  \(report.published)  \(report.outlet ?? report.document)  \(report.date)")
                print("    \((report.evidence ?? record.evidence).prefix(80))")
            }
            if text {
                for report in event.allReports {
                    guard let hash = report.source.documentHash else { continue }
                    print("text of \(report.source.document ?? hash):")
                    guard let body = try await DocumentText.read(documentHash: hash, from: session.database.store) else {
                        print("  (not kept: read before Parkline kept texts, or larger than \(DocumentIngested.maximumTextBytes / 1024) KB)")
                        continue
                    }
                    print(DocumentText.marking(body, offset: report.source.offset ?? []))
                }
            }
            print("history:")
            let formatter = ISO8601DateFormatter()
            for version in history {
                let state = version.retracted ? "retracted" : "\(EventRecord(version.event).label) \(version.event.type) \(version.event.title)"
                print("  v\(version.version) known from \(formatter.string(from: version.knownFrom)): \(state)")
            }
        }
    }
}
