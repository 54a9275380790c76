import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Logging
import NIOCore
import NIOHTTP1
import ParklineTestSupport
import Testing

/// The fault suites run one at a time: each starts daemons (and some their
/// own PostgreSQL clusters), and on a 2-core CI machine running them side by
/// side with the rest of the suite made unrelated timing bounds flaky.
@Suite(.serialized) enum FaultSuites {}

/// What the fault tests share: private PostgreSQL clusters (a restart must
/// not disturb other tests), real `parklined` processes, and small HTTP and
/// stream clients that speak to them as a user's program would.
enum Fault {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let token = "fault-token-0123456789abcdef"
    static let park = "suxitong"

    static var parklined: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/parklined"
    }

    /// A cluster of this test's own, started by the product's embedded-server code.
    static func withCluster<T>(_ body: (EmbeddedPostgres) async throws -> T) async throws -> T {
        let directory = "/tmp/parkline-fault-\(UUID().uuidString.prefix(8))"
        let cluster = try EmbeddedPostgres(dataDirectory: directory, durable: false, logger: TestCluster.logger)
        _ = try await cluster.start()
        defer {
            cluster.stopImmediately()
            try? FileManager.default.removeItem(atPath: directory)
            if cluster.layout.clusterRoot.hasPrefix("/tmp/parkline-") {
                try? FileManager.default.removeItem(atPath: cluster.layout.clusterRoot)
            }
        }
        return try await body(cluster)
    }

    /// The URL a daemon is given for a database reached over the unix socket.
    static func url(_ settings: ConnectionSettings) throws -> String {
        let socket = try #require(settings.socketPath)
        return "postgres://\(settings.username)@/\(settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
    }

    /// A `parklined` on `databaseURL`, writes enabled, the seeds ingested into an empty log.
    static func startDaemon(_ databaseURL: String, http: HTTPClient, extra: [String] = [],
                            environment extraEnvironment: [String: String] = [:]) async throws -> DaemonProcess {
        try #require(FileManager.default.isExecutableFile(atPath: parklined), "parklined is not built next to the tests")
        var environment = ProcessInfo.processInfo.environment
        environment["PARKLINE_API_TOKEN"] = token
        environment.removeValue(forKey: "PARKLINE_API_TOKEN_FILE")
        environment.merge(extraEnvironment) { $1 }
        return try await DaemonProcess.start(
            executable: parklined,
            arguments: ["--database-url", databaseURL, "--port", "0", "--seeds", root + "/seeds",
                        "--log-level", "info",
                        // A loaded CI machine must not turn slowness into 503s; the
                        // restart test, which is about them, passes the default back.
                        "--request-timeout", "60"] + extra,
            environment: environment, http: http)
    }

    static func withHTTP<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await body(http)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }
}

/// One HTTP answer, as much of it as the tests look at.
struct Answer: Sendable {
    var status: Int
    var retryAfter: String?
    var body: String

    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
    }
}

extension HTTPClient {
    func call(_ url: String, method: HTTPMethod = .GET, json: String? = nil, token: String? = Fault.token,
              headers extra: [(String, String)] = [], timeout: Duration = .seconds(30)) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        if let token, method != .GET { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        let response = try await execute(request, timeout: .init(timeout))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Answer(status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"),
                      body: String(buffer: body))
    }

    /// Record a meeting on the test park under an idempotency key.
    func record(_ daemon: DaemonProcess, title: String, key: String) async throws -> Answer {
        let body = #"{"type":"meeting","date":"2024-05-01","title":"\#(title)"}"#
        return try await call(daemon.baseURL + "/v1/parks/\(Fault.park)/events", method: .POST, json: body,
                              headers: [("Idempotency-Key", key)])
    }
}

/// A Server-Sent Events client over ``StreamingGet`` that can drop its
/// connection and resume with `Last-Event-ID`, keeping every message it
/// received across connections.
final class ResumingSubscriber: @unchecked Sendable {
    struct Message: Equatable {
        var id: String
        var type: String
        var title: String?
    }

    let port: Int
    let query: String
    private var earlier: [String] = []
    private(set) var connection: StreamingGet
    private(set) var connections = 1

    init(port: Int, query: String = "after=end") throws {
        self.port = port
        self.query = query
        connection = try StreamingGet(port: port, path: "/v1/stream?\(query)")
    }

    /// Every line received, over all connections.
    var lines: [String] { earlier + connection.received }

    var messages: [Message] { Self.parse(lines) }

