import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import Timeline

/// `POST /v1/documents`: read a document (its text, or a page fetched from
/// its URL) and append what it reports, as `parkline ingest` does.
struct DocumentsController<Context: RequestContext>: Sendable {
    let writer: any TimelineWriting
    let pages: EventPages
    let authorization: WriteAuthorization
    let metrics: ServerMetrics
    let maximumBodyBytes: Int

    struct DocumentRequest: Decodable {
        var text: String?
        var url: String?
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
                                                 shape: #"{"text" or "url", "published"? (YYYY-MM-DD), "source"?, "name"?}"#)
        // A day outside the publication range is well-formed but cannot be taken: 422, as for an unreadable document.
        if let text = body.published, let day = CivilDate(iso: text), !PublicationRange.contains(day) {
            throw APIError(.unprocessableContent, "published_out_of_range",
                           "published=\(text) is outside \(PublicationRange.description): send the day the document was published")
        }
        let published = try Request.input.day(body.published)
        try Self.checkText(body.text, source: body.source)
        let summary: DocumentIngest.Summary
        let name: String
        switch (body.text, body.url) {
        case (let text?, nil):
            name = try Self.checkedName(body.name)
            summary = try await writer.ingest(SourceDocument(name: name, text: text, published: published, source: body.source))
        case (nil, let url?):
            guard WebAddress.isWebAddress(url), url.count <= 2000 else {
                throw APIError.badRequest("url must be an http:// or https:// address of at most 2000 characters")
            }
            // A page that cannot be fetched or read fails with an error naming it (APIError.from); nothing is written.
            summary = try await writer.ingest(url: url, published: published, source: body.source)
            name = url
        default:
            throw APIError.badRequest(#"give either "text" (the document) or "url" (a page to fetch), not both"#)
        }
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

    /// A document's text may hold line breaks and tabs but no other control
    /// characters (a NUL cannot be stored); a source is one line.
    static func checkText(_ text: String?, source: String?) throws {
        if let text, text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) {
            throw APIError.badRequest("text holds a control character (such as NUL): send the document's text without them")
        }
        if let source, source.count > 2000 || source.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw APIError.badRequest("source must be one line of at most 2000 characters, without control characters")
        }
    }

    static func checkedName(_ name: String?) throws -> String {
        guard let name, !name.isEmpty else { return "posted document" }
        guard name.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError.badRequest("name must be one line of at most 200 characters, without control characters")
        }
        return name
    }
}
