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
        /// Each park's distinctive names by its names: a park new to the directory
        /// does not make the thousand others be read again.
        var cores: [ParkNames: [String]] = [:]
    }

    private struct ParkNames: Hashable { var name: String, aliases: [String] }

    private let state = Mutex(State())

    /// The spellings of each of `parks` (its own id first).
    /// `fingerprint`: the directory's state now (`TimelineQueries.parkDirectoryFingerprint`).
    func spellings(of parks: [ParkPayload], fingerprint: Int64, queries: TimelineQueries) async throws -> [String: [String]] {
        try await refresh(fingerprint: fingerprint, queries: queries)
        return spellings(of: parks)
    }

    /// Read the directory again when it is not in state `fingerprint`.
    func refresh(fingerprint: Int64, queries: TimelineQueries) async throws {
        if state.withLock({ $0.fingerprint }) != fingerprint {
            let parks = try await queries.parkNames()
            state.withLock { state in
                var cores: [ParkNames: [String]] = [:]
                let directory = parks.map { park in
                    let names = ParkNames(name: park.name, aliases: park.aliases)
                    let known = cores[names] ?? state.cores[names] ?? ReportResolver.cores(of: park)
                    cores[names] = known
                    return (id: park.id, cores: known)
                }
                state = State(fingerprint: fingerprint, directory: directory, cores: cores)
            }
        }
    }

    /// The spellings of each of `parks` in the directory as last read, when
    /// it was read in state `fingerprint`; `nil` when it was read in another.
    func spellings(of parks: [ParkPayload], at fingerprint: Int64) -> [String: [String]]? {
        state.withLock { state in state.fingerprint == fingerprint ? Self.spellings(of: parks, in: &state) : nil }
    }

    /// The spellings of each of `parks` in the directory as last read.
    func spellings(of parks: [ParkPayload]) -> [String: [String]] {
        state.withLock { state in Self.spellings(of: parks, in: &state) }
    }

    private static func spellings(of parks: [ParkPayload], in state: inout State) -> [String: [String]] {
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
