import EventStore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Run a program to completion without blocking a concurrency thread (see
/// ``ChildProcess``); past `timeout` it is killed. Its status and output.
public func runProcess(_ arguments: [String], environment: [String: String]? = nil,
                       timeout: Duration = .seconds(120)) async throws -> (status: Int32, output: String) {
    let child = try ChildProcess.spawn(["/usr/bin/env"] + arguments, environment: environment)
    defer { child.discardOutput() }
    let status = await child.wait(timeout: timeout)
    return (status, child.output)
}

/// `data` passed through a filter program (`gzip -c`, `iconv …`) given it
/// as a file; what the program wrote.
public func filtered(_ data: Data, through command: [String]) throws -> [UInt8] {
    let input = NSTemporaryDirectory() + "parkline-filter-\(UUID().uuidString)"
    try data.write(to: URL(fileURLWithPath: input))
    defer { unlink(input) }
    let child = try ChildProcess.spawn(command + [input])
    defer { child.discardOutput() }
    let status = child.waitBlocking()
    guard status == 0 else { throw FilterError(command: command.joined(separator: " "), status: status) }
    return child.outputBytes
}

public struct FilterError: Error, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var description: String { "\(command) exited with \(status)" }
}

/// A port nobody listens on right now (bound and released), for live servers.
public func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    try withUnsafeMutablePointer(to: &address) { pointer in
        try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
            guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else {
                throw POSIXError(.EADDRINUSE)
            }
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Connect to 127.0.0.1:`port` and send a streaming GET for `path`; the
/// socket, for the caller to read. `receiveBuffer` shrinks the socket's
/// receive buffer (a client that reads slowly).
public func openStreamRequest(port: Int, path: String, headers: [String: String] = [:],
                              receiveBuffer: Int32? = nil) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    if var size = receiveBuffer {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
        close(fd)
        throw POSIXError(.ECONNREFUSED)
    }
    var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    request += "\r\n"
    _ = request.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) }
    return fd
}

/// A raw HTTP/1.1 client for one streaming GET (Server-Sent Events), read on
/// a thread of its own. Lines collect in `received`; `isClosed` turns true
/// when the server closes the connection.
public final class StreamingGet: @unchecked Sendable {
    final class Lines: Sendable {
        let mutex = Mutex<(lines: [String], closed: Bool)>(([], false))
    }
    private let state = Lines()
    private let fd: Int32

    public var received: [String] { state.mutex.withLock { $0.lines } }
    public var isClosed: Bool { state.mutex.withLock { $0.closed } }

    public init(port: Int, path: String, headers: [String: String] = [:]) throws {
        let fd = try openStreamRequest(port: port, path: path, headers: headers)
        self.fd = fd
        let state = self.state
        // Read by a task polling the socket, not a thread blocked on it:
        // nothing here waits on a thread that might not run.
        Task {
            var pending = [UInt8]()
            while let bytes = await receive(fd, waitingAtMost: nil) {
                pending += bytes
                while let newline = pending.firstIndex(of: 10) {
                    var line = Array(pending[..<newline])
                    if line.last == 13 { line.removeLast() }
                    state.mutex.withLock { $0.lines.append(String(decoding: line, as: UTF8.self)) }
                    pending.removeFirst(newline + 1)
                }
            }
            // The reader owns the descriptor: it closes it, under the lock, so
            // `cancel` never shuts down a number the system has handed out again.
            state.mutex.withLock { state in
                state.closed = true
                close(fd)
            }
        }
    }

    /// Drop the connection (as a client that goes away).
    public func cancel() {
        let fd = self.fd
        state.mutex.withLock { state in
            if !state.closed { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    deinit { cancel() }
}

/// A raw TCP connection to 127.0.0.1:`port`, for requests no HTTP client
/// would send (half a header, too many headers, a client that goes away).
public final class RawConnection: @unchecked Sendable {
    public let fd: Int32

    public init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    public func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// What arrives until the server closes the connection (`closed`),
    /// `until` is seen, or `timeout` seconds pass with nothing new.
    public func readInBackground(until marker: String? = nil, timeout seconds: Int) async -> (text: String, closed: Bool) {
        var received = [UInt8]()
        while true {
            guard let bytes = await receive(fd, waitingAtMost: .seconds(seconds)) else {
                return (String(decoding: received, as: UTF8.self), true)
            }
            if bytes.isEmpty { return (String(decoding: received, as: UTF8.self), false) }  // quiet for `timeout`
            received += bytes
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) {
                return (String(decoding: received, as: UTF8.self), false)
            }
        }
    }

    public func close() {
        Glibc.close(fd)
    }
}

/// The next bytes on socket `fd`: `nil` once the peer has closed it (or reset
/// it), empty when nothing came within `waitingAtMost`. Polls the socket
/// without blocking (every few milliseconds, backing off to 20).
func receive(_ fd: Int32, waitingAtMost limit: Duration?) async -> [UInt8]? {
    let deadline = limit.map { ContinuousClock.now + $0 }
    var buffer = [UInt8](repeating: 0, count: 4096)
    var pause = Duration.milliseconds(1)
    while true {
        let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        if count > 0 { return Array(buffer[0..<count]) }
        if count == 0 { return nil }
        if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { return nil }
        if let deadline, ContinuousClock.now >= deadline { return [] }
        try? await Task.sleep(for: pause)
        pause = min(pause * 2, .milliseconds(20))
    }
}
