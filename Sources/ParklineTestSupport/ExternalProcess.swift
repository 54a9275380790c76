import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Run a program to completion without blocking a concurrency thread; its
/// output goes to a file (children it leaves behind cannot hold a pipe open).
public func runProcess(_ arguments: [String], environment: [String: String]? = nil,
                       timeout: Duration = .seconds(120)) async throws -> (status: Int32, output: String) {
    // posix_spawn and waitpid for this child only, on a thread of its own: Foundation's Process
    // lost termination notifications when many tests started processes at once, and a test
    // awaiting one then waited forever.
    let outputPath = NSTemporaryDirectory() + "parkline-proc-\(UUID().uuidString).log"
    defer { unlink(outputPath) }
    let argv = ["/usr/bin/env"] + arguments
    let envp: [String]? = environment.map { $0.map { "\($0.key)=\($0.value)" } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    let cEnvironment = envp.map { $0.map { strdup($0) } + [nil] }
    defer { cEnvironment?.forEach { free($0) } }
    var pid = pid_t()
    let spawned = cEnvironment.map { posix_spawn(&pid, argv[0], &actions, nil, cArguments, $0) }
        ?? posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    let child = pid
    let killer = Task {
        try? await Task.sleep(for: timeout)
        if !Task.isCancelled { kill(child, SIGKILL) }
    }
    let status: Int32 = await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            var raw: Int32 = 0
            while waitpid(child, &raw, 0) == -1 && errno == EINTR {}
            continuation.resume(returning: (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f))
        }
    }
    killer.cancel()
    return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
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
        Thread.detachNewThread {
            var pending = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                pending += buffer[0..<count]
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

    /// What arrives until the server closes the connection, `until` is seen,
    /// or `timeout` seconds pass with nothing new. Blocks its thread: call it
    /// off the cooperative pool (``readInBackground(until:timeout:)``).
    public func read(until marker: String? = nil, timeout seconds: Int) -> (text: String, closed: Bool) {
        var wait = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
            received += buffer[0..<count]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) {
                return (String(decoding: received, as: UTF8.self), false)
            }
        }
    }

    /// `read` on a thread of its own.
    public func readInBackground(until marker: String? = nil, timeout seconds: Int) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.read(until: marker, timeout: seconds)) }
        }
    }

    public func close() {
        Glibc.close(fd)
    }
}
