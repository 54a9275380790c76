import Synchronization

/// Open HTTP connections of the process, against their cap.
final class ConnectionCount: Sendable {
    let maximum: Int
    private let open = Atomic<Int>(0)

    init(maximum: Int) {
        self.maximum = maximum
    }

    var current: Int { open.load(ordering: .relaxed) }

    /// Count a new connection; `false` (and not counted) when the cap is reached.
    func admit() -> Bool {
        while true {
            let now = open.load(ordering: .relaxed)
            guard now < maximum else { return false }
            if open.compareExchange(expected: now, desired: now + 1, ordering: .relaxed).exchanged { return true }
        }
    }

    func release() {
        open.subtract(1, ordering: .relaxed)
    }
}
