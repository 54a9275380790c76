import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `parklined` in a process of its own (so its memory is its own), on a
/// database of the bench's server. Uses the `parklined` built next to this
/// benchmark when there is one, else this binary's hidden `serve` command,
/// which runs the same server code.
final class DaemonProcess: Sendable {
    let pid: Int32
    let baseURL: String
    let binary: String
    private let process: Process
    private let logPath: String

    private init(process: Process, baseURL: String, binary: String, logPath: String) {
        self.process = process
        pid = process.processIdentifier
        self.baseURL = baseURL
        self.binary = binary
        self.logPath = logPath
    }

    static func start(databaseURL: String, http: HTTPClient) async throws -> DaemonProcess {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = executable.deletingLastPathComponent().appendingPathComponent("parklined").path
        let process = Process()
        let binary: String
        if FileManager.default.isExecutableFile(atPath: sibling) {
            binary = "parklined"
            process.executableURL = URL(fileURLWithPath: sibling)
            process.arguments = []
        } else {
            binary = "parkline-bench serve (same server code as parklined)"
            process.executableURL = executable
            process.arguments = ["serve"]
        }
        process.arguments! += ["--database-url", databaseURL, "--port", "0", "--no-seed", "--log-level", "notice"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PARKLINE_API_TOKEN")
        environment.removeValue(forKey: "PARKLINE_API_TOKEN_FILE")
        process.environment = environment
        let logPath = NSTemporaryDirectory() + "parkline-bench-daemon-\(getpid()).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        try process.run()

        // The daemon picks a free port (--port 0) and logs its address.
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw BenchError.daemon("exited with \(process.terminationStatus): \(Self.tail(logPath))")
            }
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8),
               let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                let daemon = DaemonProcess(process: process, baseURL: String(text[range]), binary: binary, logPath: logPath)
                try await daemon.waitUntilReady(http)
                return daemon
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw BenchError.daemon("did not start within 120 s: \(Self.tail(logPath))")
    }

    private func waitUntilReady(_ http: HTTPClient) async throws {
        for _ in 0..<600 {
            if let response = try? await http.execute(HTTPClientRequest(url: baseURL + "/readyz"), timeout: .seconds(5)),
               response.status == .ok {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError.daemon("never became ready: \(Self.tail(logPath))")
    }

    /// Resident set size, from /proc.
    func residentMegabytes() throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else {
            throw BenchError.daemon("no VmRSS in /proc/\(pid)/status")
        }
        return kilobytes / 1024
    }

    /// Open Server-Sent Events streams, from the daemon's own metrics.
    func subscribers(_ http: HTTPClient) async throws -> Int {
        let response = try await http.execute(HTTPClientRequest(url: baseURL + "/metrics"), timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
        for line in text.split(separator: "\n") where line.hasPrefix("parkline_stream_subscribers") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return Int(value) }
        }
        return 0
    }

    /// SIGTERM, then wait for the graceful exit.
    func stop() async {
        process.terminate()
        for _ in 0..<200 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    private static func tail(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return String(text.suffix(600))
    }
}
