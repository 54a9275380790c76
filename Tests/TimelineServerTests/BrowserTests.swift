import Foundation
import Hummingbird
import HummingbirdTesting
import ParklineTestSupport
import Testing
import TimelineServer

@Suite struct BrowserTests {
    /// The page in a real headless Chromium: it lists 苏锡通's events and shows
    /// an event posted during the test without a reload.
    @Test func thePageListsATimelineAndShowsANewEventLive() async throws {
        try await withTestDatabase { db in
            let app = try await buildApplication(configuration: serverConfiguration(), settings: db.settings, logger: db.logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try #require(try await seedsProjected(client), "the seeds were not projected")
                let (status, output) = try await runProcess([
                    "python3", repositoryRoot + "/scripts/browser_check.py", "http://127.0.0.1:\(port)/",
                    "--park", "suxitong", "--expect", "懋略", "--token", testToken,
                ])
                #expect(status == 0, "\(output)")
                #expect(output.contains("\"live_event\""), "\(output)")
            }
        }
    }
}
