import AsyncHTTPClient
import DaemonSupport
import EventStore
import Foundation
import ParklineTestSupport
import Timeline
import PostgresNIO
import Testing

extension FaultSuites {
    /// `parklined` runs as a role that may read and append the log but never
    /// change or remove it; the owner migrates. Its secrets never reach the log.
    @Suite struct RestrictedRoleTests {
        static func sqlState(_ body: () async throws -> Void) async -> String? {
            do {
                try await body()
                return nil
            } catch let error as PSQLError {
                return error.serverInfo?[.sqlState]
            } catch {
                return "\(error)"
            }
        }

        /// Even the private cluster: the product works as the least-privileged
        /// role, which may not silence the append-only triggers (a superuser
        /// session may, with `session_replication_role = replica`) nor delete.
        @Test func theEmbeddedClusterRunsTheProductAsTheLeastPrivilegedRole() async throws {
            let cluster = try await TestCluster.shared.cluster()
            try await Database.withParkline(.embedded(dataDirectory: cluster.layout.dataDirectory), logger: TestCluster.logger) { db in
                #expect(db.settings.username == EmbeddedPostgres.applicationRole)
                let stream = try StreamName(category: "park", id: "embedded-role")
                _ = try await db.store.append(to: stream, expectedVersion: .any,
                                              events: [NewEvent(type: "Probe", data: Data(#"{"n":1}"#.utf8))])
                #expect(await Self.sqlState { try await db.client.query("SET session_replication_role = replica") } == "42501")
                #expect(await Self.sqlState { try await db.client.query("DELETE FROM events") } == "42501")
                #expect(await Self.sqlState { try await db.client.query("ALTER TABLE events DISABLE TRIGGER USER") } == "42501")
                #expect(try await db.store.read(stream: stream).isEmpty == false)
                // The owner, not the role, owns the tables; a rebuild goes through it.
                let owner = try await db.withOwner { owner in
                    try await owner.query("SELECT current_user::text").collect().first?.decode(String.self)
                }
                #expect(owner == EmbeddedPostgres.ownerRole)
                try await db.withOwner { owner in
                    _ = try await ReadModel(client: owner, logger: db.logger).rebuild()
                }
            }
        }

        @Test func theDaemonsRoleMayAppendButNeverUpdateOrDeleteTheLog() async throws {
            let role = "app_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            try await withTestDatabase { owner in
                // The role name is generated above (letters and digits).
                try await owner.client.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(role) LOGIN"))
                try await ParklineSchema.grantApplication(role: String(role), client: owner.client, logger: owner.logger)
                var settings = owner.settings
                settings.username = String(role)

                try await Database.withParkline(settings, maximumConnections: 2, logger: TestCluster.logger) { app in
                    let stream = try StreamName(category: "park", id: "role-test")
                    _ = try await app.store.append(to: stream, expectedVersion: .noStream,
                                                   events: [NewEvent(type: "Probe", data: Data(#"{"n":1}"#.utf8))])
                    #expect(try await app.store.read(stream: stream).count == 1)
                    #expect(await Self.sqlState { try await app.client.query("UPDATE events SET type = 'Changed'") } == "42501")
                    #expect(await Self.sqlState { try await app.client.query("DELETE FROM events") } == "42501")
                    #expect(await Self.sqlState { try await app.client.query("TRUNCATE events") } == "42501")
                    #expect(await Self.sqlState { try await app.client.query("CREATE TABLE intruder (x int)") } == "42501")
                    #expect(try await app.store.read(stream: stream).count == 1)
                }

                // The daemon as that role: it seeds, projects and takes writes;
                // neither its token nor the database password reaches its log.
                let password = "not-a-real-secret-\(UUID().uuidString.prefix(8))"
                let socket = try #require(settings.socketPath)
                let url = "postgres://\(role):\(password)@/\(settings.database)?host=\(socket.dropLast("/.s.PGSQL.5432".count))"
                try await Fault.withHTTP { http in
                    let daemon = try await Fault.startDaemon(url, http: http, extra: ["--log-level", "debug"])
                    defer { daemon.kill(); daemon.removeLog() }
                    let answer = try await http.record(daemon, title: "权限测试", key: "role-test")
                    #expect(answer.status == 201, "\(answer.body)")
                    // It projects as that role (on a loaded machine, perhaps after a moment).
                    #expect(try await eventually {
                        try await http.call(daemon.baseURL + "/v1/parks/\(Fault.park)/timeline?type=meeting").body.contains("权限测试")
                    })
                    #expect(try await eventually {
                        try await http.call(daemon.baseURL + "/readyz").json?["projector_role"] as? String == "leader"
                    })
                    await daemon.stop()
                    let log = daemon.log
                    #expect(log.contains("parklined listening"))
                    #expect(!log.contains(password), "the database password is in the log")
                    #expect(!log.contains(Fault.token), "the API token is in the log")
                }

                // A pending migration is the owner's job, and the error says so.
                try await owner.client.query("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
                let refused = try await runProcess([Fault.parklined, "--database-url", url, "--port", "0", "--no-seed"])
                #expect(refused.status != 0)
                #expect(refused.output.contains("parkline db migrate"), "\(refused.output.suffix(400))")
                #expect(!refused.output.contains(password))

                // Roles belong to the cluster, not the test's database: remove it.
                try await owner.client.query(PostgresQuery(unsafeSQL: "DROP OWNED BY \(role)"))
                try await owner.client.query(PostgresQuery(unsafeSQL: "DROP ROLE \(role)"))
            }
        }
    }
}
