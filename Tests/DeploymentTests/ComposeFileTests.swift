import Foundation
import ParklineTestSupport
import Timeline
import Testing

/// docker-compose.yml cannot be started here (no Docker engine), so it is
/// checked the ways that do not need one: Compose's own validation against
/// the Compose specification's schema (`docker-compose config`), and its
/// settings against what the daemon reads.
@Suite struct ComposeFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The compose project in a scratch folder, with the example env file as `parkline.env`.
    private func scratchProject(compose: String? = nil) throws -> String {
        let folder = NSTemporaryDirectory() + "parkline-compose-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try compose ?? String(contentsOfFile: Self.root + "/docker-compose.yml", encoding: .utf8)
        try text.write(toFile: folder + "/docker-compose.yml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Self.root + "/Dockerfile", toPath: folder + "/Dockerfile")
        try FileManager.default.copyItem(atPath: Self.root + "/parkline.env.example", toPath: folder + "/parkline.env")
        return folder
    }

    private func validate(_ folder: String) async throws -> (status: Int32, output: String) {
        try await runProcess(["docker-compose", "--project-directory", folder, "-f", folder + "/docker-compose.yml", "config", "-q"])
    }

    @Test func theComposeFileIsValidAndAMistakeInItIsCaught() async throws {
        let folder = try scratchProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let valid = try await validate(folder)
        #expect(valid.status == 0, "docker-compose config refused docker-compose.yml (is docker-compose installed?):\n\(valid.output)")

        // The same check refuses a file that breaks the schema (a misspelt key).
        let broken = try String(contentsOfFile: Self.root + "/docker-compose.yml", encoding: .utf8)
            .replacingOccurrences(of: "    ports:", with: "    portz:")
        #expect(broken.contains("portz:"))
        let brokenFolder = try scratchProject(compose: broken)
        defer { try? FileManager.default.removeItem(atPath: brokenFolder) }
        #expect(try await validate(brokenFolder).status != 0)
    }

    @Test func itsSettingsAreOnesTheDaemonReadsAndItIsSafeByDefault() async throws {
        let folder = try scratchProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // YAML to JSON with the PyYAML that docker-compose brings.
        let converted = try await runProcess(["python3", "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", folder + "/docker-compose.yml"])
        try #require(converted.status == 0, "\(converted.output)")
        let compose = try #require(try JSONSerialization.jsonObject(with: Data(converted.output.utf8)) as? [String: Any])
        let services = try #require(compose["services"] as? [String: Any])
        let daemon = try #require(services["parklined"] as? [String: Any])
        let postgres = try #require(services["postgres"] as? [String: Any])

        // Every PARKLINE_ key it sets, in the file or the example env file, is one the daemon reads.
        let environment = (daemon["environment"] as? [String: Any] ?? [:]).keys
        let example = try String(contentsOfFile: Self.root + "/parkline.env.example", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "=").first.map(String.init) }
        let set = Set(environment).union(example).filter { $0.hasPrefix("PARKLINE_") }
        let read = try daemonKeys()
        #expect(!set.isEmpty)
        #expect(set.subtracting(read).isEmpty, "set but never read by parklined: \(set.subtracting(read).sorted())")
        #expect(set.isSuperset(of: ["PARKLINE_API_TOKEN", "PARKLINE_DATABASE_URL"]))

        // Published on loopback only; the daemon starts once the database is healthy.
        let ports = try #require(daemon["ports"] as? [String])
        #expect(ports.allSatisfy { $0.hasPrefix("127.0.0.1:") })
        let dependsOn = try #require(daemon["depends_on"] as? [String: Any])
        #expect((dependsOn["postgres"] as? [String: Any])?["condition"] as? String == "service_healthy")
        #expect(postgres["healthcheck"] != nil)
        // Secrets come from the env file, not the compose file.
        let text = try String(contentsOfFile: Self.root + "/docker-compose.yml", encoding: .utf8)
        #expect(!text.contains("PARKLINE_API_TOKEN:") && !text.contains("POSTGRES_PASSWORD:"))
    }

    /// The environment variables the daemon's code reads (`"PARKLINE_…"` literals).
    /// The variables the daemon's settings read (each key's `PARKLINE_…` name).
    private func daemonKeys() throws -> Set<String> {
        Set(ParklineSettings.Key.allCases.map(\.environmentName))
    }
}
