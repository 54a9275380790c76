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
/// its names are searched in. A park with more than `parkLimit` events is
/// held kind by kind, for the spans of days its lookups have reached (at
/// the busiest park of that log, 130,000 events, a statement per report had
/// cost more than half the ingest). It follows the read model by the log events
/// applied since it last looked (one statement per ingest, the one that
/// reads the checkpoint), and keeps the events its own ingests made as they
/// commit, which that statement then only confirms.
///
/// Its answers are the statement's: the same filters, order and limits,
/// tested against the statement over the merge corpus. It declines (and the
/// statement answers) when a park, or a span of its days, is not loaded, or
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
            case pairs([UInt64])
            /// The subjects of an event this process committed (their runs read when asked).
            case subjects([String])
        }

        /// Whether one of its subjects' runs is in a text with these pairs of scalars.
        func sharesKey(with text: TextPairs) -> Bool {
            switch keys {
            case .pairs(let pairs):
                return pairs.contains(where: text.contains)
            case .subjects(let subjects):
                for subject in subjects {
                    var previous: Unicode.Scalar?
                    for scalar in subject.unicodeScalars {
                        if let previous, text.contains(ReportResolver.Bigrams.pair(previous, scalar)) { return true }
                        previous = scalar
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
            keys = .pairs(Array(Set(row.subjectKeys.compactMap(Self.key))))
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

    /// The two-character runs of a lookup's text, asked about for every
    /// event of the window: most are not there, and a bit of `filter` says
    /// so before the set is hashed.
    struct TextPairs {
        private let pairs: Set<UInt64>
        private var filter = [UInt64](repeating: 0, count: 64)

        init(_ text: String) {
            // Hashed as they come: the sorted list `Bigrams` makes is not needed here.
            var pairs = Set<UInt64>(minimumCapacity: text.utf8.count / 2)
            var previous: Unicode.Scalar?
            for scalar in text.unicodeScalars {
                if let previous { pairs.insert(ReportResolver.Bigrams.pair(previous, scalar)) }
                previous = scalar
            }
            self.pairs = pairs
            for pair in pairs {
                let bit = Self.bit(pair)
                filter[bit >> 6] |= 1 << (bit & 63)
            }
        }

        static func bit(_ pair: UInt64) -> Int { Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 52) }

        func contains(_ pair: UInt64) -> Bool {
            let bit = Self.bit(pair)
            return filter[bit >> 6] & (1 << (bit & 63)) != 0 && pairs.contains(pair)
        }
    }

    /// A park's current events of one kind of act: by id, and in order of
    /// their first day (then log position), so that a lookup reads only the
    /// days it reaches.
    private struct Kind {
        private(set) var byID: [UUID: Entry] = [:]
        private var byDay: [Entry] = []
        /// Those known only to the quarter, half or year, likewise in order.
        private var coarse: [Entry] = []

        var count: Int { byID.count }

        mutating func insert(_ entry: Entry) {
            if let held = byID.updateValue(entry, forKey: entry.version.eventId) {
                Self.remove(held, from: &byDay)
                if held.coarse { Self.remove(held, from: &coarse) }
            }
            byDay.insert(entry, at: Self.start(of: entry, in: byDay))
            if entry.coarse { coarse.insert(entry, at: Self.start(of: entry, in: coarse)) }
        }

        mutating func remove(_ id: UUID) {
            guard let held = byID.removeValue(forKey: id) else { return }
            Self.remove(held, from: &byDay)
            if held.coarse { Self.remove(held, from: &coarse) }
        }

        /// The events whose first day is in `days` (`coarseOnly`: of those known only to the quarter, half or year).
        func starting(in days: ClosedRange<Int>, coarseOnly: Bool = false) -> ArraySlice<Entry> {
            let list = coarseOnly ? coarse : byDay
            return list[Self.first(days.lowerBound, in: list)..<Self.first(days.upperBound + 1, in: list)]
        }

        /// The index of the first event of `list` whose first day is `day` or later.
        private static func first(_ day: Int, in list: [Entry]) -> Int {
            partition(list) { $0.lower < day }
        }

        /// Where `entry` goes in `list`: after every event before it by first day and log position.
        private static func start(of entry: Entry, in list: [Entry]) -> Int {
            partition(list) { ($0.lower, $0.version.position) < (entry.lower, entry.version.position) }
        }

        /// The number of events at the start of `list` (in order) that are `before`.
        private static func partition(_ list: [Entry], _ before: (Entry) -> Bool) -> Int {
            var (low, high) = (0, list.count)
            while low < high {
                let middle = (low + high) / 2
                if before(list[middle]) { low = middle + 1 } else { high = middle }
            }
            return low
        }

        private static func remove(_ entry: Entry, from list: inout [Entry]) {
            var index = start(of: entry, in: list)
            while index < list.count, list[index].lower == entry.lower {
                if list[index] === entry {
                    list.remove(at: index)
                    return
                }
                index += 1
            }
        }
    }

    /// A park's current events by kind of act (the lookup reads one kind).
    private enum Park {
        case loaded([String: Kind])
        /// More current events than `parkLimit`: held kind by kind, for the
        /// spans of days lookups have asked for.
        case spans([String: Span])
        /// Not held at all (a row the index cannot read, or a span too full): looked up by statement.
        case tooLarge
    }

    /// A kind of act of a large park, held for spans of days: every current
    /// event whose first day is in one of `all`, and those known only to the
    /// quarter, half or year whose first day is in one of `coarse` (the
    /// lookup reaches a year back for them).
    private struct Span {
        var events = Kind()
        /// Disjoint, in order.
        var all: [ClosedRange<Int>] = []
        var coarse: [ClosedRange<Int>] = []

        func holds(_ entry: Entry) -> Bool {
            all.contains { $0.contains(entry.lower) } || (entry.coarse && coarse.contains { $0.contains(entry.lower) })
        }

        /// Whether it holds every event a lookup of these days reads.
        func covers(lower: Int, upper: Int) -> Bool {
            let need = CandidateIndex.reach(lower: lower, upper: upper)
            return all.contains { $0.lowerBound <= need.all.lowerBound && need.all.upperBound <= $0.upperBound }
                && coarse.contains { $0.lowerBound <= need.coarse.lowerBound && need.coarse.upperBound <= $0.upperBound }
        }

        /// Add spans just read whole (`rows` hold every event in them).
        mutating func add(all more: ClosedRange<Int>, coarse moreCoarse: ClosedRange<Int>) {
            all = Self.union(all, more)
            coarse = Self.union(coarse, moreCoarse)
        }

        static func union(_ ranges: [ClosedRange<Int>], _ range: ClosedRange<Int>) -> [ClosedRange<Int>] {
            var merged: [ClosedRange<Int>] = []
            for next in (ranges + [range]).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, next.lowerBound <= last.upperBound + 1 {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, next.upperBound)
                } else {
                    merged.append(next)
                }
            }
            return merged
        }
    }

    /// A span of days of one kind of act of a large park that lookups need and the index lacks.
    struct SpanRequest: Sendable, Hashable {
        var park: String
        var typeClass: String
        /// Every event whose first day is in `all`; those known only to the quarter, half or year in `coarse`.
        var all: ClosedRange<Int>
        var coarse: ClosedRange<Int>
    }

    /// The days whose events a lookup of `lower...upper` reads: all of them a
    /// month back to a day on (`resolution_candidates`), coarse ones a year back.
    static func reach(lower: Int, upper: Int) -> (all: ClosedRange<Int>, coarse: ClosedRange<Int>) {
        ((lower - 31)...(upper + 1), (lower - 366)...(upper + 1))
    }

    private struct State {
        /// The read model's checkpoint the index holds the state of (plus what this process committed since).
        var synced: LogCursor?
        /// Whether it holds every change up to `synced` (not while the versions `follow` asked for are read).
        var complete = true
        var parks: [String: Park] = [:]
        /// Where each event held is filed.
        var filed: [UUID: (park: String, typeClass: String)] = [:]
        /// Events committed by this process, not yet filed (`remember`).
        var remembered: [(TimelineQueries.EventVersion, TimelineEventPayload)] = []

        mutating func fileRemembered() {
            guard !remembered.isEmpty else { return }
            let events = remembered
            remembered = []
            for (version, event) in events {
                guard let entry = Entry(event, at: version.position) else {
                    remove(event.eventId)
                    if parks[event.park.id] != nil { drop(event.park.id) }
                    continue
                }
                insert(entry)
            }
        }

        mutating func reset(at checkpoint: LogCursor?) {
            self = State(synced: checkpoint)
        }

        func entry(_ id: UUID) -> Entry? {
            guard let (park, typeClass) = filed[id] else { return nil }
            switch parks[park] {
            case .loaded(let kinds)?: return kinds[typeClass]?.byID[id]
            case .spans(let kinds)?: return kinds[typeClass]?.events.byID[id]
            case .tooLarge?, nil: return nil
            }
        }

        mutating func remove(_ id: UUID) {
            guard let (park, typeClass) = filed.removeValue(forKey: id) else { return }
            switch parks[park] {
            case .loaded(var kinds)?:
                parks[park] = nil  // not shared while it changes
                kinds[typeClass]?.remove(id)
                parks[park] = .loaded(kinds)
            case .spans(var kinds)?:
                parks[park] = nil
                kinds[typeClass]?.events.remove(id)
                parks[park] = .spans(kinds)
            case .tooLarge?, nil:
                break
            }
        }

        /// Stop holding a park (its events go to the statement from now on).
        mutating func drop(_ park: String) {
            switch parks[park] {
            case .loaded(let kinds)?:
                for kind in kinds.values { for id in kind.byID.keys { filed[id] = nil } }
            case .spans(let kinds)?:
                for kind in kinds.values { for id in kind.events.byID.keys { filed[id] = nil } }
            case .tooLarge?, nil:
                break
            }
            parks[park] = .tooLarge
        }

        mutating func insert(_ rows: [TimelineQueries.IndexRow]) {
            // In each kind's order (dates as `YYYY-MM-DD` sort as days): each event then goes at the end.
            for row in rows.sorted(by: { ($0.lower, $0.position) < ($1.lower, $1.position) }) {
                guard let entry = Entry(row) else {
                    // A row the lookup reads and the index cannot: its park goes to the statement.
                    remove(row.eventId)
                    drop(row.park)
                    continue
                }
                insert(entry)
            }
        }

        /// Hold `entry` (in place of its earlier version) if its park is held,
        /// and for a large park, if its days are in a span held.
        mutating func insert(_ entry: Entry) {
            remove(entry.version.eventId)
            switch parks[entry.park] {
            case .loaded(var kinds)?:
                parks[entry.park] = nil
                kinds[entry.typeClass, default: Kind()].insert(entry)
                parks[entry.park] = .loaded(kinds)
            case .spans(var kinds)?:
                guard kinds[entry.typeClass]?.holds(entry) == true else { return }
                parks[entry.park] = nil
                kinds[entry.typeClass]!.events.insert(entry)
                parks[entry.park] = .spans(kinds)
            case .tooLarge?, nil:
                return
            }
            filed[entry.version.eventId] = (entry.park, entry.typeClass)
        }

        /// The events of one kind of a park held for the lookup (`nil`: not held, or not for these days).
        func events(park: String, typeClass: String, lower: Int, upper: Int) -> Kind? {
            switch parks[park] {
            case .loaded(let kinds)?:
                return kinds[typeClass] ?? Kind()
            case .spans(let kinds)?:
                guard let span = kinds[typeClass], span.covers(lower: lower, upper: upper) else { return nil }
                return span.events
            case .tooLarge?, nil:
                return nil
            }
        }
    }

    private let state = Mutex(State())

    /// A park with more current events is held kind by kind, for spans of days.
    let parkLimit: Int
    /// A span of days is read with a month more on each side than a lookup needs.
    static let spanMargin = 31
    /// A kind of a large park holding more events than this is looked up by statement.
    static let spanLimit = 20_000

    init(parkLimit: Int = 5_000) {
        self.parkLimit = parkLimit
    }
    /// Past this many events the index starts again.
    static let capacity = 100_000
    /// Past this many log events since it last looked, the index starts again.
    static let changeLimit = 10_000

    /// The checkpoint the index last followed the read model to.
    var synced: LogCursor? { locked(\.synced) }

    /// Follow the read model from `previous` to `checkpoint`, where `changes`
    /// are the current versions the log events between them made (`nil`: too
    /// many to follow, start again). Returns the versions to read and `fill`;
    /// `nil` when another ingest moved the index meanwhile (it is left as it is).
    func follow(from previous: LogCursor?, to checkpoint: LogCursor, changes: [TimelineQueries.VersionChange]?)
        -> [TimelineQueries.EventVersion]? {
        locked { state in
            guard state.synced == previous else { return nil }
            guard previous != nil, state.complete, let changes else {
                state.reset(at: checkpoint)
                return []
            }
            var missing: [TimelineQueries.EventVersion] = []
            for change in changes {
                if let held = state.entry(change.eventId), held.version.position == change.position, held.park == change.park, !change.retracted { continue }
                state.remove(change.eventId)
                // (For a large park the version read tells whether its days are in a span held.)
                switch state.parks[change.park] {
                case .loaded?, .spans?:
                    if !change.retracted { missing.append(.init(eventId: change.eventId, position: change.position)) }
                case .tooLarge?, nil:
                    break
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
        locked { state in
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
    /// hold whole, which are then held by spans of days). Nothing is kept when
    /// the index moved on from `checkpoint` meanwhile.
    func fill(_ rows: [TimelineQueries.IndexRow], parks: [String], tooLarge: [String], at checkpoint: LogCursor) {
        locked { state in
            guard state.synced == checkpoint else { return }
            if state.filed.count + rows.count > Self.capacity { state.reset(at: checkpoint) }
            for park in tooLarge where state.parks[park] == nil { state.parks[park] = .spans([:]) }
            for park in parks where state.parks[park] == nil { state.parks[park] = .loaded([:]) }
            state.insert(rows)
        }
    }

    /// The spans of days that `lookups` need of large parks and the index
    /// lacks, each with a margin: per park and kind, the needs whose reach
    /// overlaps taken as one span (reports a year apart are read as two).
    func spansNeeded(for lookups: [TimelineQueries.CandidateQuery]) -> [SpanRequest] {
        locked { state in
            var needed: [SpanKey: [(all: ClosedRange<Int>, coarse: ClosedRange<Int>)]] = [:]
            for lookup in lookups {
                guard let lower = ReportResolver.dayNumber(lookup.lower), let upper = ReportResolver.dayNumber(lookup.upper) else { continue }
                for park in Set(Self.split(lookup.parks)) {
                    guard case .spans(let kinds)? = state.parks[park], kinds[lookup.typeClass]?.covers(lower: lower, upper: upper) != true
                    else { continue }
                    needed[SpanKey(park: park, typeClass: lookup.typeClass), default: []]
                        .append(Self.reach(lower: lower - Self.spanMargin, upper: upper + Self.spanMargin))
                }
            }
            var requests: [SpanRequest] = []
            for (key, reaches) in needed.sorted(by: { ($0.key.park, $0.key.typeClass) < ($1.key.park, $1.key.typeClass) }) {
                var merged: [(all: ClosedRange<Int>, coarse: ClosedRange<Int>)] = []
                for reach in reaches.sorted(by: { $0.coarse.lowerBound < $1.coarse.lowerBound }) {
                    if let last = merged.last, reach.coarse.lowerBound <= last.coarse.upperBound {
                        merged[merged.count - 1] = (min(last.all.lowerBound, reach.all.lowerBound)...max(last.all.upperBound, reach.all.upperBound),
                                                    last.coarse.lowerBound...max(last.coarse.upperBound, reach.coarse.upperBound))
                    } else {
                        merged.append(reach)
                    }
                }
                requests += merged.map { SpanRequest(park: key.park, typeClass: key.typeClass, all: $0.all, coarse: $0.coarse) }
            }
            return requests
        }
    }

    private struct SpanKey: Hashable { var park: String, typeClass: String }

    /// Keep the spans `requests` asked for, read whole at `checkpoint` (`rows`:
    /// every current event in them). A kind that would hold more than
    /// `spanLimit` events sends its park to the statement.
    func fill(_ rows: [TimelineQueries.IndexRow], spans requests: [SpanRequest], at checkpoint: LogCursor) {
        locked { state in
            guard state.synced == checkpoint else { return }
            if state.filed.count + rows.count > Self.capacity { state.reset(at: checkpoint) }
            for request in requests {
                guard case .spans(var kinds)? = state.parks[request.park] else { continue }
                state.parks[request.park] = nil
                kinds[request.typeClass, default: Span()].add(all: request.all, coarse: request.coarse)
                state.parks[request.park] = .spans(kinds)
            }
            state.insert(rows)
            for request in requests {
                if case .spans(let kinds)? = state.parks[request.park], (kinds[request.typeClass]?.events.count ?? 0) > Self.spanLimit {
                    state.drop(request.park)
                }
            }
        }
    }

    /// Keep the events an ingest of this process committed, at the positions
    /// of their last log events (for parks the index holds).
    ///
    /// They are filed when the index is next used, not here: an ingest calls
    /// this between its append and its answer, and filing them (an entry
    /// made from each event, and its place found in its kind's order) was a
    /// quarter of the time an ingest's merges added to its append. Every use
    /// of the index files them first, so what it answers is as if they had
    /// been filed here.
    func remember(_ events: [(TimelineQueries.EventVersion, TimelineEventPayload)]) {
        state.withLock { state in
            state.remembered.append(contentsOf: events)
            // A process whose ingests do not look ahead does not use the index: this bounds what waits.
            if state.remembered.count > Self.changeLimit { state.fileRemembered() }
        }
    }

    /// The state, with what `remember` was given filed first.
    private func locked<Result: Sendable>(_ body: (inout State) -> Result) -> Result {
        state.withLock { state in
            state.fileRemembered()
            return body(&state)
        }
    }

    /// The parks held whole, and those held by spans of days.
    var held: (whole: [String], bySpans: [String]) {
        locked { state in
            var held: (whole: [String], bySpans: [String]) = ([], [])
            for (park, kinds) in state.parks {
                switch kinds {
                case .loaded: held.whole.append(park)
                case .spans: held.bySpans.append(park)
                case .tooLarge: break
                }
            }
            return (held.whole.sorted(), held.bySpans.sorted())
        }
    }

    /// The parks among `parks` the index neither holds nor knows to be too large.
    func unloaded(_ parks: some Sequence<String>) -> [String] {
        locked { state in Array(Set(parks.filter { state.parks[$0] == nil })).sorted() }
    }

    /// What `resolution_candidates` gives for `query` at `checkpoint`, nearest
    /// first; `nil` when the index cannot tell (see the type's note).
    func candidates(for query: TimelineQueries.CandidateQuery, at checkpoint: LogCursor) -> [TimelineQueries.EventVersion]? {
        // The lists as the statement splits them (`TimelineQueries.candidates(for:)`).
        let needles = Self.split(query.needles)
        guard let lower = ReportResolver.dayNumber(query.lower), let upper = ReportResolver.dayNumber(query.upper) else { return nil }
        let textPairs = TextPairs(query.text)
        return locked { state -> [TimelineQueries.EventVersion]? in
            guard state.synced == checkpoint, state.complete else { return nil }
            // Each event with its distance and log position, the order the statement gives.
            var window: [Found] = []
            var coarse: [Found] = []
            for park in Set(Self.split(query.parks)) {
                guard let kind = state.events(park: park, typeClass: query.typeClass, lower: lower, upper: upper) else { return nil }
                for entry in kind.starting(in: (lower - 31)...(upper + 1)) where entry.upper >= lower - 1 {
                    window.append(Found(entry, from: lower))
                }
                for entry in kind.starting(in: (lower - 366)...(lower - 32), coarseOnly: true) where entry.upper >= lower - 1 {
                    coarse.append(Found(entry, from: lower))
                }
            }
            window.sort()
            var byName: [Found] = []
            names: for found in window where byName.count < 200 {
                if found.entry.sharesKey(with: textPairs) {
                    byName.append(found)
                    continue
                }
                for needle in needles {
                    guard let named = found.entry.names(needle) else { return nil }
                    if named {
                        byName.append(found)
                        continue names
                    }
                }
            }
            let byWording = query.byWording ? window.prefix(TimelineQueries.wordingCandidates) : []
            var seen = Set<UUID>()
            return (byName + byWording + coarse.sorted().prefix(50)).filter { seen.insert($0.entry.version.eventId).inserted }
                .sorted().map(\.entry.version)
        }
    }

    /// An event found, in the statement's order: nearest first day, then log position.
    private struct Found: Comparable {
        let distance: Int
        let entry: Entry

        init(_ entry: Entry, from day: Int) {
            distance = abs(entry.lower - day)
            self.entry = entry
        }

        static func < (a: Found, b: Found) -> Bool {
            if a.distance != b.distance { return a.distance < b.distance }
            if a.entry.version.position != b.entry.version.position { return a.entry.version.position < b.entry.version.position }
            return a.entry.version.eventId.uuidString < b.entry.version.eventId.uuidString
        }

        static func == (a: Found, b: Found) -> Bool { a.distance == b.distance && a.entry.version == b.entry.version }
    }

    /// A list as the statement reads it from its joined text (`string_to_array`): none when empty.
    static func split(_ list: [String]) -> [String] {
        // What joining and splitting give when no element holds the separator: the
        // list itself, but that a lone empty element joins to an empty text (no list).
        let separator = TimelineQueries.listSeparator.utf8.first!
        if !list.contains(where: { $0.utf8.contains(separator) }) { return list == [""] ? [] : list }
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
