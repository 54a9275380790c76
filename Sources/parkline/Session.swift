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
        try await queries.resolvePark(name, gazetteer: [])
    }
}

/// Parse a date bound given on the command line: its first day, or with `upper` its last.
enum DateBound {
    static func parse(_ text: String?, upper: Bool, flag: String) throws -> String? {
        guard let text else { return nil }
        guard let date = EventDate(parsing: text) else {
            throw CLIError("\(flag) \(text) is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1 or YYYY-H1")
        }
        return (upper ? date.upper : date.lower).description
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
