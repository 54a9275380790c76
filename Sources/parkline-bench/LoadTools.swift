import AsyncHTTPClient
import Foundation
import NIOCore

/// One wrk run: a Lua `request` function (`luaRequest`, its body; `luaSetup`
/// runs once before) against `baseURL` for `seconds`, and what wrk reported.
struct WrkRun {
    var requests: Int
    var rate: Double
    /// Non-2xx/3xx responses plus socket errors.
    var failures: Int
    var output: String

    static func run(_ wrk: String, baseURL: String, connections: Int, seconds: Int,
                    luaSetup: String, luaRequest: String) async throws -> WrkRun {
        let script = NSTemporaryDirectory() + "parkline-bench-\(getpid())-\(UUID().uuidString.prefix(8)).lua"
        try "\(luaSetup)\nrequest = function()\n\(luaRequest)\nend\n".write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let output = try await LiveBenchmarks.run(wrk, ["-t2", "-c\(connections)", "-d\(seconds)s", "--timeout", "10s", "-s", script, baseURL + "/"])
        let lines = output.split(separator: "\n")
        func number(_ marker: String) -> Double? {
            guard let line = lines.first(where: { $0.contains(marker) }) else { return nil }
            return line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .punctuationCharacters)) }.first
        }
        guard let rate = number("Requests/sec:"),
              let total = lines.first(where: { $0.contains("requests in") }).flatMap({ Int($0.split(separator: " ").first ?? "") }) else {
            throw BenchError.mismatch("wrk printed no totals: \(output.suffix(400))")
        }
        let failures = Int(number("Non-2xx or 3xx responses:") ?? 0) + (output.contains("Socket errors") ? 1 : 0)
        if failures > 0 { FileHandle.standardError.write(Data("wrk reported failures:\n\(output)\n".utf8)) }
        return WrkRun(requests: total, rate: rate, failures: failures, output: output)
    }
}

extension HTTPClientResponse.Body {
    /// Hand each line of a Server-Sent Events body to `line` as it arrives,
    /// until `line` returns false or the stream ends (false then).
    func forEachLine(_ line: (String) throws -> Bool) async throws -> Bool {
        var pending: [UInt8] = []
        for try await chunk in self {
            pending += chunk.readableBytesView
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let text = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                if try !line(text) { return true }
            }
        }
        return false
    }
}
