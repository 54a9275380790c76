import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Projections
import Testing

extension FaultSuites {
    /// Three `parklined` on one database: all serve reads and streams, one
    /// projects (it holds the advisory lock). The leader's process is killed
    /// with SIGKILL while writes arrive; a standby takes over, and the read
    /// model it leaves equals a clean rebuild of the log.
    @Suite struct LeaderFailoverTests {
        static func role(_ daemon: DaemonProcess, _ http: HTTPClient) async throws -> String? {
            try await http.call(daemon.baseURL + "/readyz").json?["projector_role"] as? String
        }

        /// A digest of every read-model table, row by row.
        static func readModelDigest(_ client: PostgresClient) async throws -> String {
            let rows = try await client.query("""
                SELECT concat_ws(' / ',
                  (SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY event_id, version), ''))
                     FROM timeline_event_versions t),
                  (SELECT count(*) || ':' || md5(coalesce(string_agg(p::text, '|' ORDER BY park_id), '')) FROM park_directory p),
                  (SELECT count(*) || ':' || md5(coalesce(string_agg(d::text, '|' ORDER BY document_hash), '')) FROM documents d),
                  (SELECT string_agg(name || '@' || tx_id || '-' || position, ',' ORDER BY name) FROM projection_checkpoints))
                """)
            for try await digest in rows.decode(String.self) { return digest }
            return ""
        }

        @Test func killingTheLeaderProcessHandsProjectionToAStandbyWithNothingAppliedTwiceOrSkipped() async throws {
            let settings = try await TestCluster.shared.makeDatabase()
            defer { Task { try? await TestCluster.shared.dropDatabase(settings) } }
            try await Fault.withHTTP { http in
                let url = try Fault.url(settings)
                let first = try await Fault.startDaemon(url, http: http)
                defer { first.kill(); first.removeLog() }
                #expect(try await eventually { try await Self.role(first, http) == "leader" })
                let others = [try await Fault.startDaemon(url, http: http), try await Fault.startDaemon(url, http: http)]
                defer { for daemon in others { daemon.kill(); daemon.removeLog() } }
                for daemon in others {
                    #expect(try await eventually { try await Self.role(daemon, http) == "standby" })
                }
                // Every daemon serves reads and streams, leader or not.
                for daemon in [first] + others {
                    let parks = try await http.call(daemon.baseURL + "/v1/parks")
                    #expect(parks.status == 200 && ((parks.json?["parks"] as? [Any])?.count ?? 0) > 0)
                }
                let streams = try others.map { try ResumingSubscriber(port: $0.port) }
                #expect(try await eventually {
                    let (one, two) = (try await others[0].subscribers(http), try await others[1].subscribers(http))
                    return one == 1 && two == 1
                })

                // Writes through both standbys; the leader is killed while they arrive.
                let appenders = Appenders()
                let writers = others.enumerated().map { index, daemon in
                    Task { await appenders.run(writer: index, daemon: daemon, http: http, prefix: "接管测试", keyPrefix: "takeover") }
                }
                #expect(try await eventually { appenders.acknowledgedCount >= 20 })
                first.kill()
                let leaders = try await eventually(timeout: .seconds(60)) {
                    var roles: [String?] = []
                    for daemon in others { roles.append(try await Self.role(daemon, http)) }
                    return roles.filter { $0 == "leader" }.count == 1 && roles.contains("standby")
                }
                #expect(leaders, "no standby took over the projection")
                let acknowledgedAtTakeover = appenders.acknowledgedCount
                #expect(try await eventually { appenders.acknowledgedCount >= acknowledgedAtTakeover + 20 })
                appenders.state.withLock { $0.stop = true }
                for writer in writers { await writer.value }
                let state = appenders.state.withLock { $0 }
                #expect(state.transportErrors.isEmpty, "\(state.transportErrors)")
                let acknowledged = state.acknowledged.sorted()

                // The new leader catches up; both survivors serve every write.
                for daemon in others {
                    #expect(try await eventually {
                        let ready = try await http.call(daemon.baseURL + "/readyz")
                        return ready.status == 200 && (ready.json?["projector_lag"] as? Int) == 0
                    })
                    let page = try await http.call(daemon.baseURL + "/v1/parks/\(Fault.park)/timeline?type=meeting&limit=1000")
                    let titles = (page.json?["events"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
                    #expect(titles.filter { $0.hasPrefix("接管测试") }.sorted() == acknowledged)
                }
                for (index, stream) in streams.enumerated() {
                    #expect(try await eventually {
                        stream.messages.filter { $0.type == "TimelineEventRecorded" }.count >= acknowledged.count
                    })
                    let recorded = stream.messages.filter { $0.type == "TimelineEventRecorded" }
                    #expect(recorded.compactMap(\.title).sorted() == acknowledged, "stream \(index)")
                    let order = positions(recorded)
                    #expect(order == order.sorted() && Set(order).count == order.count, "stream \(index)")
                }

                // The read model the takeover left equals a clean rebuild of the log.
                for daemon in others { await daemon.stop() }
                try await Database.withParkline(settings, maximumConnections: 2, logger: TestCluster.logger) { db in
                    let projected = try await Self.readModelDigest(db.client)
                    _ = try await TimelineProjector(client: db.client, logger: db.logger).rebuild()
                    let rebuilt = try await Self.readModelDigest(db.client)
                    #expect(projected == rebuilt)
                    #expect(!projected.hasPrefix("0:"))
                }
            }
        }
    }
}
