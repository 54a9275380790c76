import EventStore
import Extraction
import Foundation
import Projections
import Timeline

/// What a command works with: the open database, its queries, and a
/// projector run before every query so answers include the latest appends.
struct Session {
    let database: Database
    let queries: TimelineQueries
    let projector: TimelineProjector

    static func with<T>(_ global: GlobalOptions, project: Bool = true, _ body: (Session) async throws -> T) async throws -> T {
        if try global.remote != nil {
            throw CLIError("--server (or PARKLINE_SERVER) works with timeline, events and subscribe; this command needs the database")
        }
        return try await global.withDatabase { database in
            let session = Session(
                database: database,
                queries: TimelineQueries(client: database.client, logger: database.logger),
                projector: TimelineProjector(client: database.client, logger: database.logger)
            )
            if project { try await session.projector.catchUp() }
            return try await body(session)
        }
    }

    func resolvePark(_ name: String) async throws -> TimelineQueries.ParkSummary {
        try ParkResolver(parks: try await queries.parks()).resolve(name)
    }
}

/// Parse a `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) bound given on the command line.
enum DateBound {
    static func parse(_ text: String?, upper: Bool, flag: String) throws -> String? {
        guard let text else { return nil }
        let parts = text.split(separator: "-").map(String.init)
        guard let year = Int(parts.first ?? ""), (1000...9999).contains(year) else {
            throw CLIError("\(flag) \(text) is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
        }
        let month = parts.count > 1 ? Int(parts[1]) : (upper ? 12 : 1)
        guard let month, (1...12).contains(month) else { throw CLIError("\(flag) \(text) has no valid month") }
        let lastDay = CivilDate.daysIn(year: year, month: month)
        let day = parts.count > 2 ? Int(parts[2]) : (upper ? lastDay : 1)
        guard let day, CivilDate.isValid(year: year, month: month, day: day) else { throw CLIError("\(flag) \(text) has no valid day") }
        return CivilDate(year: year, month: month, day: day).description
    }

    static func timestamp(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        if let date = Instant.parse(text) { return date }
        if let day = CivilDate(iso: text) {
            return Date(timeIntervalSince1970: TimeInterval(day.dayNumber + 1) * 86_400 - 0.001)
        }
        throw CLIError("--as-of \(text) is not a time: use 2024-05-01T12:00:00Z or a day (YYYY-MM-DD, meaning its end)")
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
