import ArgumentParser
import Foundation
import Timeline

struct ParksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parks",
        abstract: "Parks with their event counts and first and last event dates.",
        discussion: "Example:\n  parkline parks --format json"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    func run() async throws {
        try await Session.with(global) { session in
            let parks = try await session.queries.parks()
            switch format {
            case .table:
                print(TextTable(headers: ["ID", "NAME", "CITY", "EVENTS", "FIRST", "LAST"], rows: parks.map {
                    [$0.id, $0.name, $0.city ?? "", String($0.events), $0.first ?? "", $0.last ?? ""]
                }).render())
            case .csv:
                print("id,name,city,events,first,last")
                for park in parks {
                    print([park.id, park.name, park.city ?? "", String(park.events), park.first ?? "", park.last ?? ""]
                        .map(EventPrinter.csvField).joined(separator: ","))
                }
            case .json, .ndjson:
                let encoder = format == .json ? JSONEncoder.parklinePretty : JSONEncoder.parkline
                if format == .json {
                    print(String(decoding: try encoder.encode(parks), as: UTF8.self))
                } else {
                    for park in parks { print(String(decoding: try encoder.encode(park), as: UTF8.self)) }
                }
            }
        }
    }
}
