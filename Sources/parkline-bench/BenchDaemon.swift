import AsyncHTTPClient
import DaemonSupport
import Foundation

/// The daemon the bench measures, in a process of its own (so its memory is
/// its own): the `parklined` built next to this benchmark when there is
/// one, else this binary's hidden `serve` command, which runs the same
/// server code.
struct BenchDaemon {
    let process: DaemonProcess
    /// Which binary serves, for the report.
    let binary: String

    var baseURL: String { process.baseURL }

    static func start(databaseURL: String, http: HTTPClient, token: String? = nil) async throws -> BenchDaemon {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = executable.deletingLastPathComponent().appendingPathComponent("parklined").path
        var arguments: [String]
        let binary: String
        let path: String
        if FileManager.default.isExecutableFile(atPath: sibling) {
            (binary, path, arguments) = ("parklined", sibling, [])
        } else {
            (binary, path, arguments) = ("parkline-bench serve (same server code as parklined)", executable.path, ["serve"])
        }
        arguments += ["--database-url", databaseURL, "--port", "0", "--no-seed", "--log-level", "notice"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PARKLINE_API_TOKEN_FILE")
        environment["PARKLINE_API_TOKEN"] = token
        do {
            let process = try await DaemonProcess.start(executable: path, arguments: arguments, environment: environment, http: http)
            return BenchDaemon(process: process, binary: binary)
        } catch let error as DaemonError {
            throw BenchError.daemon(error.description)
        }
    }

    func residentMegabytes() throws -> Double { try process.residentMegabytes() }
    func subscribers(_ http: HTTPClient) async throws -> Int { try await process.subscribers(http) }

    func stop() async {
        await process.stop()
        process.removeLog()
    }
}