    /// Drop the connection and open a new one after the last id received.
    func reconnect() throws {
        connection.cancel()
        earlier += connection.received
        let last = Self.parse(earlier).last?.id
        var headers: [String: String] = [:]
        if let last { headers["Last-Event-ID"] = last }
        connection = try StreamingGet(port: port, path: "/v1/stream?\(last == nil ? query : "")", headers: headers)
        connections += 1
    }

    static func parse(_ lines: [String]) -> [Message] {
        var messages: [Message] = []
        var id: String?, type: String?
        for line in lines {
            if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
            else if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
            else if line.hasPrefix("data: "), let id, let type {
                let data = (try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8))) as? [String: Any]
                let title = (data?["event"] as? [String: Any])?["title"] as? String
                messages.append(Message(id: id, type: type, title: title))
            } else if line.isEmpty { id = nil; type = nil }
        }
        return messages
    }
}

/// Log positions of stream messages (ids are "<transaction>-<position>").
func positions(_ messages: [ResumingSubscriber.Message]) -> [Int64] {
    messages.compactMap { Int64($0.id.split(separator: "-").last ?? "") }
}

/// Appenders that keep writing through faults, retrying each write
/// under its idempotency key until it is acknowledged.
final class Appenders: Sendable {
    struct State {
        var acknowledged: [String] = []
        var statuses: [Int: Int] = [:]
        var unavailableWithoutHint = 0
        var transportErrors: [String] = []
        var stop = false
    }
    let state = Mutex(State())

    var acknowledgedCount: Int { state.withLock { $0.acknowledged.count } }
    func count(_ status: Int) -> Int { state.withLock { $0.statuses[status, default: 0] } }

    func run(writer: Int, daemon: DaemonProcess, http: HTTPClient, prefix: String, keyPrefix: String) async {
        var sequence = 0
        while !state.withLock({ $0.stop }) {
            let title = "\(prefix) \(writer)-\(sequence)"
            var done = false
            while !done {
                do {
                    let answer = try await http.record(daemon, title: title, key: "\(keyPrefix)-\(writer)-\(sequence)")
                    state.withLock { state in
                        state.statuses[answer.status, default: 0] += 1
                        if answer.status == 503 && answer.retryAfter == nil { state.unavailableWithoutHint += 1 }
                        if answer.status == 200 || answer.status == 201 {
                            state.acknowledged.append(title)
                            done = true
                        }
                    }
                    // Anything but success or "retry later" is a failure the test reports.
                    if answer.status != 503 && !done {
                        state.withLock { $0.transportErrors.append("\(answer.status) \(answer.body.prefix(200))") }
                        return
                    }
                } catch {
                    state.withLock { $0.transportErrors.append(String(describing: error).prefix(200).description) }
                    return
                }
            }
            sequence += 1
        }
    }
}


extension ResumingSubscriber {
    /// How many messages of `type` arrived (cheap: no JSON parsing).
    func count(of type: String) -> Int {
        lines.reduce(0) { $0 + ($1 == "event: " + type ? 1 : 0) }
    }
}

/// A stream client that sends its request and then reads nothing, with a
/// small receive buffer: the server's writes to it block almost at once.
final class StalledSubscriber: @unchecked Sendable {
    let fd: Int32

    init(port: Int, path: String) throws {
        fd = try openStreamRequest(port: port, path: path, receiveBuffer: 4096)
    }

    /// Read until `marker` has arrived, the server closes the connection, or
    /// nothing arrives for 30 s.
    func drain(until marker: String) -> String {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let marker = Array(marker.utf8)
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
            let tail = received.suffix(count + marker.count)
            if tail.count >= marker.count,
               (0...(tail.count - marker.count)).contains(where: { tail.dropFirst($0).starts(with: marker) }) { break }
        }
        return String(decoding: Self.body(ofChunked: received), as: UTF8.self)
    }

    /// The body of a chunked HTTP/1.1 response (as much of it as arrived).
    static func body(ofChunked response: [UInt8]) -> [UInt8] {
        let crlf: [UInt8] = [13, 10]
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard response.count >= pattern.count, start <= response.count - pattern.count else { return nil }
            return (start...(response.count - pattern.count)).first { response[$0..<($0 + pattern.count)].elementsEqual(pattern) }
        }
        guard let headerEnd = find(crlf + crlf, from: 0) else { return [] }
        var body = [UInt8](), index = headerEnd + 4
        while let lineEnd = find(crlf, from: index),
              let size = Int(String(decoding: response[index..<lineEnd], as: UTF8.self), radix: 16), size > 0 {
            let start = lineEnd + 2
            body += response[start..<min(response.count, start + size)]
            index = start + size + 2
        }
        return body
    }

    deinit { close(fd) }
}
