import EventStore
import Foundation
import Synchronization
import TimelineEvents

/// What the candidate lookup (`resolution_candidates`) reads, kept in the
/// process for the parks it resolves reports of, so that most reports are
/// looked up without a statement.
///
/// A statement per document was the one cost of resolution that grew with
/// the ingest on a small machine: the server's backend and the event loop
/// carrying it ran while the next document was extracted, and took its
/// core (parkline-bench, ingest at 1,000,000 events). The index holds, for
/// each park it has loaded, every current event as the lookup reads it: its
/// kind of act, days, precision, subjects' two-character runs and the text
/// its names are searched in. It follows the read model by the log events
/// applied since it last looked (one statement per ingest, the one that
/// reads the checkpoint), and keeps the events its own ingests made as they
/// commit, which that statement then only confirms.
///
/// Its answers are the statement's: the same filters, order and limits,
/// tested against the statement over the merge corpus. It declines (and the
/// statement answers) when a park is not loaded or is too large to hold, or
/// when only the stored JSON could tell whether an event's reports hold a
/// name: the index searches the JSON of the rows it read, but for the events
/// its own ingests made it keeps their reports, not their JSON, and a name
/// with ASCII characters could be found in JSON's punctuation, keys or escapes.
final class CandidateIndex: Sendable {
    /// One current event as the lookup reads it.
    ///
    /// A class: the lookup passes over a park's events of a kind for every
    /// report, and a copy of a reference is one count where a copy of the
    /// fields was a dozen.
    final class Entry: Sendable {
        let version: TimelineQueries.EventVersion
        let park: String
        let typeClass: String
        let lower: Int
        let upper: Int
        /// Known only to the quarter, half or year: reached for a year back.
        let coarse: Bool
        /// Its subjects' two-character runs (`parkline_subject_keys`).
        let keys: Keys

        enum Keys: Sendable {
            /// As the row stores them, each as a pair of scalars.
            case pairs(Set<UInt64>)
            /// The subjects of an event this process committed (their runs read when asked).
            case subjects([String])
        }

        /// Whether one of its subjects' runs is in a text with these pairs of scalars.
        func sharesKey(with text: Set<UInt64>) -> Bool {
            switch keys {
            case .pairs(let pairs):
                return !pairs.isDisjoint(with: text)
            case .subjects(let subjects):
                for subject in subjects {
                    var previous: UInt32?
                    for scalar in subject.unicodeScalars {
                        if let previous, text.contains(UInt64(previous) << 32 | UInt64(scalar.value)) { return true }
                        previous = scalar.value
                    }
                }
                return false
            }
        }
        /// Where a report's names are looked for, as the statement looks: its
        /// title, its evidence, its reports.
        let title: String
        let evidence: String?
        let reports: Reports

        enum Reports: Sendable {
            case none
            /// `(payload -> 'reports')::text`, read from the row: searched as the statement searches it.
            case json(String)
            /// The reports of an event this process committed (their JSON is not kept).
            case payloads([TimelineEventPayload])
        }

