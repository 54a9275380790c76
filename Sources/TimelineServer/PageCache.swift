import EventStore
import NIOCore
import Synchronization

/// Rendered read responses, served again while the read model is unchanged.
///
/// The projector sends a notification on the log's channel with every
/// checkpoint it commits, and this process's one LISTEN connection bumps
/// ``LogNotifier/generation`` on each: a page rendered under the current
/// generation is therefore still exact, and a hit costs no query at all.
/// A write through this daemon waits for the projection and then
/// invalidates the cache itself, so the writer reads its own write without
/// waiting for the notification. While the LISTEN connection is down
/// nothing is cached, and no page is older than `maximumAge`, which bounds
/// staleness should a notification ever be lost unnoticed.
///
/// parkline-bench measured a 50-event timeline page at ~840 req/s when
/// every request queries PostgreSQL (the events' JSON comes stored, see
/// `TimelineQueries.records`), and at ~9,500 req/s from this cache; see
/// README, Performance. (A 5 s maximum age cost a third of that: every page
/// was rendered again every 5 s.)
final class PageCache: Sendable {
    private struct Entry {
        var page: ByteBuffer
        var rendered: ContinuousClock.Instant
    }

    private struct State {
        var generation: UInt64 = 0
        var epoch: UInt64 = 0
        var pages: [String: Entry] = [:]
        /// Bytes of the pages held, keys included.
        var bytes = 0

        mutating func clear() {
            pages.removeAll(keepingCapacity: true)
            bytes = 0
        }
    }

    private let state = Mutex(State())
    private let notifier: LogNotifier
    /// At most this many bytes of pages: when a new page would pass it, the
    /// cache starts over. Distinct URLs (every `cursor`, every filter) each
    /// get a page, so a count alone did not bound memory: 10,000 timeline
    /// pages of ~20 KB took 200 MB under a soak of distinct URLs.
    let maximumBytes: Int
    let maximumAge: Duration

    init(notifier: LogNotifier, maximumBytes: Int = 32 << 20, maximumAge: Duration = .seconds(30)) {
        self.notifier = notifier
        self.maximumBytes = maximumBytes
        self.maximumAge = maximumAge
    }

    /// Forget every page (after a write through this process).
    func invalidate() {
        state.withLock { state in
            state.epoch &+= 1
            state.clear()
        }
    }

    /// The page for `key` (the request's path and query), rendered by
    /// `render` unless a current one is cached.
    func page(_ key: String, render: () async throws -> ByteBuffer) async throws -> (ByteBuffer, hit: Bool) {
        guard notifier.isConnected else { return (try await render(), false) }
        let generation = notifier.generation
        let now = ContinuousClock.now
        let (cached, epoch) = state.withLock { state -> (ByteBuffer?, UInt64) in
            if state.generation != generation {
                state.generation = generation
                state.clear()
            }
            guard let entry = state.pages[key], now - entry.rendered < maximumAge else { return (nil, state.epoch) }
            return (entry.page, state.epoch)
        }
        if let cached { return (cached, true) }
        let page = try await render()
        // Keep it only if nothing moved while it was rendered.
        let unchanged = notifier.generation == generation && notifier.isConnected
        state.withLock { state in
            guard unchanged, state.generation == generation, state.epoch == epoch else { return }
            let size = page.readableBytes + key.utf8.count
            guard size <= maximumBytes / 4 else { return }
            if state.bytes + size > maximumBytes { state.clear() }
            if let old = state.pages.updateValue(Entry(page: page, rendered: now), forKey: key) {
                state.bytes -= old.page.readableBytes + key.utf8.count
            }
            state.bytes += size
        }
        return (page, false)
    }
}
