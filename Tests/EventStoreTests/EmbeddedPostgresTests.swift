@testable import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct EmbeddedPostgresTests {
    @Test func clusterStartsIsReusedStopsAndRecoversFromKill9() async throws {
        let directory = "/tmp/parkline-embedded-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cluster = try EmbeddedPostgres(dataDirectory: directory, durable: true, logger: TestCluster.logger)
        defer {
            cluster.stopImmediately()
            try? FileManager.default.removeItem(atPath: cluster.layout.clusterRoot)
        }

        #expect(!cluster.status().initialized)
        let first = try await cluster.start()
        #expect(first.running)
        let pid = try #require(first.pid)

        // A second start (another command) reuses the running server.
        let again = try await EmbeddedPostgres(dataDirectory: directory, durable: true, logger: TestCluster.logger).start()
        #expect(again.pid == pid)
        try await write(cluster, marker: "before-kill")

        // kill -9 of the postmaster leaves postmaster.pid behind; start recovers.
        kill(pid_t(pid), SIGKILL)
        #expect(try await eventually { !cluster.status().running })
        let restarted = try await cluster.start()
        #expect(restarted.running)
        #expect(restarted.pid != pid)
        #expect(try await count(cluster) == 1)

        try cluster.stop()
        #expect(!cluster.status().running)
        #expect(cluster.status().initialized)
        try await cluster.start()
        #expect(try await count(cluster) == 1)
    }

    @Test func layoutFallsBackToShortSocketDirectory() {
        let deep = "/tmp/" + String(repeating: "very-long-directory-name/", count: 5)
        let layout = ClusterLayout.make(dataDirectory: deep, traversable: true)
        #expect(layout.socketPath.utf8.count <= ClusterLayout.maximumSocketPathLength)
        #expect(layout.pgData.hasPrefix(deep))
        #expect(layout.relocationReason != nil)

        let hidden = ClusterLayout.make(dataDirectory: "/root/project/.parkline", traversable: false)
        #expect(hidden.clusterRoot.hasPrefix("/tmp/parkline-"))
        #expect(hidden.relocationReason?.contains("cannot traverse") == true)

        let plain = ClusterLayout.make(dataDirectory: "/srv/parkline", traversable: true)
        #expect(plain.pgData == "/srv/parkline/cluster/data")
        #expect(plain.socketPath == "/srv/parkline/cluster/.s.PGSQL.5432")
        #expect(plain.relocationReason == nil)
    }

    @Test func binariesAreFoundOrTheErrorSaysHowToInstallThem() {
        #expect(throws: EmbeddedPostgresError.binariesNotFound) {
            try PostgresBinaries.locate(environment: ["PATH": "/nonexistent"], searchSystemDirectories: false)
        }
        #expect(EmbeddedPostgresError.binariesNotFound.description.contains("apt-get install -y postgresql"))
        #expect((try? PostgresBinaries.locate()) != nil)
    }

    private func write(_ cluster: EmbeddedPostgres, marker: String) async throws {
        try await Database.with(cluster.connectionSettings(), migrations: EventLogSchema.migrations(), maximumConnections: 2, logger: TestCluster.logger) { db in
            _ = try await db.store.append(to: StreamName("park-\(marker)"), expectedVersion: .noStream, events: events(1))
        }
    }

    private func count(_ cluster: EmbeddedPostgres) async throws -> Int {
        try await Database.with(cluster.connectionSettings(), migrations: EventLogSchema.migrations(), maximumConnections: 2, logger: TestCluster.logger) { db in
            try await loggedEventCount(db)
        }
    }
}

@Suite struct ValueTests {
    @Test func cursorRoundTripsAndOrdersByTransactionFirst() throws {
        let cursor = try #require(LogCursor("812-5"))
        #expect(cursor.description == "812-5")
        #expect(LogCursor("5") == nil)
        #expect(LogCursor("a-b") == nil)
        #expect(LogCursor("1--2") == nil)
        #expect(LogCursor(transactionID: 100, position: 9) < LogCursor(transactionID: 101, position: 4))
        #expect(LogCursor.start < cursor)
    }

    @Test func streamNamesAreCategoryDashID() throws {
        let name = try StreamName("document-ab12")
        #expect(name.category == "document")
        #expect(name.id == "ab12")
        #expect(try StreamName("park-su-xi-tong").id == "su-xi-tong")
        for bad in ["", "-x", "Park-x", "park-", "park x-1", "park-a b", String(repeating: "a", count: 300) + "-x"] {
            #expect(throws: EventStoreError.self, "\(bad)") { try StreamName(bad) }
        }
    }

    @Test func databaseURLsParseAndHideTheirPassword() throws {
        let tcp = try DatabaseURL("postgres://app:s%40cret@db.example:6543/parkline?sslmode=require")
        #expect(tcp.username == "app")
        #expect(tcp.password == "s@cret")
        #expect(tcp.host == "db.example")
        #expect(tcp.port == 6543)
        #expect(tcp.database == "parkline")
        #expect(tcp.tls == .require)
        #expect(!tcp.description.contains("cret"))

        let socket = try DatabaseURL("postgresql://postgres@/events?host=/var/run/postgresql")
        #expect(socket.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(socket.tls == .disable)

        #expect(throws: DatabaseURLError.self) { try DatabaseURL("mysql://x@y/z") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL("postgres://x@/z") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL("postgres://x@h/z?sslmode=sometimes") }
    }
}
