import EventStore
import Foundation
import ParklineTestSupport
import Testing

/// `append(_:)` of several streams: one statement, all or nothing.
@Suite struct MultiStreamAppendTests {
    @Test func severalStreamsAppendAtomicallyWithTheirOwnVersions() async throws {
        try await withTestDatabase { db in
            _ = try await db.store.append(to: try stream("park-b"), expectedVersion: .noStream, events: events(2))
            let results = try await db.store.append([
                .init(stream: try stream("document-a"), expectedVersion: .noStream, events: events(3, writer: 1)),
                .init(stream: try stream("park-b"), expectedVersion: .exact(2), events: events(2, writer: 2)),
                .init(stream: try stream("document-c"), expectedVersion: .any, events: events(1, writer: 3)),
            ])
            #expect(results.map(\.streamVersion) == [3, 4, 1])
            #expect(results.map(\.positions.count) == [3, 2, 1])
            let positions = results.flatMap(\.positions)
            #expect(positions == positions.sorted(), "positions follow the order given")
            #expect(try await db.store.read(stream: try stream("park-b")).map(\.streamVersion) == [1, 2, 3, 4])
            let writers = try await db.store.read(stream: try stream("park-b")).suffix(2).map { try $0.decode(Payload.self).writer }
            #expect(writers == [2, 2])
        }
    }

    @Test func aWrongVersionInOneStreamWritesNothingAndNamesThatStream() async throws {
        try await withTestDatabase { db in
            _ = try await db.store.append(to: try stream("park-b"), expectedVersion: .noStream, events: events(2))
            let before = try await logCount(db)
            do {
                _ = try await db.store.append([
                    .init(stream: try stream("document-a"), expectedVersion: .noStream, events: events(3, writer: 1)),
                    .init(stream: try stream("park-b"), expectedVersion: .exact(1), events: events(1, writer: 2)),
                ])
                Issue.record("a stale expected version was accepted")
            } catch let EventStoreError.wrongExpectedVersion(name, expected, actual) {
                #expect(name == "park-b")
                #expect(expected == .exact(1))
                #expect(actual == 2)
            }
            #expect(try await logCount(db) == before)
            #expect(try await db.store.version(of: try stream("document-a")) == 0)
        }
    }

    @Test func aRetriedBatchIsRecognisedAndAPartlyStoredOneIsRefused() async throws {
        try await withTestDatabase { db in
            let batch: [EventStore.StreamAppend] = [
                .init(stream: try stream("document-a"), expectedVersion: .noStream, events: events(2, writer: 1)),
                .init(stream: try stream("document-b"), expectedVersion: .noStream, events: events(2, writer: 2)),
            ]
            let first = try await db.store.append(batch)
            let retry = try await db.store.append(batch)
            #expect(retry.allSatisfy { $0.wasDuplicate })
            #expect(retry.map(\.positions) == first.map(\.positions))
            let count = try await logCount(db)

            // Half old, half new: refused as a whole, naming the stream.
            let mixed: [EventStore.StreamAppend] = [
                batch[0],
                .init(stream: try stream("document-c"), expectedVersion: .noStream, events: events(1, writer: 3)),
                .init(stream: try stream("document-b"), expectedVersion: .any, events: [batch[1].events[0]] + events(1, writer: 4)),
            ]
            do {
                _ = try await db.store.append(mixed)
                Issue.record("a partly stored batch was accepted")
            } catch let EventStoreError.eventIDConflict(name, _) {
                #expect(name == "document-b")
            }
            #expect(try await logCount(db) == count)
        }
    }

    @Test func aStreamNamedTwiceGetsConsecutiveVersions() async throws {
        try await withTestDatabase { db in
            let results = try await db.store.append([
                .init(stream: try stream("park-x"), expectedVersion: .noStream, events: events(2, writer: 1)),
                .init(stream: try stream("park-x"), expectedVersion: .exact(2), events: events(1, writer: 2)),
            ])
            #expect(results.map(\.streamVersion) == [2, 3])
        }
    }
}