        /// Whether `name` is found where the statement looks (`LIKE '%name%'`);
        /// `nil` when only the stored JSON could tell.
        func names(_ name: String) -> Bool? {
            if ReportResolver.text(title, contains: name) || evidence.map({ ReportResolver.text($0, contains: name) }) == true { return true }
            switch reports {
            case .none:
                return false
            case .json(let text):
                return ReportResolver.text(text, contains: name)
            case .payloads(let reports):
                // JSON text holds no control character; outside its strings, and in their
                // escapes, only ASCII. A name with a character beyond ASCII is found in the JSON
                // only inside one string, and there as written unless that string is escaped.
                let bytes = name.utf8
                if bytes.contains(where: { $0 < 0x20 }) { return false }
                guard bytes.contains(where: { $0 >= 0x80 }),
                      !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return nil }
                let ascii = bytes.contains { $0 < 0x80 }
                for text in reports.flatMap(\.texts) where text.utf8.contains(where: { $0 >= 0x80 }) {
                    if ascii && text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return nil }
                    if ReportResolver.text(text, contains: name) { return true }
                }
                return false
            }
        }

        /// From the read model's row.
        init?(_ row: TimelineQueries.IndexRow) {
            guard let lower = ReportResolver.dayNumber(row.lower), let upper = ReportResolver.dayNumber(row.upper) else { return nil }
            version = TimelineQueries.EventVersion(eventId: row.eventId, position: row.position)
            park = row.park
            typeClass = row.typeClass
            self.lower = lower
            self.upper = upper
            coarse = Self.coarsePrecisions.contains(row.precision)
            keys = .pairs(Set(row.subjectKeys.compactMap(Self.key)))
            title = row.title
            evidence = row.evidence
            reports = row.reports.map(Reports.json) ?? .none
        }

        /// From the state an ingest of this process committed (the projector writes the same row).
        init?(_ event: TimelineEventPayload, at position: Int64) {
            guard let lower = ReportResolver.dayNumber(event.lower), let upper = ReportResolver.dayNumber(event.upper) else { return nil }
            version = TimelineQueries.EventVersion(eventId: event.eventId, position: position)
            park = event.park.id
            typeClass = TimelineEventPayload.typeClass(event.type)
            self.lower = lower
            self.upper = upper
            coarse = Self.coarsePrecisions.contains(event.precision)
            keys = .subjects(event.subjects + (event.reports ?? []).flatMap(\.subjects))
            title = event.title
            evidence = event.evidence
            reports = event.reports.map(Reports.payloads) ?? .none
        }

        static let coarsePrecisions: Set<String> = ["quarter", "half", "year"]

        static func key(_ run: String) -> UInt64? {
            let scalars = Array(run.unicodeScalars)
            return scalars.count == 2 ? ReportResolver.Bigrams.pair(scalars) : nil
        }
    }

    /// A park's current events by kind of act (the lookup reads one kind).
    private enum Park {
        case loaded([String: [UUID: Entry]])
        /// More current events than `parkLimit`: looked up by statement.
        case tooLarge
    }

    private struct State {
        /// The read model's checkpoint the index holds the state of (plus what this process committed since).
        var synced: LogCursor?
        /// Whether it holds every change up to `synced` (not while the versions `follow` asked for are read).
        var complete = true
        var parks: [String: Park] = [:]
        /// Where each event held is filed.
        var filed: [UUID: (park: String, typeClass: String)] = [:]

        mutating func reset(at checkpoint: LogCursor?) {
            self = State(synced: checkpoint)
        }

        func entry(_ id: UUID) -> Entry? {
            guard let (park, typeClass) = filed[id], case .loaded(let kinds)? = parks[park] else { return nil }
            return kinds[typeClass]?[id]
        }

        mutating func remove(_ id: UUID) {
            guard let (park, typeClass) = filed.removeValue(forKey: id), case .loaded(var kinds)? = parks[park] else { return }
            parks[park] = nil  // not shared while it changes
            kinds[typeClass]?[id] = nil
            parks[park] = .loaded(kinds)
        }

        mutating func insert(_ rows: [TimelineQueries.IndexRow]) {
            for row in rows {
                guard let entry = Entry(row) else {
                    // A row the lookup reads and the index cannot: its park goes to the statement.
                    remove(row.eventId)
                    parks[row.park] = .tooLarge
                    continue
                }
                insert(entry)
            }
        }

        mutating func insert(_ entry: Entry) {
            remove(entry.version.eventId)
            guard case .loaded(var kinds)? = parks[entry.park] else { return }
            parks[entry.park] = nil
            kinds[entry.typeClass, default: [:]][entry.version.eventId] = entry
            parks[entry.park] = .loaded(kinds)
            filed[entry.version.eventId] = (entry.park, entry.typeClass)
        }
    }

    private let state = Mutex(State())

    /// A park with more current events is looked up by statement.
    static let parkLimit = 5_000
    /// Past this many events the index starts again.
    static let capacity = 100_000
    /// Past this many log events since it last looked, the index starts again.
    static let changeLimit = 10_000

    /// The checkpoint the index last followed the read model to.
    var synced: LogCursor? { state.withLock(\.synced) }

    /// Follow the read model from `previous` to `checkpoint`, where `changes`
    /// are the current versions the log events between them made (`nil`: too
    /// many to follow, start again). Returns the versions to read and `fill`;
    /// `nil` when another ingest moved the index meanwhile (it is left as it is).
    func follow(from previous: LogCursor?, to checkpoint: LogCursor, changes: [TimelineQueries.VersionChange]?)
        -> [TimelineQueries.EventVersion]? {
        state.withLock { state in
            guard state.synced == previous else { return nil }
            guard previous != nil, state.complete, let changes else {
                state.reset(at: checkpoint)
                return []
            }
            var missing: [TimelineQueries.EventVersion] = []
            for change in changes {
                if let held = state.entry(change.eventId), held.version.position == change.position, held.park == change.park, !change.retracted { continue }
                state.remove(change.eventId)
                if !change.retracted, case .loaded? = state.parks[change.park] {
                    missing.append(.init(eventId: change.eventId, position: change.position))
                }
            }
            state.synced = checkpoint
            state.complete = missing.isEmpty
            return missing
        }
    }

    /// Keep the rows of the versions `follow` asked for (`expected`): the
    /// index answers again once it holds them all, and starts again if one
    /// is gone (a rebuild swapped the tables).
    func fill(_ rows: [TimelineQueries.IndexRow], expected: [TimelineQueries.EventVersion], at checkpoint: LogCursor) {
        state.withLock { state in
            guard state.synced == checkpoint else { return }
            let read = Set(rows.map { TimelineQueries.EventVersion(eventId: $0.eventId, position: $0.position) })
            guard expected.allSatisfy(read.contains) else {
                state.reset(at: checkpoint)
                return
            }
            state.insert(rows)
            state.complete = true
        }
    }

    /// Keep whole parks read at `checkpoint` (`parks`, less those too large to
    /// hold). Nothing is kept when the index moved on from `checkpoint` meanwhile.
    func fill(_ rows: [TimelineQueries.IndexRow], parks: [String], tooLarge: [String], at checkpoint: LogCursor) {
        state.withLock { state in
            guard state.synced == checkpoint else { return }
            if state.filed.count + rows.count > Self.capacity { state.reset(at: checkpoint) }
            for park in parks where state.parks[park] == nil { state.parks[park] = .loaded([:]) }
            for park in tooLarge { state.parks[park] = .tooLarge }
            state.insert(rows)
        }
    }

    /// Keep the events an ingest of this process committed, at the positions
    /// of their last log events (for parks the index holds).
    func remember(_ events: [(TimelineQueries.EventVersion, TimelineEventPayload)]) {
        state.withLock { state in
            for (version, event) in events {
                guard let entry = Entry(event, at: version.position) else {
                    state.remove(event.eventId)
                    if case .loaded? = state.parks[event.park.id] { state.parks[event.park.id] = .tooLarge }
                    continue
                }
                state.insert(entry)
            }
        }
    }

    /// The parks among `parks` the index neither holds nor knows to be too large.
    func unloaded(_ parks: some Sequence<String>) -> [String] {
        state.withLock { state in Array(Set(parks.filter { state.parks[$0] == nil })).sorted() }
    }

    /// What `resolution_candidates` gives for `query` at `checkpoint`, nearest
    /// first; `nil` when the index cannot tell (see the type's note).
    func candidates(for query: TimelineQueries.CandidateQuery, at checkpoint: LogCursor) -> [TimelineQueries.EventVersion]? {
        // The lists as the statement splits them (`TimelineQueries.candidates(for:)`).
        let needles = Self.split(query.needles)
        guard let lower = ReportResolver.dayNumber(query.lower), let upper = ReportResolver.dayNumber(query.upper) else { return nil }
        let scalars = Array(query.text.unicodeScalars)
        let textPairs = Set(scalars.indices.dropLast().map { ReportResolver.Bigrams.pair([scalars[$0], scalars[$0 + 1]]) })
        return state.withLock { state -> [TimelineQueries.EventVersion]? in
            guard state.synced == checkpoint, state.complete else { return nil }
            var events: [Entry] = []
            for park in Set(Self.split(query.parks)) {
                guard case .loaded(let kinds)? = state.parks[park] else { return nil }
                events += (kinds[query.typeClass] ?? [:]).values.filter { $0.upper >= lower - 1 }
            }
            let distance = { (entry: Entry) in abs(entry.lower - lower) }
            let nearest = { (a: Entry, b: Entry) -> Bool in
                let (mine, theirs) = (distance(a), distance(b))
                if mine != theirs { return mine < theirs }
                if a.version.position != b.version.position { return a.version.position < b.version.position }
                return a.version.eventId.uuidString < b.version.eventId.uuidString
            }
            let window = events.filter { $0.lower >= lower - 31 && $0.lower <= upper + 1 }.sorted(by: nearest)
            var byName: [Entry] = []
            names: for entry in window where byName.count < 200 {
                if entry.sharesKey(with: textPairs) {
                    byName.append(entry)
                    continue
                }
                for needle in needles {
                    guard let found = entry.names(needle) else { return nil }
                    if found {
                        byName.append(entry)
                        continue names
                    }
                }
            }
            let byWording = query.byWording ? window.prefix(TimelineQueries.wordingCandidates) : []
            let coarse = events.filter { $0.coarse && $0.lower >= lower - 366 && $0.lower < lower - 31 }.sorted(by: nearest).prefix(50)
            var seen = Set<UUID>()
            return (byName + byWording + coarse).filter { seen.insert($0.version.eventId).inserted }
                .sorted(by: nearest).map(\.version)
        }
    }

    /// A list as the statement reads it from its joined text (`string_to_array`): none when empty.
    static func split(_ list: [String]) -> [String] {
        let joined = list.joined(separator: TimelineQueries.listSeparator)
        return joined.isEmpty ? [] : joined.components(separatedBy: TimelineQueries.listSeparator)
    }
}

extension TimelineEventPayload {
    /// Every string its JSON holds but its ids (keys aside; ids are ASCII), in
    /// no particular order: where `(payload -> 'reports')::text` can hold a
    /// name with a character beyond ASCII.
    var texts: [String] {
        var texts = [type, date, precision, lower, upper, park.id, park.name, title]
            + park.aliases + subjects + amounts.flatMap { [$0.currency, $0.text] } + (datesReported ?? [])
        texts += [expression, park.city, evidence, source.document, source.documentHash, source.published,
                  source.extractorVersion, source.recordedBy, source.outlet].compactMap { $0 }
        return texts + (reports ?? []).flatMap(\.texts)
    }
}
