import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import Timeline

/// `POST /v1/documents`: read a document and append what it reports, as
/// `parkline ingest` does.
struct DocumentsController<Context: RequestContext>: Sendable {
    let writer: any TimelineWriting
    let pages: EventPages
    let authorization: WriteAuthorization
    let metrics: ServerMetrics
    let maximumBodyBytes: Int

    struct DocumentRequest: Decodable {
        var text: String
        var published: String?
        var source: String?
        var name: String?
    }

    struct DocumentResponse: Encodable {
        var document: String
        var stream: String
        /// `new`, `unchanged` or `reread`.
        var outcome: String
        var events: [EventRecord]
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post { request, _ in try await ingest(request) }
    }

    private func ingest(_ request: Request) async throws -> Response {
        try authorization.check(request)
        var request = request
        let body = try await request.decodeJSON(DocumentRequest.self, limit: maximumBodyBytes,
                                                 shape: #"{"text", "published"? (YYYY-MM-DD), "source"?, "name"?}"#)
        let name = try Self.checkedName(body.name)
        let document = SourceDocument(name: name, text: body.text, published: try Request.input.day(body.published), source: body.source)
        let summary = try await writer.ingest(document)
        guard let report = summary.reports.first else { throw APIError.badRequest("nothing to ingest") }
        if report.cursor != nil { pages.invalidate() }
        metrics.appendedEvents.increment(by: Int64(summary.appendedEvents))
        let outcome: String
        switch report.outcome {
        case .new: outcome = "new"
        case .unchanged: outcome = "unchanged"
        case .reread: outcome = "reread"
        }
        return try json(DocumentResponse(document: name, stream: report.stream, outcome: outcome,
                                         events: report.events.map(EventRecord.init)),
                        status: report.outcome == .unchanged ? .ok : .created)
    }

    static func checkedName(_ name: String?) throws -> String {
        guard let name, !name.isEmpty else { return "posted document" }
        guard name.count <= 200, !name.contains(where: { $0.isNewline }) else {
            throw APIError.badRequest("name must be one line of at most 200 characters")
        }
        return name
    }
}
