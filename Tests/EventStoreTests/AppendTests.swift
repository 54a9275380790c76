import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing

@Suite struct AppendTests {
    @Test func appendReturnsPositionsAndVersion() async throws {
        try await withTestDatabase { db in
            let result = try await db.store.append(to: try stream("park-a"), expectedVersion: .noStream, events: events(3))
            #expect(result.positions.count == 3)
            #expect(result.positions == result.positions.sorted())
            #expect(result.streamVersion == 3)
            #expect(!result.wasDuplicate)
            let stored = try await db.store.read(stream: try stream("park-a"))
            #expect(stored.map(\.streamVersion) == [1, 2, 3])
            #expect(try stored.map { try $0.decode(Payload.self).index } == [0, 1, 2])
        }
    }

    @Test func appendWithStaleVersionIsRejected() async throws {
        try await withTestDatabase { db in
            let name = try stream("park-race")
            _ = try await db.store.append(to: name, expectedVersion: .noStream, events: events(1))
            // Two writers both believe the stream is at version 1.
            let outcomes = await withTaskGroup(of: Result<AppendResult, any Error>.self) { group in
                for writer in 0..<2 {
                    group.addTask {
                        do {
                            return .success(try await db.store.append(
                                to: name, expectedVersion: .exact(1), events: events(5, writer: writer)))
                        } catch { return .failure(error) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            let failures = outcomes.compactMap { outcome -> EventStoreError? in
                if case let .failure(error) = outcome { return error as? EventStoreError }
                return nil
            }
            #expect(winners.count == 1)
            #expect(failures == [.wrongExpectedVersion(stream: "park-race", expected: .exact(1), actual: 6)])
            #expect(failures.first?.description.contains("park-race") == true)
            // Nothing half-written: the stream holds the first event and exactly one writer's five.
            let stored = try await db.store.read(stream: name)
            #expect(stored.count == 6)
            #expect(Set(try stored.dropFirst().map { try $0.decode(Payload.self).writer }).count == 1)
        }
    }

    @Test func noStreamIsRejectedWhenTheStreamExists() async throws {
        try await withTestDatabase { db in
            _ = try await db.store.append(to: try stream("park-b"), expectedVersion: .any, events: events(2))
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "park-b", expected: .noStream, actual: 2)) {
                try await db.store.append(to: try stream("park-b"), expectedVersion: .noStream, events: events(1))
            }
            let next = try await db.store.append(to: try stream("park-b"), expectedVersion: .any, events: events(1))
            #expect(next.streamVersion == 3)
        }
    }

    @Test func retriedBatchIsStoredOnce() async throws {
        try await withTestDatabase { db in
            let batch = events(4)
            let first = try await db.store.append(to: try stream("document-x"), expectedVersion: .noStream, events: batch)
            // The retry carries the same ids and would fail the version check if it were written.
            let retry = try await db.store.append(to: try stream("document-x"), expectedVersion: .noStream, events: batch)
            #expect(retry.wasDuplicate)
            #expect(retry.positions == first.positions)
            #expect(retry.streamVersion == first.streamVersion)
            #expect(try await db.store.read(stream: try stream("document-x")).count == 4)
        }
    }

    @Test func sameIDWithDifferentContentIsRejected() async throws {
        try await withTestDatabase { db in
            let original = events(1)
            _ = try await db.store.append(to: try stream("park-c"), expectedVersion: .any, events: original)
            var changed = original[0]
            changed.data = Data(#"{"writer": 99, "index": 99}"#.utf8)
            await #expect(throws: EventStoreError.self) {
                try await db.store.append(to: try stream("park-c"), expectedVersion: .any, events: [changed])
            }
            // Part of a batch already stored is also refused, and nothing of it is written.
            await #expect(throws: EventStoreError.self) {
                try await db.store.append(to: try stream("park-c"), expectedVersion: .any, events: original + events(1))
            }
            #expect(try await db.store.version(of: try stream("park-c")) == 1)
        }
    }

    @Test func invalidInputIsRejectedBeforeAnythingIsWritten() async throws {
        try await withTestDatabase { db in
            #expect(throws: EventStoreError.invalidStreamName("Park A")) { try StreamName("Park A") }
            #expect(throws: EventStoreError.self) { try StreamName("nohyphen") }
            await #expect(throws: EventStoreError.emptyBatch(stream: "park-d")) {
                try await db.store.append(to: try stream("park-d"), expectedVersion: .any, events: [])
            }
            let huge = NewEvent(type: "Big", data: Data(("{\"x\":\"" + String(repeating: "a", count: EventStore.maximumEventBytes) + "\"}").utf8))
            await #expect(throws: EventStoreError.self) {
                try await db.store.append(to: try stream("park-d"), expectedVersion: .any, events: events(2) + [huge])
            }
            let notJSON = NewEvent(type: "Broken", data: Data("{not json".utf8))
            await #expect(throws: EventStoreError.invalidJSON(stream: "park-d")) {
                try await db.store.append(to: try stream("park-d"), expectedVersion: .any, events: events(2) + [notJSON])
            }
            await #expect(throws: EventStoreError.invalidEventType("has space")) {
                try await db.store.append(to: try stream("park-d"), expectedVersion: .any, events: events(1, type: "has space"))
            }
            let version = try await db.store.version(of: try stream("park-d"))
            #expect(version == 0)
        }
    }

    @Test func databaseRefusesToChangeEvents() async throws {
        try await withTestDatabase { db in
            _ = try await db.store.append(to: try stream("park-e"), expectedVersion: .any, events: events(1))
            for statement in [
                "UPDATE events SET type = 'Changed'",
                "DELETE FROM events",
                "TRUNCATE events",
            ] {
                do {
                    try await db.client.query(PostgresQuery(unsafeSQL: statement))
                    Issue.record("\(statement) was allowed")
                } catch let error as PSQLError {
                    #expect(error.serverInfo?[.sqlState] == "PL003", "\(statement)")
                }
            }
            let stored = try await db.store.read(stream: try stream("park-e"))
            #expect(stored.map(\.type) == ["Tested"])
        }
    }
}
