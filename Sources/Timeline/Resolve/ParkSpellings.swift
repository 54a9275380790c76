import Foundation
import Synchronization
import TimelineEvents

/// Each park's spellings in the park directory (the ids of parks whose
/// distinctive names match its own, `ReportResolver.coresMatch`), worked out
/// once per state of the directory. The directory changes when a park first
/// appears or gains a name, rarely between two ingests; reading a thousand
/// parks' names on every ingest cost more than the rest of the resolution.
final class ParkSpellings: Sendable {
    private struct State {
        var fingerprint: Int64?
        var directory: [(id: String, cores: [String])] = []
        var spellings: [String: [String]] = [:]
    }

    private let state = Mutex(State())

    /// The spellings of each of `parks` (its own id first).
    func spellings(of parks: [ParkPayload], queries: TimelineQueries) async throws -> [String: [String]] {
        let fingerprint = try await queries.parkDirectoryFingerprint()
        if state.withLock({ $0.fingerprint }) != fingerprint {
            let directory = try await queries.parkNames().map { (id: $0.id, cores: ReportResolver.cores(of: $0)) }
            state.withLock { $0 = State(fingerprint: fingerprint, directory: directory) }
        }
        return state.withLock { state in
            var result: [String: [String]] = [:]
            for park in parks where result[park.id] == nil {
                // A park the directory does not know yet has no other spelling there.
                if let known = state.spellings[park.id] {
                    result[park.id] = known
                    continue
                }
                let mine = ReportResolver.cores(of: park)
                let spellings = [park.id] + state.directory.filter { $0.id != park.id && ReportResolver.coresMatch(mine, $0.cores) }.map(\.id)
                if state.directory.contains(where: { $0.id == park.id }) { state.spellings[park.id] = spellings }
                result[park.id] = spellings
            }
            return result
        }
    }
}
