import EventStore
import Foundation
import Logging
import ParklineTestSupport
import PostgresNIO
import Testing

@Suite struct GaplessReadTests {
    /// Eight writers append 500 events each while a subscriber follows from the start.
    @Test func subscriberReceivesEveryConcurrentAppendOnceInLogOrder() async throws {
        try await withTestDatabase(in: .gapless) { db in
            let writers = 8, perWriter = 500, batch = 5
            let received = try await withNotifier(db) { notifier in
                async let seen = collect(db.store.subscribe(after: .start, notifier: notifier, batchSize: 97), count: writers * perWriter)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<writers {
                        group.addTask {
                            let name = try StreamName("writer-\(writer)")
                            for offset in stride(from: 0, to: perWriter, by: batch) {
                                let chunk = (offset..<offset + batch).map { index in
                                    testEvent(writer: writer, index: index)
                                }
                                _ = try await db.store.append(to: name, expectedVersion: .exact(Int64(offset)), events: chunk)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                return try await seen
            }
            #expect(received.count == writers * perWriter)
            #expect(Set(received.map(\.id)).count == writers * perWriter)
            #expect(received.map(\.cursor) == received.map(\.cursor).sorted())
            for writer in 0..<writers {
                let versions = received.filter { $0.stream.rawValue == "writer-\(writer)" }.map(\.streamVersion)
                #expect(versions == Array(1...Int64(perWriter)))
            }
        }
    }

    /// Transaction A takes a lower position than B and commits after B.
    @Test func lowerPositionCommittingLateIsNotSkipped() async throws {
        try await withTestDatabase(in: .gapless) { db in
            try await withTwoConnections(db) { a, b in
                try await execute(a, "BEGIN")
                try await appendOne(on: a, stream: "interleave-a")
                try await execute(b, "BEGIN")
                try await appendOne(on: b, stream: "interleave-b")
                try await execute(b, "COMMIT")

                var reader = Reader(store: db.store)
                try await reader.poll()
                // B is committed but A (older, lower position) is still open: nothing may be shown yet.
                #expect(reader.seen.isEmpty)

                try await execute(a, "COMMIT")
                #expect(try await reader.pollUntil(count: 2))
                #expect(reader.seen.map(\.stream.rawValue) == ["interleave-a", "interleave-b"])
                #expect(reader.seen.count == 2 && reader.seen[0].position < reader.seen[1].position)
            }
        }
    }

    /// Transaction A has the older id but the higher position and commits while B is open.
    @Test func olderTransactionWithHigherPositionDoesNotHideTheOther() async throws {
        try await withTestDatabase(in: .gapless) { db in
            try await withTwoConnections(db) { a, b in
                try await execute(a, "BEGIN")
                try await execute(a, "SELECT pg_current_xact_id()")   // A's id is now the older one
                try await execute(b, "BEGIN")
                try await appendOne(on: b, stream: "interleave-b")  // B takes the lower position
                try await appendOne(on: a, stream: "interleave-a")  // A the higher
                try await execute(a, "COMMIT")

                var reader = Reader(store: db.store)
                #expect(try await reader.pollUntil(count: 1))
                #expect(reader.seen.map(\.stream.rawValue) == ["interleave-a"])

                try await execute(b, "COMMIT")
                #expect(try await reader.pollUntil(count: 2))
                #expect(reader.seen.map(\.stream.rawValue) == ["interleave-a", "interleave-b"])
                // A reader going by position alone would have skipped B for good.
                #expect(reader.seen.count == 2 && reader.seen[1].position < reader.seen[0].position)
                #expect(Set(reader.seen.map(\.id)).count == 2)
            }
        }
    }

    @Test func subscriberResumesAfterItsConnectionsAreKilled() async throws {
        try await withTestDatabase(in: .gapless) { db in
            let total = 300
            // Bounded: a query on a connection the server killed can wait
            // forever in PostgresNIO; this test must fail, not hang, if one does.
            let received = try await withDeadline(.seconds(90)) { try await withNotifier(db) { notifier in
                async let seen = collect(db.store.subscribe(after: .start, notifier: notifier, batchSize: 10), count: total)
                let name = try StreamName("resume-1")
                for round in 0..<3 {
                    // The appender is a client too: its pool may hand it a connection the
                    // kill closed before the pool noticed, where a query fails or never
                    // answers. It gives up on an attempt after a while and retries, as the
                    // daemon's clients do (`RequestDeadline`); the batch's ids make a retry
                    // of a batch already stored a duplicate, not a second copy.
                    let batch = events(100, writer: round)
                    for attempt in 1... {
                        do {
                            _ = try await withDeadline(.seconds(10)) {
                                try await db.store.append(to: name, expectedVersion: .exact(Int64(round * 100)), events: batch)
                            }
                            break
                        } catch let error where attempt < 5 && !(error is EventStoreError && !Self.isUnavailable(error)) {
                            continue
                        }
                    }
                    // Kill every other session of this database: pool connections and the LISTEN one.
                    try await terminateOtherBackends(db.settings)
                }
                return try await seen
            } }
            #expect(received.count == total)
            #expect(received.map(\.streamVersion) == Array(1...Int64(total)))
        }
    }

    private static func isUnavailable(_ error: any Error) -> Bool {
        if case .unavailable = error as? EventStoreError { return true }
        return false
    }

    /// What the horizon holds back, as `/metrics` reports it: the events
    /// committed behind an open transaction, and that transaction's age.
    @Test func theHorizonHoldCountsEventsCommittedBehindAnOpenTransaction() async throws {
        try await withTestDatabase(in: .gapless) { db in
            try await withTwoConnections(db) { a, b in
                try await execute(a, "BEGIN")
                try await execute(a, "SELECT pg_current_xact_id()")
                try await execute(b, "BEGIN")
                try await appendOne(on: b, stream: "held-b")
                try await execute(b, "COMMIT")
                let held = try await db.store.horizonHold()
                try await execute(a, "ROLLBACK")
                #expect(held.heldEvents >= 1)
                #expect(held.oldestTransactionAge > 0)
                #expect(try await eventually { try await db.store.horizonHold().heldEvents == 0 })
            }
        }
    }

    /// The horizon is this database's: a transaction left open in another
    /// database of the cluster, whether it has written there or only taken
    /// a transaction id, holds nothing back; one open here still does.
    @Test func aTransactionOpenInAnotherDatabaseDoesNotHoldReadersBack() async throws {
        try await withTestDatabase(in: .gapless) { db in
            try await withTestDatabase(in: .gapless) { other in
                try await withTwoConnections(other) { writer, idOnly in
                    try await execute(writer, "BEGIN")
                    try await appendOne(on: writer, stream: "other-log")
                    try await execute(idOnly, "BEGIN")
                    try await execute(idOnly, "SELECT pg_current_xact_id()")

                    _ = try await db.store.append(to: try stream("park-here"), expectedVersion: .noStream, events: events(1))
                    // Polled until seen: a horizon may hold for an instant while
                    // a transaction of a third database ends, but never stays held.
                    var reader = Reader(store: db.store)
                    #expect(try await reader.pollUntil(count: 1))
                    #expect(try await eventually { try await db.store.horizonHold().heldEvents == 0 })

                    try await withTwoConnections(db) { here, _ in
                        try await execute(here, "BEGIN")
                        try await execute(here, "SELECT pg_current_xact_id()")
                        _ = try await db.store.append(to: try stream("park-here"), expectedVersion: .exact(1), events: events(1))
                        try await reader.poll()
                        #expect(reader.seen.count == 1)
                        #expect(try await eventually { try await db.store.horizonHold().heldEvents == 1 })
                        try await execute(here, "ROLLBACK")
                    }
                    #expect(try await reader.pollUntil(count: 2))
                    try await execute(writer, "ROLLBACK")
                    try await execute(idOnly, "ROLLBACK")
                }
            }
        }
    }

    @Test func headCursorSkipsHistory() async throws {
        try await withTestDatabase(in: .gapless) { db in
            _ = try await db.store.append(to: try stream("park-h"), expectedVersion: .any, events: events(3))
            #expect(try await eventually { try await db.store.readAll(after: .start).count == 3 })
            let head = try await db.store.headCursor()
            #expect(try await db.store.readAll(after: head).isEmpty)
            _ = try await db.store.append(to: try stream("park-h"), expectedVersion: .any, events: events(1))
            #expect(try await eventually { try await db.store.readAll(after: head).count == 1 })
            // Each read has its own horizon, which a transaction of another
            // database ending at that instant can hold back: wait, as above.
            #expect(try await eventually { try await db.store.readAll(after: .start, category: "park").count == 4 })
            #expect(try await db.store.readAll(after: .start, category: "document").isEmpty)
        }
    }
}

/// A reader that polls `readAll` and keeps its cursor, as a projector would.
struct Reader {
    let store: EventStore
    var cursor = LogCursor.start
    var seen: [RecordedEvent] = []

    mutating func poll() async throws {
        let batch = try await store.readAll(after: cursor)
        seen += batch
        if let last = batch.last { cursor = last.cursor }
    }

    /// Poll until `count` events are seen (or a deadline passes); never more than `count`.
    mutating func pollUntil(count: Int) async throws -> Bool {
        _ = try await eventually {
            try await poll()
            return seen.count >= count
        }
        return seen.count == count
    }
}

func appendOne(on connection: PostgresConnection, stream: String) async throws {
    let ids = [UUID()]
    let types = ["Tested"]
    let data = [#"{"k": 1}"#]
    let metadata = ["{}"]
    try await connection.query("""
        SELECT * FROM append_events(\(stream), -1, \(ids), \(types), \(data)::jsonb[], \(metadata)::jsonb[])
        """, logger: TestCluster.logger)
}

func withTwoConnections(_ db: Database, _ body: (PostgresConnection, PostgresConnection) async throws -> Void) async throws {
    let a = try await PostgresConnection.connect(configuration: db.settings.connectionConfiguration(), id: 1, logger: db.logger)
    let b = try await PostgresConnection.connect(configuration: db.settings.connectionConfiguration(), id: 2, logger: db.logger)
    do {
        try await body(a, b)
    } catch {
        try? await a.close()
        try? await b.close()
        throw error
    }
    try await a.close()
    try await b.close()
}

func terminateOtherBackends(_ settings: ConnectionSettings) async throws {
    let connection = try await PostgresConnection.connect(configuration: settings.connectionConfiguration(), id: 99, logger: TestCluster.logger)
    try await connection.query("""
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
        """, logger: TestCluster.logger)
    try await connection.close()
}

func execute(_ connection: PostgresConnection, _ sql: String) async throws {
    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestCluster.logger)
}

/// Run `body` with a running notifier; the notifier stops when `body` returns.
func withNotifier<T: Sendable>(_ db: Database, _ body: (LogNotifier) async throws -> T) async throws -> T {
    let notifier = LogNotifier(settings: db.settings, recheckInterval: .milliseconds(300), logger: db.logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await notifier.run() }
        defer { group.cancelAll() }
        return try await body(notifier)
    }
}

/// The first `count` events of a subscription (then it is left).
func collect(_ subscription: EventSubscription, count: Int) async throws -> [RecordedEvent] {
    var seen: [RecordedEvent] = []
    for try await event in subscription {
        seen.append(event)
        if seen.count == count { break }
    }
    return seen
}
