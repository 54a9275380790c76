/// What the read horizon holds back (see ``EventStore/horizonHold()``).
public struct HorizonHold: Sendable, Equatable {
    /// Events committed but not yet readable.
    public var heldEvents: Int
    /// Seconds the oldest open transaction has run (0 when nothing is held).
    public var oldestTransactionAge: Double

    public init(heldEvents: Int, oldestTransactionAge: Double) {
        self.heldEvents = heldEvents
        self.oldestTransactionAge = oldestTransactionAge
    }
}
