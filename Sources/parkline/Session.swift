import EventStore
import Fetching
import Foundation
import Timeline

/// What a command works with: the open database, its queries, and the read
/// model, brought up to date before every query so answers include the
/// latest appends.
struct Session {
    let database: Database
    let queries: TimelineQueries
    let readModel: ReadModel

    /// The CLI's parser: errors name the flags.
    static let input = TimelineInput(.flag)

    static func with<T>(_ global: GlobalOptions, project: Bool = true, _ body: (Session) async throws -> T) async throws -> T {
        if try await global.remote() != nil {
            throw CLIError("--server (or PARKLINE_SERVER) works with timeline, events and subscribe; this command needs the database")
        }
        return try await global.withDatabase { database in
            let session = Session(
                database: database,
                queries: TimelineQueries(client: database.client, logger: database.logger),
                readModel: ReadModel(client: database.client, logger: database.logger)
            )
            if project { try await session.readModel.catchUp() }
            return try await body(session)
        }
    }

    func resolvePark(_ name: String) async throws -> TimelineQueries.ParkSummary {
        try await queries.resolvePark(name, gazetteer: [])
    }

    var editor: TimelineEditor {
        TimelineEditor(store: database.store, queries: queries, readModel: readModel)
    }

    /// Run `body` with pages fetched as a person's own tool may: any http(s)
    /// address, the local machine and private networks included.
    func withWeb<T>(_ documents: DocumentIngest, _ body: (WebIngest) async throws -> T) async throws -> T {
        let fetcher = PageFetcher(limits: FetchLimits(allowPrivateAddresses: true), logger: database.logger)
        let web = WebIngest(fetcher: fetcher, documents: documents, pages: FetchedPages(client: database.client, logger: database.logger),
                            read: PageReading.read, logger: database.logger)
        do {
            let result = try await body(web)
            try await fetcher.shutdown()
            return result
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
    }

    /// Who the log says made a hand edit.
    static var actor: String {
        "parkline CLI (\(ProcessInfo.processInfo.environment["USER"] ?? "unknown user"))"
    }
}
