import Foundation
import Hummingbird
import HummingbirdTesting
import ParklineTestSupport
import Testing
import TimelineServer

@Suite struct BrowserTests {
    /// The page in a real headless Chromium, checked against the API by
    /// `scripts/browser_check.py`: the chart's bars are the activity
    /// route's counts, the stream opens from the timeline's log cursor, a
    /// deep link restores its filters and Back undoes a filter, an event's
    /// own URL shows its evidence in its paragraph, compare, English, a
    /// `reset` from the stream starts the view over, no emoji code points,
    /// no console errors, a 390 px phone layout, exports; and events
    /// recorded during the test appear in their place in time without a
    /// reload, counted while the tab is hidden; a correction shows without a
    /// reload, and a retracted event's view marks it retracted and corrected.
    @Test func thePageShowsChecksAndFollowsATimelineAsTheAPIDescribesIt() async throws {
        try await withTestDatabase { db in
            let app = try await buildApplication(configuration: serverConfiguration(), settings: db.settings, logger: db.logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try #require(try await seedsProjected(client), "the seeds were not projected")
                let shots = FileManager.default.temporaryDirectory.appendingPathComponent("parkline-shots-\(UUID().uuidString)").path
                defer { try? FileManager.default.removeItem(atPath: shots) }
                let (status, output) = try await runProcess([
                    "python3", repositoryRoot + "/scripts/browser_check.py", "http://127.0.0.1:\(port)/",
                    "--park", "suxitong", "--expect", "懋略", "--token", testToken, "--screenshots", shots,
                ], timeout: .seconds(300))
                #expect(status == 0, "\(output)")
                for key in ["\"live_event\"", "\"hidden_count\"", "\"corrected_and_retracted\"", "\"reset\"", "\"event_view\"", "\"compared\"", "\"chart\""] {
                    #expect(output.contains(key), "\(key) missing: \(output)")
                }
                for name in ["page-desktop.png", "page-phone.png"] {
                    let data = try #require(FileManager.default.contents(atPath: shots + "/" + name), "\(name) was not written")
                    #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
                }
            }
        }
    }
}
