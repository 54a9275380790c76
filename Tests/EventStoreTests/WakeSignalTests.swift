import EventStore
import ParklineTestSupport
import Testing

/// Waits with a deadline or a name make no task or timer of their own (a
/// stream's heartbeat wait once left one alive per message and client): the
/// owner ends them with `expire(asOf:)` and `wake(_:)`.
@Suite struct WakeSignalTests {
    /// Start a wait; return once it is registered.
    func waiting(_ signal: WakeSignal, id: UInt64, deadline: ContinuousClock.Instant?,
                 unless: @escaping @Sendable () -> Bool = { false }) async throws -> Task<Void, Never> {
        let before = signal.waiterCount
        let generation = signal.generation
        let task = Task { await signal.wait(since: generation, id: id, deadline: deadline, unless: unless) }
        #expect(try await eventually(timeout: .seconds(10)) { signal.waiterCount == before + 1 })
        return task
    }

    @Test func aWaitEndsAtItsDeadlineWhenTheOwnerExpiresIt() async throws {
        let signal = WakeSignal()
        let start = ContinuousClock.now
        let early = try await waiting(signal, id: signal.makeWaiterID(), deadline: start + .seconds(10))
        let late = try await waiting(signal, id: signal.makeWaiterID(), deadline: start + .seconds(3600))
        signal.expire(asOf: start + .seconds(9))
        #expect(signal.waiterCount == 2, "a wait ended before its deadline")
        signal.expire(asOf: start + .seconds(10))
        await early.value
        #expect(signal.waiterCount == 1, "only the wait past its deadline ends")
        signal.wakeAll(bump: true)
        await late.value
        #expect(signal.waiterCount == 0)
    }

    @Test func aWaitEndsWhenWokenByNameAndNoOtherDoes() async throws {
        let signal = WakeSignal()
        let mine = signal.makeWaiterID()
        let other = try await waiting(signal, id: signal.makeWaiterID(), deadline: nil)
        let named = try await waiting(signal, id: mine, deadline: nil)
        signal.wake(mine)
        await named.value
        #expect(signal.waiterCount == 1)
        other.cancel()
        await other.value
        #expect(signal.waiterCount == 0)
    }

    @Test func aWaitWhoseConditionAlreadyHoldsReturnsAtOnce() async {
        let signal = WakeSignal()
        await signal.wait(since: signal.generation, id: signal.makeWaiterID(), deadline: nil, unless: { true })
        let moved = signal.generation
        signal.wakeAll(bump: true)
        await signal.wait(since: moved, id: signal.makeWaiterID(), deadline: nil, unless: { false })
        #expect(signal.waiterCount == 0)
    }
}
