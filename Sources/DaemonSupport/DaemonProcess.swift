import AsyncHTTPClient
import EventStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `parklined` in a process of its own, for the benchmark and the fault
/// tests: started with `--port 0`, its address read from its log, and
/// waited for until `/readyz` answers. It can be stopped gracefully
/// (SIGTERM) or killed (SIGKILL), and measured from `/proc`.
public final class DaemonProcess: Sendable {
    public let pid: Int32
    public let baseURL: String
    public let port: Int
    public let logPath: String
    private let process: ChildProcess

    private init(process: ChildProcess, baseURL: String) {
        self.process = process
        pid = process.pid
        self.baseURL = baseURL
        port = Int(baseURL.split(separator: ":").last ?? "") ?? 0
        logPath = process.outputPath
    }

    /// Start `executable` with `arguments` (which should include `--port 0`)
    /// and return once it listens and `/readyz` says ready. It is started
    /// and reaped as a ``ChildProcess`` (its log, stdout and stderr, in a file).
    public static func start(
        executable: String, arguments: [String], environment: [String: String],
        http: HTTPClient, timeout: Duration = .seconds(120)
    ) async throws -> DaemonProcess {
        let process = try ChildProcess.spawn([executable] + arguments, environment: environment)
        let logPath = process.outputPath
        // The daemon picks a free port (--port 0) and logs its address.
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = process.exitStatus() {
                throw DaemonError("exited with \(status): \(tail(logPath))")
            }
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8),
               let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                let daemon = DaemonProcess(process: process, baseURL: String(text[range]))
                try await daemon.waitUntilReady(http, until: deadline)
                return daemon
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        _ = await process.wait(timeout: .zero)
        throw DaemonError("did not start within \(timeout): \(tail(logPath))")
    }

    private func waitUntilReady(_ http: HTTPClient, until deadline: ContinuousClock.Instant) async throws {
        while ContinuousClock.now < deadline {
            if let response = try? await http.execute(HTTPClientRequest(url: baseURL + "/readyz"), timeout: .seconds(5)),
               response.status == .ok {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DaemonError("never became ready: \(Self.tail(logPath))")
    }

    public var isRunning: Bool { process.exitStatus() == nil }

    /// What the daemon has logged so far.
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Resident set size, from /proc.
    public func residentMegabytes() throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else {
            throw DaemonError("no VmRSS in /proc/\(pid)/status")
        }
        return kilobytes / 1024
    }

    /// One sample from the daemon's `/metrics` (`nil` when it has none).
    public func metric(_ name: String, _ http: HTTPClient) async throws -> Double? {
        let response = try await http.execute(HTTPClientRequest(url: baseURL + "/metrics"), timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") || line.hasPrefix(name + "{") {
            return line.split(separator: " ").last.flatMap { Double($0) }
        }
        return nil
    }

    /// Open Server-Sent Events streams, from the daemon's own metrics.
    public func subscribers(_ http: HTTPClient) async throws -> Int {
        Int(try await metric("parkline_stream_subscribers_count", http) ?? 0)
    }

    /// SIGTERM, then wait for the graceful exit (SIGKILL after `grace`).
    /// Returns whether it exited by itself.
    @discardableResult
    public func stop(grace: Duration = .seconds(10)) async -> Bool {
        process.send(SIGTERM)
        let status = await process.wait(timeout: grace)
        return status != 128 + SIGKILL
    }

    /// SIGKILL: the process gets no chance to clean up.
    public func kill() {
        process.send(SIGKILL)
        _ = process.waitBlocking()
    }

    public func removeLog() { process.discardOutput() }

    static func tail(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return String(text.suffix(600))
    }
}

public struct DaemonError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
