/// Turns what a user types (`苏锡通`, `苏锡通园区`, `suxitong`) into one park.
public struct ParkResolver: Sendable {
    public let parks: [TimelineQueries.ParkSummary]

    public init(parks: [TimelineQueries.ParkSummary]) {
        self.parks = parks
    }

    public func resolve(_ query: String) throws(ParkResolutionError) -> TimelineQueries.ParkSummary {
        let needle = query.trimmingCharacters(in: .whitespaces)
        let exact = parks.filter { park in
            park.id.lowercased() == needle.lowercased() || park.name == needle || park.aliases.contains(needle)
        }
        if exact.count == 1 { return exact[0] }
        let partial = parks.filter { park in
            ([park.name] + park.aliases).contains { $0.contains(needle) || (needle.count >= 2 && needle.contains($0) && $0.count >= 2) }
        }
        if partial.count == 1 { return partial[0] }
        if partial.isEmpty && exact.isEmpty {
            throw .unknown(query: query, candidates: parks.map { "\($0.name) (\($0.id))" })
        }
        throw .ambiguous(query: query, candidates: (exact.isEmpty ? partial : exact).map { "\($0.name) (\($0.id))" })
    }
}

public enum ParkResolutionError: Error, Equatable, CustomStringConvertible {
    case unknown(query: String, candidates: [String])
    case ambiguous(query: String, candidates: [String])

    public var description: String {
        switch self {
        case let .unknown(query, candidates):
            let list = candidates.isEmpty ? "no parks yet: run `parkline ingest seeds` first" : "known parks: " + candidates.joined(separator: ", ")
            return "no park is called \"\(query)\"; \(list)"
        case let .ambiguous(query, candidates):
            return "\"\(query)\" could be any of: \(candidates.joined(separator: ", ")); give the id or the full name"
        }
    }
}

import Foundation
