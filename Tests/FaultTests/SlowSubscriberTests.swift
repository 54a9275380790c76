import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing

extension FaultSuites {
    /// A stream client that stops reading holds up nobody else and costs the
    /// daemon a bounded amount of memory: its writes wait on the socket, the
    /// shared window of recent events does not grow for it, and once it reads
    /// again it is told it fell behind and resumes from its last id.
    @Suite struct SlowSubscriberTests {
        static let floodEvents = 5_000
        static let floods = 3
        static let lag = 500

        /// `count` recorded events of about 3 KB each, appended straight to the log.
        static func flood(_ store: EventStore, template: [String: Any], count: Int, round: Int) async throws {
            let evidence = String(repeating: "园区项目签约开工投产，", count: 100)
            for batch in stride(from: 0, to: count, by: 1000) {
                let events = try (batch..<min(count, batch + 1000)).map { index in
                    var body = template
                    body["eventId"] = UUID().uuidString
                    body["title"] = "慢客户端测试 \(round)-\(index)"
                    body["evidence"] = evidence
                    return NewEvent(type: "TimelineEventRecorded", data: try JSONSerialization.data(withJSONObject: body))
                }
                _ = try await store.append(to: try StreamName(category: "park", id: Fault.park), expectedVersion: .any, events: events)
            }
        }

        @Test func aClientThatStopsReadingSlowsNoOneAndHoldsNoBacklog() async throws {
            try await withTestDatabase { db in
                try await Fault.withHTTP { http in
                    let daemon = try await Fault.startDaemon(try Fault.url(db.settings), http: http,
                                                             extra: ["--max-subscriber-lag", String(Self.lag)])
                    defer { daemon.kill(); daemon.removeLog() }
                    // One event through the API gives a well-formed body to copy.
                    let first = try await http.record(daemon, title: "慢客户端测试 模板", key: "slow-template")
                    #expect(first.status == 201)
                    let stored = try await db.store.read(stream: try StreamName(category: "park", id: Fault.park))
                    let template = try #require(stored.last.flatMap { try? JSONSerialization.jsonObject(with: $0.data) as? [String: Any] })

                    let stalled = try StalledSubscriber(port: daemon.port, path: "/v1/stream?after=end")
                    let fast = try ResumingSubscriber(port: daemon.port)
                    #expect(try await eventually { try await daemon.subscribers(http) == 2 })
                    let before = try daemon.residentMegabytes()

                    // Three floods of 5,000 events (about 15 MB of stream text
                    // each) while one client reads nothing: the other keeps up,
                    // and the daemon's memory levels off after the first flood
                    // (the window of recent events fills) instead of growing with
                    // what the stalled client is owed. Holding the backlog would
                    // add ~15 MB at every flood; the allocator alone has added a
                    // little over 8 MB once, so the smaller of the two later
                    // steps is what is judged.
                    var resident: [Double] = []
                    for round in 1...Self.floods {
                        try await Self.flood(db.store, template: template, count: Self.floodEvents, round: round)
                        #expect(try await eventually(timeout: .seconds(120)) {
                            fast.count(of: "TimelineEventRecorded") >= round * Self.floodEvents
                        }, "the reading client got \(fast.count(of: "TimelineEventRecorded")) of \(round * Self.floodEvents)")
                        resident.append(try daemon.residentMegabytes())
                    }
                    #expect(min(resident[1] - resident[0], resident[2] - resident[1]) < 8, "RSS \(before) MB, then \(resident) MB after each flood")
                    #expect(try await daemon.subscribers(http) == 2, "the stalled client was dropped while stalled")

                    // Reading again, the stalled client gets what its socket held,
                    // then is told it fell behind, and the stream ends.
                    let text = stalled.drain(until: "event: overflow")
                    // The flood's events (the template may or may not come first,
                    // as the feed's head was when the stalled client connected).
                    func flooded(_ messages: [ResumingSubscriber.Message]) -> [ResumingSubscriber.Message] {
                        messages.filter { $0.type == "TimelineEventRecorded" && $0.title?.hasPrefix("慢客户端测试 模板") == false }
                    }
                    #expect(text.contains("event: overflow"))
                    let delivered = ResumingSubscriber.parse(text.split(separator: "\n", omittingEmptySubsequences: false).map {
                        String($0.hasSuffix("\r") ? $0.dropLast() : $0)
                    })
                    #expect(delivered.count < Self.floodEvents, "everything was buffered for the stalled client")
                    // It resumes from its last id and gets the rest from the database, in order.
                    let lastID = try #require(flooded(delivered).last?.id)
                    let resumed = try StreamingGet(port: daemon.port, path: "/v1/stream?limit=\(Self.floods * Self.floodEvents)",
                                                   headers: ["Last-Event-ID": lastID])
                    let missing = Self.floods * Self.floodEvents - flooded(delivered).count
                    #expect(try await eventually(timeout: .seconds(180)) {
                        resumed.received.reduce(0) { $0 + ($1 == "event: TimelineEventRecorded" ? 1 : 0) } >= missing
                    })
                    let all = flooded(delivered) + flooded(ResumingSubscriber.parse(resumed.received))
                    let order = positions(all)
                    #expect(all.count == Self.floods * Self.floodEvents && order == order.sorted() && Set(order).count == order.count,
                            "\(flooded(delivered).count) delivered before the overflow, \(all.count - flooded(delivered).count) after resuming from \(lastID); \(Set(order).count) distinct, sorted: \(order == order.sorted())")
                }
            }
        }
    }
}
