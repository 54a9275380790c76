import AsyncHTTPClient
import Foundation
import NIOCore
import Timeline

/// `parkline --server URL ...`: the same questions asked of a running
/// `parklined` over its HTTP API instead of the database.
struct RemoteTimeline {
    let base: String

    init(_ server: String) throws {
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw CLIError("--server \(server) is not an http(s) URL: use e.g. http://127.0.0.1:8080")
        }
        base = server.hasSuffix("/") ? String(server.dropLast()) : server
    }

    struct Page: Decodable {
        var park: TimelineQueries.ParkSummary?
        var events: [EventRecord]
        var next_cursor: String?
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { var code: String; var message: String }
        var error: Detail
    }

    /// Every page of a listing (`path` already carries its filters).
    func events(_ path: String) async throws -> (TimelineQueries.ParkSummary?, [EventRecord]) {
        var events: [EventRecord] = []
        var park: TimelineQueries.ParkSummary?
        var cursor: String?
        repeat {
            let separator = path.contains("?") ? "&" : "?"
            let page = try await get(path + separator + "limit=1000" + (cursor.map { "&cursor=\($0)" } ?? ""), as: Page.self)
            park = page.park ?? park
            events += page.events
            cursor = page.next_cursor
        } while cursor != nil
        return (park, events)
    }

    func get<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        let response = try await send(HTTPClientRequest(url: base + path))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else { throw apiError(body, status: response.status.code) }
        return try JSONDecoder().decode(T.self, from: Data(buffer: body))
    }

    /// Follow `/v1/stream`, reconnecting with `Last-Event-ID` when the
    /// connection drops, until the task is cancelled.
    func follow(_ query: String, from start: String, onEvent: (EventRecord, String) -> Void) async throws {
        var lastID = start
        var failures = 0
        while !Task.isCancelled {
            var request = HTTPClientRequest(url: base + "/v1/stream" + query)
            request.headers.add(name: "Accept", value: "text/event-stream")
            request.headers.add(name: "Last-Event-ID", value: lastID)
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .hours(24 * 365))
                guard response.status == .ok else {
                    throw apiError(try await response.body.collect(upTo: 1 << 20), status: response.status.code)
                }
                failures = 0
                var pending = ""
                var id: String?
                var kind: String?
                for try await chunk in response.body {
                    pending += String(buffer: chunk)
                    while let newline = pending.firstIndex(of: "\n") {
                        let line = String(pending[..<newline])
                        pending = String(pending[pending.index(after: newline)...])
                        if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                        if line.hasPrefix("event: ") { kind = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: "), kind == "reset" {
                            // The position is not in this log (restored or replaced): start over from its start.
                            FileHandle.standardError.write(Data(
                                "parkline: \(lastID) lies past the end of the log at \(base) (was it restored or replaced?); starting over from the start of the log\n".utf8))
                            lastID = "start"
                            continue
                        }
                        // Of a merge's several messages only the last has an id: the others are
                        // shown, and a reconnection resumes from the last id seen (sending them again).
                        if line.hasPrefix("data: "), let message = try? JSONDecoder.parkline.decode(
                            TimelineChange.self, from: Data(line.dropFirst(6).utf8)) {
                            if let id { lastID = id }
                            if let event = message.event { onEvent(event, id ?? message.cursor) }
                        }
                        if line.isEmpty { (id, kind) = (nil, nil) }
                    }
                }
            } catch let error as CLIError {
                throw error
            } catch {
                if Task.isCancelled { return }
                failures += 1
                if failures > 30 { throw CLIError("lost the stream from \(base) and could not reconnect: \(error)") }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        do {
            return try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        } catch {
            throw CLIError("cannot reach \(base) (\(error)): is parklined running there?")
        }
    }

    private func apiError(_ body: ByteBuffer, status: UInt) -> CLIError {
        if let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(buffer: body)) {
            return CLIError(decoded.error.message)
        }
        return CLIError("\(base) answered HTTP \(status)")
    }

    static func query(_ items: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems = items.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        let text = components.percentEncodedQuery ?? ""
        return text.isEmpty ? "" : "?" + text
    }

    static func path(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
    }
}
