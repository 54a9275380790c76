import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension FaultSuites {
    /// `--read-database-url`: queries and stream catch-up go to a real
    /// streaming-replication standby (`pg_basebackup -R`), writes to the primary.
    @Suite struct ReadReplicaTests {
        /// Run a PostgreSQL tool as the cluster's user (`postgres` when we are root).
        static func asClusterUser(_ arguments: [String]) async throws -> (status: Int32, output: String) {
            try await runProcess(getuid() == 0 ? ["runuser", "-u", "postgres", "--"] + arguments : arguments)
        }

        /// A hot standby of `primary`, streaming from it: `pg_basebackup -R`
        /// into the data directory of a second embedded cluster, which the
        /// product's own code then starts on a socket of its own.
        static func withStandby<T>(of primary: EmbeddedPostgres, _ body: (ConnectionSettings) async throws -> T) async throws -> T {
            let root = "/tmp/parkline-standby-\(UUID().uuidString.prefix(8))"
            let standby = try EmbeddedPostgres(dataDirectory: root, durable: false, logger: TestCluster.logger)
            let cluster = standby.layout.clusterRoot
            try FileManager.default.createDirectory(atPath: cluster, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            if getuid() == 0 { _ = try await runProcess(["chown", "postgres:", root, cluster]) }
            func cleanUp() {
                standby.stopImmediately()
                try? FileManager.default.removeItem(atPath: root)
                try? FileManager.default.removeItem(atPath: cluster)
            }
            defer { cleanUp() }
            let bin = URL(fileURLWithPath: primary.binaries.pgCtl).resolvingSymlinksInPath().deletingLastPathComponent().path
            let backup = try await asClusterUser([bin + "/pg_basebackup", "-D", standby.layout.pgData, "-R", "-X", "stream",
                                                  "-c", "fast", "-h", primary.layout.socketDirectory, "-U", EmbeddedPostgres.superuser])
            try #require(backup.status == 0, "pg_basebackup: \(backup.output)")
            // The copied configuration names the primary's socket directory; the last setting wins.
            let configuration = try FileHandle(forWritingTo: URL(fileURLWithPath: standby.layout.pgData + "/postgresql.conf"))
            configuration.seekToEndOfFile()
            configuration.write(Data("\nunix_socket_directories = '\(standby.layout.socketDirectory)'\nhot_standby = on\n".utf8))
            try configuration.close()
            _ = try await standby.start()
            return try await body(standby.connectionSettings())
        }

        static func superuserQuery(_ settings: ConnectionSettings, _ sql: String) async throws {
            let client = PostgresClient(configuration: settings.clientConfiguration(maximumConnections: 1), backgroundLogger: TestCluster.logger)
            _ = try await client.runWhile {
                // Fixed statements written in this file.
                try await client.query(PostgresQuery(unsafeSQL: sql))
            }
        }

        @Test func queriesAndStreamsReadTheStandbyAndWritesGoToThePrimary() async throws {
            try await Fault.withCluster { primary in
                // The primary gets its schema and seeds before the standby is copied.
                try await Fault.withHTTP { http in
                    let seeding = try await Fault.startDaemon(try Fault.url(primary.connectionSettings()), http: http)
                    await seeding.stop()
                    seeding.removeLog()
                }
                try await Self.withStandby(of: primary) { standby in
                    try await Fault.withHTTP { http in
                        let daemon = try await Fault.startDaemon(try Fault.url(primary.connectionSettings()), http: http,
                                                                 extra: ["--read-database-url", try Fault.url(standby)])
                        defer { daemon.kill(); daemon.removeLog() }
                        #expect(daemon.log.contains("read a standby"))
                        let stream = try ResumingSubscriber(port: daemon.port)
                        #expect(try await eventually { try await daemon.subscribers(http) == 1 })

                        // Streamed from the standby: an append on the primary arrives.
                        #expect(try await http.record(daemon, title: "副本测试 一", key: "replica-1").status == 201)
                        #expect(try await eventually { stream.messages.contains { $0.title == "副本测试 一" } })
                        let timeline = daemon.baseURL + "/v1/parks/\(Fault.park)/timeline?type=meeting&limit=1000"
                        #expect(try await eventually { try await http.call(timeline).body.contains("副本测试 一") })

                        // With the standby's replay paused, a write lands on the
                        // primary but neither queries nor streams see it yet...
                        try await Self.superuserQuery(standby, "SELECT pg_wal_replay_pause()")
                        #expect(try await http.record(daemon, title: "副本测试 二", key: "replica-2").status == 201)
                        let onPrimary = try await Database.withParkline(primary.connectionSettings(), maximumConnections: 1,
                                                                logger: TestCluster.logger) { db in
                            try await db.client.query("SELECT count(*)::int8 FROM events WHERE data->>'title' = '副本测试 二'")
                                .collect().first?.decode(Int64.self)
                        }
                        #expect(onPrimary == 1)
                        let paused = try await http.call(timeline + "&paused=1")
                        #expect(paused.status == 200 && !paused.body.contains("副本测试 二"), "the query did not read the standby")
                        #expect(!stream.messages.contains { $0.title == "副本测试 二" })

                        // ...until replay resumes: then both do, without a restart.
                        try await Self.superuserQuery(standby, "SELECT pg_wal_replay_resume()")
                        #expect(try await eventually { try await http.call(timeline).body.contains("副本测试 二") })
                        #expect(try await eventually { stream.messages.contains { $0.title == "副本测试 二" } })
                        let titles = stream.messages.compactMap(\.title)
                        #expect(titles == ["副本测试 一", "副本测试 二"], "\(titles)")
                    }
                }
            }
        }
    }
}
