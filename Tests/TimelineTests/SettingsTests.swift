import Foundation
import Testing
import Timeline

/// One reader of settings: flags over `PARKLINE_*` over the settings file over defaults.
struct SettingsTests {
    static func file(_ json: String) throws -> String {
        let path = NSTemporaryDirectory() + "parkline-settings-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() async throws {
        let path = try Self.file(#"{"port": 7000, "host": "10.0.0.5", "home": "/srv/from-file", "logLevel": "debug"}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = try await ParklineSettings.load(
            flags: [.port: "9000", .config: path],
            environment: ["PARKLINE_PORT": "8000", "PARKLINE_HOST": "0.0.0.0"])
        #expect(try settings.integer(.port, default: 8080, in: 0...65535) == 9000)
        #expect(settings.text(.host) == "0.0.0.0")
        #expect(settings.text(.home) == "/srv/from-file")
        #expect(settings.text(.logLevel) == "debug")
        #expect(try settings.storage().dataDirectory == "/srv/from-file")
    }

    @Test func theFileIsNamedByTheEnvironmentTooAndDefaultsFillTheRest() async throws {
        let path = try Self.file(#"{"maxSubscriberLag": 500}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = try await ParklineSettings.load(flags: [:], environment: ["PARKLINE_CONFIG": path])
        #expect(try settings.integer(.maxSubscriberLag, default: 10_000, in: 10...1_000_000) == 500)
        #expect(try settings.integer(.port, default: 8080, in: 0...65535) == 8080)
        #expect(try settings.storage().dataDirectory == ".parkline")
        #expect(try settings.storage().databaseURL == nil)
    }

    @Test func everyKeyIsReadFromItsDocumentedVariable() async throws {
        let environment = Dictionary(uniqueKeysWithValues: ParklineSettings.Key.allCases.filter { $0 != .config }.map { ($0.environmentName, "v-\($0.rawValue)") })
        let settings = try await ParklineSettings.load(flags: [:], environment: environment)
        for key in ParklineSettings.Key.allCases where key != .config {
            #expect(settings.text(key) == "v-\(key.rawValue)", "\(key.environmentName)")
        }
        #expect(ParklineSettings.Key.databaseURL.environmentName == "PARKLINE_DATABASE_URL")
        #expect(ParklineSettings.Key.apiTokenFile.environmentName == "PARKLINE_API_TOKEN_FILE")
        #expect(ParklineSettings.Key.home.environmentName == "PARKLINE_HOME")
    }

    @Test func aBadValueOrFileIsNamedWithItsSources() async throws {
        let settings = try await ParklineSettings.load(flags: [:], environment: ["PARKLINE_PORT": "eighty"])
        #expect(throws: SettingsError.outOfRange(.port, "eighty", "a whole number from 0 to 65535")) {
            try settings.integer(.port, default: 8080, in: 0...65535)
        }
        #expect(SettingsError.outOfRange(.port, "eighty", "x").description.contains("PARKLINE_PORT"))
        await #expect(throws: SettingsError.missingFile("/nonexistent/parkline.json")) {
            try await ParklineSettings.load(flags: [.config: "/nonexistent/parkline.json"], environment: [:])
        }
        let broken = try Self.file("{not json")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        await #expect(throws: SettingsError.unreadableFile(broken)) {
            try await ParklineSettings.load(flags: [.config: broken], environment: [:])
        }
    }
}
