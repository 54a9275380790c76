import ArgumentParser
import Timeline

/// Filters shared by `timeline` and `events`.
struct EventFilterOptions: ParsableArguments {
    @Option(help: "Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).") var from: String?
    @Option(help: "Only events on or before this date.") var to: String?
    @Option(help: "Only this type: signing, groundbreaking, opening, completion, meeting, visit, award, policy.") var type: String?
    @Option(name: .customLong("as-of"), help: "Answer with what the log said at this time (ISO 8601, or a day meaning its end).") var asOf: String?
    @Option(help: "Output format: table, json, ndjson or csv.") var format: OutputFormat = .table

    /// The filters as the HTTP API's query items.
    var queryItems: [(String, String?)] {
        [("from", from), ("to", to), ("type", type), ("as_of", asOf)]
    }

    func filter(parkID: String?) throws -> TimelineQueries.Filter {
        try Session.input.filter(parkID: parkID, type: type, from: from, to: to, asOf: asOf)
    }
}
