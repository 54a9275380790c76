import Fetching
import Foundation
import Logging
import ServiceLifecycle
import Timeline

/// The daemon's watcher (`--watch`): a round over the watched feeds, lists
/// and pages every `every`, until graceful shutdown; each round's summary
/// is logged. Then the fetcher's connections are closed.
struct WatchService: Service {
    let web: WebIngest
    let fetcher: PageFetcher
    let urls: [String]
    let every: Duration
    let logger: Logger

    func run() async throws {
        if !urls.isEmpty {
            await cancelWhenGracefulShutdown {
                var number = 0
                while !Task.isCancelled {
                    number += 1
                    let round = await web.watchRound(urls)
                    logger.notice("watch round", metadata: ["round": "\(number)", "summary": "\(round.line)"])
                    try? await Task.sleep(for: every)
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        try await fetcher.shutdown()
    }
}
