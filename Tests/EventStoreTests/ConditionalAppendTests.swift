import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Testing

/// `append(_:lockedBy:unlessMovedPast:types:)`: an append decided from the
/// log as it stood at a cursor goes in only while nothing of the watched
/// types was committed after it, under the lock deciding writers share.
@Suite struct ConditionalAppendTests {
    @Test func anAppendGoesInUntilAWatchedEventIsCommittedAfterItsCursor() async throws {
        try await withTestDatabase { db in
            // The cursor of the last event written, exactly (the head a gapless reader
            // sees may lag behind it while any transaction of the cluster is open).
            let cursor = try await db.store.append(to: try stream("park-a"), expectedVersion: .noStream, events: events(2, type: "Watched")).lastCursor
            let batch = { (writer: Int) in [EventStore.StreamAppend(stream: try stream("document-\(writer)"), expectedVersion: .noStream,
                                                                     events: events(2, writer: writer, type: "Decided"))] }

            let first = try #require(try await db.store.append(batch(1), lockedBy: "test.decide", unlessMovedPast: cursor, types: ["Watched"]))
            #expect(first.map(\.streamVersion) == [2])
            // Events of other types (its own among them) leave the picture as it was.
            _ = try await db.store.append(to: try stream("other-x"), expectedVersion: .noStream, events: events(1, type: "Unwatched"))
            #expect(try await db.store.append(batch(2), lockedBy: "test.decide", unlessMovedPast: cursor, types: ["Watched"]) != nil)

            let moved = try await db.store.append(to: try stream("park-a"), expectedVersion: .exact(2), events: events(1, writer: 9, type: "Watched"))
            let before = try await logCount(db)
            #expect(try await db.store.append(batch(3), lockedBy: "test.decide", unlessMovedPast: cursor, types: ["Watched"]) == nil)
            #expect(try await logCount(db) == before, "nothing written")
            #expect(try await db.store.version(of: try stream("document-3")) == 0)
            // Decided again from the log as it is now, it goes in.
            #expect(try await db.store.append(batch(3), lockedBy: "test.decide", unlessMovedPast: moved.lastCursor, types: ["Watched"]) != nil)
        }
    }

    /// A writer holding the lock for its whole decision (`withLock`) holds the
    /// append back; what that writer commits before letting go is seen.
    @Test func aWriterHoldingTheLockHoldsTheAppendBackAndWhatItCommitsIsSeen() async throws {
        try await withTestDatabase { db in
            let cursor = LogCursor.start
            let (locked, lockTaken) = AsyncStream.makeStream(of: Void.self)
            let (go, release) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await db.store.withLock("test.decide") {
                    lockTaken.yield()
                    for await _ in go { break }
                    _ = try await db.store.append(to: try stream("park-a"), expectedVersion: .any, events: events(1, type: "Watched"))
                }
            }
            for await _ in locked { break }
            let waiting = Task {
                try await db.store.append([.init(stream: try stream("document-1"), expectedVersion: .noStream, events: events(2, type: "Decided"))],
                                          lockedBy: "test.decide", unlessMovedPast: cursor, types: ["Watched"])
            }
            // Poll the server (no clock) until the append waits for the lock.
            var blocked = false
            while !blocked {
                let rows = try await db.client.query("""
                    SELECT count(*)::int8 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                    WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()
                    """)
                for try await count in rows.decode(Int64.self) { blocked = count > 0 }
            }
            release.yield()
            try await holder.value
            #expect(try await waiting.value == nil, "the lock holder's event came after the cursor")
            #expect(try await db.store.version(of: try stream("document-1")) == 0)
        }
    }
}
