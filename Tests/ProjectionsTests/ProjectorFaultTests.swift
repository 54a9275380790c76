import EventStore
import Foundation
import ParklineTestSupport
import PostgresNIO
import Projections
import TimelineEvents
import Synchronization
import Testing

struct InjectedCrash: Error {}

/// Append `count` hand-recorded events over three parks, with a correction
/// and a retraction among them, and wait until a reader sees them all.
func seedLog(_ db: Database, count: Int) async throws {
    let before = try await loggedEventCount(db)
    var ids: [UUID] = []
    for index in 0..<count {
        let id = UUID()
        ids.append(id)
        _ = try await db.store.append(to: StreamName("park-p\(index % 3)"), expectedVersion: .any, events: [
            try NewEvent(type: DomainEventType.timelineEventRecorded.rawValue, body: payload(id, park: "p\(index % 3)")),
        ])
    }
    _ = try await db.store.append(to: StreamName("park-p0"), expectedVersion: .any, events: [
        try NewEvent(type: DomainEventType.timelineEventCorrected.rawValue,
                     body: TimelineEventCorrected(eventId: ids[0], date: "2024-01", precision: "month", reason: "test")),
        try NewEvent(type: DomainEventType.timelineEventRetracted.rawValue, body: TimelineEventRetracted(eventId: ids[3], reason: "test")),
    ])
    #expect(try await eventually { try await db.store.readAll(after: .start, limit: 10_000).count == before + count + 2 })
}

/// Indexes on the live versions table.
func indexCount(_ client: PostgresClient) async throws -> Int64 {
    let rows = try await client.query("SELECT count(*)::int8 FROM pg_indexes WHERE tablename = 'timeline_event_versions'")
    for try await count in rows.decode(Int64.self) { return count }
    return 0
}

@Suite struct ProjectorFaultTests {
    @Test func aProjectorCrashingMidBatchLeavesNothingHalfAppliedAndARestartEqualsARebuild() async throws {
        try await withTestDatabase { db in
            try await seedLog(db, count: 25)
            var crashing = TimelineProjector(client: db.client, logger: db.logger, batchSize: 10)
            crashing.afterApply = { applied in if applied == 7 { throw InjectedCrash() } }
            // The first batch crashes after 7 of its 10 events: nothing of it stays.
            await #expect(throws: InjectedCrash.self) { try await crashing.catchUp() }
            #expect(try await versionCount(db.client) == 0)
            #expect(try await crashing.checkpoint() == .start)

            // Crash in the second batch: the first stays applied, exactly once.
            var laterCrash = TimelineProjector(client: db.client, logger: db.logger, batchSize: 10)
            let batches = Mutex(0)
            laterCrash.afterApply = { applied in
                if applied == 10 { batches.withLock { $0 += 1 } }
                if applied == 4 && batches.withLock({ $0 }) == 1 { throw InjectedCrash() }
            }
            await #expect(throws: InjectedCrash.self) { try await laterCrash.catchUp() }
            #expect(try await versionCount(db.client) == 10)

            let restarted = TimelineProjector(client: db.client, logger: db.logger, batchSize: 10)
            #expect(try await readInSteps(expecting: 17) { try await restarted.catchUp() } == 17)
            let digest = try await readModelDigest(db.client)
            #expect(try await eventually { try await restarted.rebuild() == 27 })
            #expect(try await readModelDigest(db.client) == digest)
            #expect(try await parkCountsDisagreeingWithARecount(db.client) == 0)
        }
    }

    @Test func queriesKeepAnsweringWhileARebuildReplaysIntoFreshTables() async throws {
        try await withTestDatabase { db in
            try await seedLog(db, count: 120)
            let projector = TimelineProjector(client: db.client, logger: db.logger, batchSize: 5, rebuildBatchSize: 5)
            try await projector.catchUp()
            let digest = try await readModelDigest(db.client)
            let expected = try await currentCount(db.client)
            let indexesBefore = try await indexCount(db.client)
            let answers = try await withThrowingTaskGroup(of: [Int64].self) { group in
                group.addTask { _ = try await projector.rebuild(); return [] }
                group.addTask {
                    // Read until the rebuild is over; every answer must be whole.
                    var seen: [Int64] = []
                    for _ in 0..<400 {
                        seen.append(try await currentCount(db.client))
                        if try await tableExists(db.client, "timeline_event_versions_rebuild") == false && seen.count > 20 { break }
                    }
                    return seen
                }
                var all: [Int64] = []
                for try await part in group { all += part }
                return all
            }
            #expect(!answers.isEmpty)
            #expect(answers.allSatisfy { $0 == expected })
            #expect(try await readModelDigest(db.client) == digest)
            #expect(try await tableExists(db.client, "timeline_event_versions_rebuild") == false)
            // The swapped-in tables keep their indexes (the key, the two timeline orders, the
            // history by park, the resolver's two ranges, and the versions by log position).
            #expect(indexesBefore == 7)
            #expect(try await indexCount(db.client) == indexesBefore)
        }
    }

    @Test func aStandbyTakesOverWhenTheLeadersConnectionDies() async throws {
        try await withTestDatabase { db in
            let notifier = LogNotifier(settings: db.settings, recheckInterval: .milliseconds(100), logger: db.logger)
            let projector = TimelineProjector(client: db.client, logger: db.logger, batchSize: 4)
            let first = ProjectorLeader(projector: projector, settings: db.settings, notifier: notifier,
                                        standbyInterval: .milliseconds(100), logger: db.logger)
            let second = ProjectorLeader(projector: projector, settings: db.settings, notifier: notifier,
                                         standbyInterval: .milliseconds(100), logger: db.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await notifier.run() }
                group.addTask { try await first.run() }
                group.addTask { try await second.run() }
                defer { group.cancelAll() }

                #expect(try await eventually { Set([first.role, second.role]) == [.leader, .standby] })
                try await seedLog(db, count: 9)
                #expect(try await eventually { try await versionCount(db.client) == 11 })

                let (leader, standby) = first.role == .leader ? (first, second) : (second, first)
                let pid = try #require(leader.backendPID)
                try await db.client.query("SELECT pg_terminate_backend(\(pid))")
                let tookOver = try await eventually(timeout: .seconds(30)) { standby.role == .leader && leader.role == .standby }
                #expect(tookOver, "roles after the leader's connection died: \(leader.role), \(standby.role); pids \(String(describing: leader.backendPID)) \(String(describing: standby.backendPID)) killed \(pid)")

                try await seedLog(db, count: 6)
                #expect(try await eventually { try await versionCount(db.client) == 11 + 8 })
                let digest = try await readModelDigest(db.client)
                try await projector.rebuild()
                #expect(try await readModelDigest(db.client) == digest)
            }
        }
    }
}

func currentCount(_ client: PostgresClient) async throws -> Int64 {
    for try await count in try await client.query(
        "SELECT count(*)::int8 FROM timeline_event_versions WHERE valid_to IS NULL AND NOT retracted").decode(Int64.self) {
        return count
    }
    return -1
}

func tableExists(_ client: PostgresClient, _ name: String) async throws -> Bool {
    for try await exists in try await client.query("SELECT to_regclass(\(name)) IS NOT NULL").decode(Bool.self) {
        return exists
    }
    return false
}
