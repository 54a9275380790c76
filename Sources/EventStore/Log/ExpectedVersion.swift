/// The optimistic-concurrency guard of an append: what the writer believes
/// the stream's version (its number of events) to be.
public enum ExpectedVersion: Sendable, Equatable, CustomStringConvertible {
    /// No check.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must hold exactly this many events.
    case exact(Int64)

    /// The encoding `append_events` takes: -1 for any, else the exact count.
    var sqlValue: Int64 {
        switch self {
        case .any: return -1
        case .noStream: return 0
        case let .exact(version): return version
        }
    }

    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no stream"
        case let .exact(version): return "\(version)"
        }
    }
}
