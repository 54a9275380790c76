import Foundation
import TimelineEvents

/// Decides whether a new report is another outlet's report of an event the
/// timeline already shows. Pure: the same report and candidates give the
/// same decision, so a log replayed gives the same timeline.
///
/// A report joins an event when they are of the same park and the same kind
/// of act (`typeClass`), their dates are compatible (one within the other,
/// `5月` and `5月10日`, or a day apart when the subject is the same), and they
/// name the same company or project, or (when neither names one) share a
/// quoted name or most of their wording. Reports of one document are never
/// merged (a page reports an act once), and hand-recorded events are merged
/// only by a person.
public struct ReportResolver: Sendable {
    public init() {}

    public struct Decision: Sendable, Equatable {
        /// The event the report joins.
        public var eventID: UUID
        /// The rule that decided (`same-subject`, `same-subject-next-day`, `same-name`, `same-gathering`, `same-park-act`, `same-wording`).
        public var rule: String
    }

    /// Wording shared by at least this share of the two reports' content
    /// (Dice coefficient of character pairs) makes two subject-less reports one.
    static let wordingThreshold = 0.5
    /// A title whose pairs (at least this many) are nearly all in the other's title.
    static let titleWithinMinimum = 5
    static let titleWithinThreshold = 0.8

    public func match(_ report: TimelineEventPayload, among candidates: [TimelineEventPayload]) -> Decision? {
        var memo = Memo()
        return match(report, among: candidates, memo: &memo)
    }

    /// `match`, reading each candidate's names and wording once per `memo`:
    /// a batch's reports mostly share their candidates (one park, one month).
    public func match(_ report: TimelineEventPayload, among candidates: [TimelineEventPayload], memo: inout Memo) -> Decision? {
        guard report.source.recordedBy == nil else { return nil }
        let mine = memo.side(of: report, park: report.park)
        let dates = Dates(report)
        var best: (decision: Decision, score: Double)?
        // By index: each candidate read in place (a loop's element is a copy of the whole event).
        for index in candidates.indices where candidates[index].eventId != report.eventId {
            guard let (rule, score) = evaluate(report, mine, dates, candidates[index], memo: &memo) else { continue }
            if best == nil || score > best!.score {
                best = (Decision(eventID: candidates[index].eventId, rule: rule), score)
            }
        }
        return best?.decision
    }

    /// What an event must share with `report` for a rule to find them the
    /// same act, for the candidate lookup to test before anything is decoded.
    public struct LookupKeys: Sendable, Equatable {
        /// The report's subjects, title and wording, a line each: an event's
        /// name found there starts with a two-character run of its subjects.
        public var text: String
        /// The report's shortest names, quoted names and gatherings: found in an event's text, they match it.
        public var needles: [String]
        /// The report names no company, so an event may be the same act by wording alone.
        public var byWording: Bool
    }

    public func lookup(_ report: TimelineEventPayload, memo: inout Memo) -> LookupKeys {
        let mine = memo.side(of: report, park: report.park)
        // A name's two-character start is among the names, and found wherever a longer one is.
        let needles = Set(mine.names.filter { $0.count == 2 }).union(mine.quotes).union(mine.gatherings)
        return LookupKeys(text: mine.text, needles: needles.sorted(), byWording: mine.companies.isEmpty)
    }

    /// Sides already read, by event, its version, its number of reports (a
    /// merge in the batch adds one) and the park whose names are blanked out.
    ///
    /// A memo may serve many batches (`ReportResolution` keeps one across a
    /// process's ingests): an event is known by the log position of its
    /// stored version (`versions`), and a state only this batch holds (a
    /// report, a merge not yet stored) by the batch's number, never reused.
    /// It is used by one resolution at a time.
    public struct Memo: @unchecked Sendable {
        struct Key: Hashable { var event: UUID, revision: Int64, reports: Int, park: String }
        var sides: [Key: Side] = [:]
        private var sameParks: [[String]: Bool] = [:]
        /// Stored events of this batch: the position of the version read and its number of reports.
        private var versions: [UUID: (position: Int64, reports: Int)] = [:]
        /// This batch's number, negative: no log position is.
        private var batch: Int64 = 0

        /// Past this many sides the memo starts again (a process's ingests span many parks and months).
        static let capacity = 50_000

        public init() {}

        /// Start a batch: what it alone holds is told apart from every other batch's.
        mutating func beginBatch() {
            if sides.count > Self.capacity { sides = [:] }
            if sameParks.count > Self.capacity { sameParks = [:] }
            batch -= 1
            versions = [:]
        }

        /// The batch's stored candidates (an event may be laid over in the batch: then it has more reports).
        mutating func storedVersions(_ versions: [UUID: (position: Int64, reports: Int)]) {
            self.versions = versions
        }

        /// `ReportResolver.samePark`, worked out once per pair of park ids.
        mutating func samePark(_ a: ParkPayload, _ b: ParkPayload) -> Bool {
            if a.id == b.id { return true }
            if let known = sameParks[[a.id, b.id]] { return known }
            let same = ReportResolver.samePark(a, b)
            sameParks[[a.id, b.id]] = same
            return same
        }

        mutating func side(of event: TimelineEventPayload, park: ParkPayload) -> Side {
            // Its reports are counted, not listed, until the side is to be made: a single
            // report's list is a copy of the whole event.
            let count = event.reports?.count ?? 1
            let stored = versions[event.eventId].flatMap { $0.reports == count ? $0.position : nil }
            let key = Key(event: event.eventId, revision: stored ?? batch, reports: count, park: park.id)
            if let side = sides[key] { return side }
            let reports = event.allReports
            let latestKey = Latest(event: event.eventId, park: park.id)
            let side: Side
            if let prior = latest[latestKey], prior.isStart(of: reports, park: park) {
                // The side it had (a batch's merge, now stored), or an act told once more:
                // that side with the new reports read.
                let added = reports[prior.readings.count...]
                side = added.isEmpty ? prior
                    : prior.adding(Array(added), readings: added.map { reading(of: $0, park: park) }, names: { names(of: $0, park: park) })
            } else {
                side = Side(reports, park: park, readings: reports.map { reading(of: $0, park: park) }, names: { names(of: $0, park: park) })
            }
            sides[key] = side
            if latest.count > Self.capacity { latest = [:] }
            latest[latestKey] = side
            return side
        }

        private struct Latest: Hashable { var event: UUID, park: String }
        /// The side last made of each event (against each park's names): the
        /// same event with more reports is that side with the new ones added.
        private var latest: [Latest: Side] = [:]

        private struct ReadingKey: Hashable { var report: UUID, park: String }
        private var readings: [ReadingKey: Reading] = [:]

        /// One report read against `park`, once: an event read again with one
        /// more report reads the others again. (Kept by report and park id, and
        /// used while what it read is unchanged: hashing the texts cost more.)
        mutating func reading(of report: TimelineEventPayload, park: ParkPayload) -> Reading {
            if readings.count > Self.capacity { readings = [:] }
            let key = ReadingKey(report: report.eventId, park: park.id)
            if let known = readings[key], known.report.title == report.title, known.report.evidence == report.evidence,
               known.park.name == park.name, known.park.aliases == park.aliases {
                return known
            }
            let reading = Reading(report, park: park)
            readings[key] = reading
            return reading
        }

        private struct NamesKey: Hashable { var subject: String, park: String, name: String, city: String? }
        private var subjectNames: [NamesKey: [String]] = [:]

        /// `ReportResolver.names` of each subject, worked out once per park: an
        /// act's reports name its company alike, and every candidate read again names it.
        mutating func names(of subjects: [String], park: ParkPayload) -> [String] {
            if subjectNames.count > Self.capacity { subjectNames = [:] }
            return subjects.flatMap { subject in
                let key = NamesKey(subject: subject, park: park.id, name: park.name, city: park.city)
                if let known = subjectNames[key] { return known }
                let names = ReportResolver.names([subject], park: park)
                subjectNames[key] = names
                return names
            }
        }
    }

    /// What the rules compare of one side: an event's reports read against
    /// one park (the new report's), whose names say nothing about the act.
    /// Names are read at once; quotes, gatherings and wording only when a
    /// rule gets that far, once.
    final class Side {
        let park: ParkPayload
        /// Each report's subjects (its id, title and wording are its reading's; the
        /// reports themselves are not kept: a list of them is costly to copy).
        private let reportSubjects: [[String]]
        /// Its subjects, a line each (the rest of its text is its readings').
        let subjectsText: String
        let names: [String]
        /// Each name's first two characters: a name whose start is in none of a side's texts (`hasPair`) is not in them.
        private let nameStarts: [UInt64]
        let companies: [String]
        /// Every two adjacent characters of its subjects (those of its readings are theirs,
        /// kept across batches: an event with one more report is a new side, not new readings).
        private lazy var subjectPairs = Set(subjects.flatMap { Bigrams(Array($0.unicodeScalars)).pairs })
        /// Read report by report (each reading once, however many events it joins):
        /// a quotation or a gathering's name is not taken across two reports.
        lazy var quotes = ReportResolver.quotedNames(subjectsText).union(readingsFolded(\.quotes, [], { $0.formUnion($1.quotes) }))
        lazy var gatherings = ReportResolver.gatheringNames(subjectsText, park: park)
            .union(readingsFolded(\.gatherings, [], { $0.formUnion($1.gatherings) }))
        /// Each report's reading (its title and wording as sets of character pairs).
        let readings: [Reading]
        /// The phases its reports' titles name (`一期`, `二期`, `首期`); the rest of a
        /// sentence may name a project's other phases. (Title by title: a line break ends a phase's word.)
        var phases: Set<String> { readingsFolded(\.phases, [], { $0.formUnion(ReportResolver.phases(in: $1.report.title)) }) }
        /// Every report's title says only that the park itself did the act.
        var parksOwnAct: Bool { readingsFolded(\.parksOwnAct, true, { $0 = $0 && $1.parksOwnAct }) }
        private let subjects: [String]

        /// What the rules worked out over the readings, once each: a side with one
        /// more report starts from what the side it extends had worked out.
        private struct Folded {
            var quotes: Set<String>?
            var gatherings: Set<String>?
            var phases: Set<String>?
            var parksOwnAct: Bool?
        }
        private var folded = Folded()
        /// What the side this one extends had worked out, and how many readings it had.
        private var carried: (folded: Folded, readings: Int)?

        /// `combine` over the readings, from what the extended side had (when it had it).
        private func readingsFolded<T>(_ field: WritableKeyPath<Folded, T?>, _ initial: T, _ combine: (inout T, Reading) -> Void) -> T {
            if let known = folded[keyPath: field] { return known }
            var (value, start) = (initial, 0)
            if let carried, let known = carried.folded[keyPath: field] { (value, start) = (known, carried.readings) }
            for reading in readings[start...] { combine(&value, reading) }
            folded[keyPath: field] = value
            return value
        }

        convenience init(_ reports: [TimelineEventPayload], park: ParkPayload, readings: [Reading], names: (_ subjects: [String]) -> [String]) {
            self.init(extending: nil, park: park, added: reports, readings: readings, names: names)
        }

        /// `prior`'s reports (none when `nil`) and `added`, read as `more`.
        private init(extending prior: Side?, park: ParkPayload, added: [TimelineEventPayload], readings more: [Reading],
                     names: (_ subjects: [String]) -> [String]) {
            // Outlets name an act's company alike: each name is read once, not once per report.
            var seen = Set(prior?.subjects ?? [])
            let new = added.flatMap(\.subjects).filter { seen.insert($0).inserted }
            // The names too: a subject the extractor took from an earlier sentence
            // (`项目由沃尔沃汽车(中国)有限公司投资建设。一期工程于…开工`) is in no report's wording.
            let named = names(new)
            reportSubjects = (prior?.reportSubjects ?? []) + added.map(\.subjects)
            self.park = park
            readings = (prior?.readings ?? []) + more
            subjects = (prior?.subjects ?? []) + new
            subjectsText = subjects.joined(separator: "\n")
            self.names = (prior?.names ?? []) + named
            nameStarts = (prior?.nameStarts ?? []) + named.map { Bigrams.pair(Array($0.unicodeScalars.prefix(2))) }
            companies = (prior?.companies ?? []) + names(new.filter(ReportResolver.isCompany))
            carried = prior.map { ($0.folded, $0.readings.count) }
        }

        /// Whether `reports` are this side's, as they were read, and maybe more, against the same park.
        func isStart(of reports: [TimelineEventPayload], park: ParkPayload) -> Bool {
            guard reports.count >= readings.count, park == self.park else { return false }
            // Field by field in place (a report bound to a name is a copy of the whole of it).
            for index in readings.indices {
                guard readings[index].report.eventId == reports[index].eventId, readings[index].report.title == reports[index].title,
                      readings[index].report.evidence == reports[index].evidence, reportSubjects[index] == reports[index].subjects
                else { return false }
            }
            return true
        }

        /// This side with `added` reports (read as `readings`): what `init` makes of all of them.
        func adding(_ added: [TimelineEventPayload], readings more: [Reading], names: (_ subjects: [String]) -> [String]) -> Side {
            Side(extending: self, park: park, added: added, readings: more, names: names)
        }

        /// Whether one of these names is in the other side's text (bytes compared:
        /// UTF-8 never matches mid-character), once its start is found there.
        func namesAppear(in other: Side) -> Bool {
            zip(names, nameStarts).contains { name, start in
                other.hasPair(start) && other.contains(name)
            }
        }

        /// Its subjects, then each report's title and wording, a line each: where `pairs` are from.
        var text: String { ([subjectsText] + readings.map(\.text)).joined(separator: "\n") }

        /// Whether a subject, or a report's title or wording, holds the two characters `pair`.
        func hasPair(_ pair: UInt64) -> Bool {
            subjectPairs.contains(pair) || readings.contains { $0.pairs.contains(pair) }
        }

        /// Whether a report's title or wording, or a subject, holds `name` (no name holds a line break).
        func contains(_ name: String) -> Bool {
            readings.contains { ReportResolver.text($0.text, contains: name) } || ReportResolver.text(subjectsText, contains: name)
        }
    }

    /// What the rules compare of one report, read against one park.
    final class Reading {
        let report: TimelineEventPayload
        let park: ParkPayload
        /// Its title and wording, a line each.
        let text: String
        /// Its title and whole wording, as sets of character pairs.
        lazy var title = Bigrams(ReportResolver.content(report.title, park: park))
        lazy var wording = Bigrams(ReportResolver.content(text, park: park))
        /// Every two adjacent characters of its title and evidence.
        lazy var pairs = Bigrams(Array(text.unicodeScalars)).pairs
        /// The names it quotes, and the gatherings it names.
        lazy var quotes = ReportResolver.quotedNames(text)
        lazy var gatherings = ReportResolver.gatheringNames(text, park: park)
        /// Its title says only that the park itself did the act.
        lazy var parksOwnAct = ReportResolver.isParksOwnAct(report.title, park: park)

        init(_ report: TimelineEventPayload, park: ParkPayload) {
            self.report = report
            self.park = park
            text = ReportResolver.text(of: [report])
        }
    }

    /// The set of adjacent character pairs of a text, for the Dice coefficient:
    /// kept in order, so two are compared in one pass without hashing.
    struct Bigrams: Sendable {
        /// Each pair once, ascending.
        let sorted: [UInt64]

        init(_ scalars: [Unicode.Scalar]) {
            var pairs: [UInt64] = []
            if scalars.count > 1 {
                pairs.reserveCapacity(scalars.count - 1)
                for index in 0..<scalars.count - 1 { pairs.append(Self.pair(scalars[index], scalars[index + 1])) }
            }
            pairs.sort()
            var unique = 0
            for pair in pairs where unique == 0 || pairs[unique - 1] != pair {
                pairs[unique] = pair
                unique += 1
            }
            pairs.removeLast(pairs.count - unique)
            sorted = pairs
        }

        var pairs: Set<UInt64> { Set(sorted) }

        /// Two adjacent characters as one number (every pair of `sorted` is one).
        static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
            UInt64(first.value) << 32 | UInt64(second.value)
        }

        /// The pair of the first two of `scalars` (names have at least two).
        static func pair(_ scalars: [Unicode.Scalar]) -> UInt64 {
            pair(scalars.first ?? "\u{0}", scalars.dropFirst().first ?? "\u{0}")
        }

        /// How many pairs the two hold both.
        func shared(with other: Bigrams) -> Int {
            let (a, b) = (sorted, other.sorted)
            var (i, j, shared) = (0, 0, 0)
            while i < a.count && j < b.count {
                if a[i] < b[j] {
                    i += 1
                } else if a[i] > b[j] {
                    j += 1
                } else {
                    shared += 1
                    i += 1
                    j += 1
                }
            }
            return shared
        }

        func dice(_ other: Bigrams) -> Double {
            guard !sorted.isEmpty, !other.sorted.isEmpty else { return 0 }
            return 2 * Double(shared(with: other)) / Double(sorted.count + other.sorted.count)
        }

        /// How much of the smaller set the larger holds, when the smaller has at
        /// least `minimum` pairs (a short title names too little to say).
        func overlap(_ other: Bigrams, minimum: Int) -> Double {
            let smaller = min(sorted.count, other.sorted.count)
            guard smaller >= minimum else { return 0 }
            return Double(shared(with: other)) / Double(smaller)
        }
    }

    /// The rule and a score (higher is surer) when `report` is of `candidate`'s act.
    func evaluate(_ report: TimelineEventPayload, _ mine: Side, _ myDates: Dates, _ candidate: TimelineEventPayload,
                  memo: inout Memo) -> (String, Double)? {
        guard TimelineEventPayload.typeClass(candidate.type) == TimelineEventPayload.typeClass(report.type),
              candidate.source.recordedBy == nil, memo.samePark(candidate.park, report.park) else { return nil }
        // Their reports' documents and dates, each report read in place (a list of them, or a
        // loop's element, is a copy of the whole event), before their side is made.
        var (nested, nextDay, exact, sameDocument) = (false, false, false, false)
        func read(_ theirs: TimelineEventPayload) {
            if let hash = report.source.documentHash, theirs.source.documentHash == hash { sameDocument = true }
            switch myDates.relation(to: Dates(theirs)) {
            case .nested: nested = true
            case .nextDay: nextDay = true
            case .apart: break
            }
            if theirs.lower == report.lower && theirs.upper == report.upper { exact = true }
        }
        if let reports = candidate.reports {
            for index in reports.indices { read(reports[index]) }
        } else {
            read(candidate)
        }
        guard !sameDocument, nested || nextDay else { return nil }
        let bonus = (exact ? 0.2 : 0) + (report.type == candidate.type ? 0.1 : 0)

        let theirs = memo.side(of: candidate, park: report.park)

        // Their names in the report first: that needs the report's pairs only, where the other
        // order reads every pair of every report of theirs (an act told by many outlets has many).
        if theirs.namesAppear(in: mine) || mine.namesAppear(in: theirs) {
            return (nested ? "same-subject" : "same-subject-next-day", 2 + bonus)
        }
        // Both name companies, and none of one side's: different acts. (A
        // project's description is worded anew by each outlet: it vetoes nothing.)
        if !mine.companies.isEmpty && !theirs.companies.isEmpty { return nil }
        guard nested else { return nil }
        if !mine.quotes.isEmpty, !mine.quotes.isDisjoint(with: theirs.quotes) { return ("same-name", 1.5 + bonus) }
        if !mine.gatherings.isEmpty, !mine.gatherings.isDisjoint(with: theirs.gatherings) { return ("same-gathering", 1.5 + bonus) }
        // A company on one side only: it must appear on the other side's text to count as the same.
        if !mine.companies.isEmpty || !theirs.companies.isEmpty { return nil }
        // `二期工程开工建设` is not `开工建设`: a phase named on one side only, or another phase, is another act.
        if mine.phases != theirs.phases { return nil }
        // The park's own act (`开发区破土动工`, `北京经济技术开发区开工建设`): a park starts, opens
        // or is founded once; two outlets' words for it share nothing but the park.
        if mine.names.isEmpty, theirs.names.isEmpty, mine.parksOwnAct, theirs.parksOwnAct {
            return ("same-park-act", 1.2 + bonus)
        }
        // The park's own act and one of something it names (`光电产业园开工建设`) are two acts, however alike the words.
        if mine.parksOwnAct != theirs.parksOwnAct { return nil }
        // The titles alone, or the whole wording: outlets retell an act in other sentences but name it alike.
        let similarity = theirs.readings.map { theirs in
            max(mine.readings[0].title.dice(theirs.title), mine.readings[0].wording.dice(theirs.wording))
        }.max() ?? 0
        if similarity >= Self.wordingThreshold { return ("same-wording", similarity + bonus) }
        // One outlet's few words for the act within the other's title (`立法院三读通过` in
        // `立法院将「组织法草案」三读通过`): their Dice is low only because one says more.
        let within = theirs.readings.map { mine.readings[0].title.overlap($0.title, minimum: Self.titleWithinMinimum) }.max() ?? 0
        if within >= Self.titleWithinThreshold { return ("title-within", Self.wordingThreshold + bonus) }
        return nil
    }

    /// Whether `text` contains `part`, compared as UTF-8 bytes (Foundation's
    /// search folds Unicode and is many times slower; names need no folding).
    static func text(_ text: String, contains part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        var haystack = text
        return haystack.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first {
                    var offset = 1
                    while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// One park under two spellings: the same id, or names whose distinctive
    /// part (without province and kind, `和林格尔` of `内蒙古和林格尔新区`) one
    /// contains at its start or end (`中韩(长春)国际示范区` and
    /// `中韩(长春)国际合作示范区`; a stray word before a name, `银行和林格尔新区`).
    public static func samePark(_ a: ParkPayload, _ b: ParkPayload) -> Bool {
        a.id == b.id || coresMatch(cores(of: a), cores(of: b))
    }

    /// The distinctive parts of a park's name and aliases.
    public static func cores(of park: ParkPayload) -> [String] {
        ([park.name] + park.aliases).map(core(of:))
    }

    /// Whether one of `a`'s distinctive names starts or ends one of `b`'s (or the reverse).
    public static func coresMatch(_ a: [String], _ b: [String]) -> Bool {
        for p in a {
            for q in b {
                let (short, long) = p.count <= q.count ? (p, q) : (q, p)
                // A city alone (`苏州` of 苏州工业园区 and 苏州高新区) names no one park.
                guard short.count >= 3 else { continue }
                if long.hasPrefix(short) || long.hasSuffix(short) { return true }
            }
        }
        return false
    }

    /// A park name without its province or region and its kind's ending.
    static func core(of name: String) -> String {
        var core = Substring(name)
        if let place = places.first(where: { core.hasPrefix($0) }) { core = core.dropFirst(place.count) }
        if let ending = kindEndings.first(where: { core.hasSuffix($0) }) { core = core.dropLast(ending.count) }
        return String(core)
    }

    static let kindEndings = ["高新技术产业开发区", "经济技术开发区", "综合保税区", "高新技术开发区", "经济开发区", "工业园区", "科学园区", "示范区",
                              "开发区", "高新区", "经开区", "综保区", "保税区", "科技城", "产业园", "科技园", "合作区", "试验区", "新区", "园区"]
        .sorted { $0.count > $1.count }

    enum DateRelation { case nested, nextDay, apart }

    /// A report's dates as the rules compare them: its bounds, and its day's number when it is known to the day.
    struct Dates {
        var lower: String
        var upper: String
        var day: Int?

        init(_ report: TimelineEventPayload) {
            (lower, upper) = (report.lower, report.upper)
            day = report.precision == "day" ? ReportResolver.dayNumber(report.lower) : nil
        }

        /// How two reports' dates relate: one within the other, one day apart (both days), or neither.
        func relation(to other: Dates) -> DateRelation {
            if (lower <= other.lower && other.upper <= upper) || (other.lower <= lower && upper <= other.upper) { return .nested }
            if let day, let theirs = other.day, abs(day - theirs) == 1 { return .nextDay }
            return .apart
        }
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD` (the proleptic Gregorian calendar).
    static func dayNumber(_ text: String) -> Int? {
        // Three runs of digits between hyphens, read from the bytes (splitting the text cost more than the rest).
        var parts = (0, 0, 0)
        var (count, digits) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                guard digits > 0, count < 2 else { return nil }
                (count, digits) = (count + 1, 0)
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), digits < 9 {
                let digit = Int(byte - UInt8(ascii: "0"))
                switch count {
                case 0: parts.0 = parts.0 * 10 + digit
                case 1: parts.1 = parts.1 * 10 + digit
                default: parts.2 = parts.2 * 10 + digit
                }
                digits += 1
            } else {
                return nil
            }
        }
        guard count == 2, digits > 0 else { return nil }
        let (year, month, day) = (parts.1 <= 2 ? parts.0 - 1 : parts.0, parts.1, parts.2)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Title and evidence of the reports, as one text to look names up in.
    static func text(of reports: [TimelineEventPayload]) -> String {
        reports.map { $0.title + "\n" + ($0.evidence ?? "") }.joined(separator: "\n")
    }

    /// What names a company or project across outlets: its brand, the two to
    /// four characters after any place name (`苏州星河新材料有限公司` → `星河`,
    /// `星河新`, `星河新材`). Outlets shorten the rest (`芯跃半导体装备有限公司`
    /// is `芯跃装备` in the next paper), rarely the brand.
    static func names(_ subjects: [String], park: ParkPayload) -> [String] {
        // The longest first; the provinces are sorted once, the park's own two added in their place.
        var places = Self.placesLongestFirst
        for place in [park.city].compactMap({ $0 }) + [String(park.name.prefix(2))] {
            places.insert(place, at: places.firstIndex { $0.count < place.count } ?? places.endIndex)
        }
        return subjects.flatMap { subject -> [String] in
            var name = Substring(subject)
            for word in Self.leadingWords where name.hasPrefix(word) && name.count > word.count + 2 { name = name.dropFirst(word.count) }
            for _ in 0..<2 {
                guard let place = places.first(where: { name.hasPrefix($0) && name.count > $0.count + 2 }) else { break }
                name = name.dropFirst(place.count)
                if name.hasPrefix("市") || name.hasPrefix("省") { name = name.dropFirst() }
            }
            // A brand may mix scripts (`硬x光`, `TCL华星`), but starts with a Chinese character.
            guard name.first?.unicodeScalars.allSatisfy(\.properties.isIdeographic) == true else { return [] }
            let brand = name.prefix(while: { $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic || ("a"..."z").contains($0) || ("A"..."Z").contains($0) } })
            guard brand.count >= 2, !Self.genericStarts.contains(where: { brand.hasPrefix($0) }) else { return [] }
            return (2...min(4, brand.count)).map { String(brand.prefix($0)) }
        }
    }

    /// Provinces, regions and the country, which start many company names.
    static let places = ["中国", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
                         "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
                         "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"]

    static let placesLongestFirst = places.sorted { $0.count > $1.count }

    /// A company's name (its legal ending), not a project's or a delegation's.
    static func isCompany(_ subject: String) -> Bool {
        ["公司", "集团", "株式会社", "研究院"].contains { subject.hasSuffix($0) }
    }

    /// Words a clause puts before a name (`企业海擎重工` is 海擎重工).
    static let leadingWords = ["企业", "由", "与", "和", "及", "是"]

    /// Starts of names that are descriptions, not brands.
    static let genericStarts = ["年产", "国家", "高端", "新建", "一期", "二期", "三期", "重点", "重大", "总部", "研发", "智能", "中心", "产业",
                                "国际", "全球", "新型", "先进", "该", "本", "首", "多个", "一批", "市级", "省级", "区级", "全市", "全省",
                                "举行", "举办", "同时", "同日", "一方面", "嘉宾", "集中", "各", "签约", "签署", "开工", "秋季", "春季",
                                "基础", "其中", "另有", "解", "紧邻", "以及", "包括", "还有", "有关"]

    /// Names of gatherings (`民营企业座谈会`, `重点项目建设推进会`): the run of
    /// Chinese characters ending in a gathering's word, without the verb and
    /// the park before it, at least five characters.
    static func gatheringNames(_ text: String, park: ParkPayload) -> Set<String> {
        var names = Set<String>()
        let text = blankingParkNames(text, park: park)
        for ending in gatheringEndings {
            var searchStart = 0
            while let found = firstIndex(of: ending, in: text, from: searchStart) {
                var start = found
                while start > 0, found - start < 16, Self.isIdeographic(text[start - 1]) { start -= 1 }
                var name = text[start..<found + ending.count]
                for verb in gatheringVerbs {
                    if let at = lastIndex(of: verb, in: name) { name = name[(at + verb.count)...] }
                }
                if name.count >= 5 { names.insert(string(name)) }
                searchStart = found + ending.count
            }
        }
        return names
    }

    static let gatheringEndings = ["座谈会", "推进会", "推介会", "签约会", "洽谈会", "博览会", "交易会", "发布会", "论坛", "峰会", "大会", "年会"]
        .map { Array($0.unicodeScalars) }
    static let gatheringVerbs = ["召开", "举行", "举办", "组织", "主办", "承办", "出席", "参加"].map { Array($0.unicodeScalars) }

    /// Names in quotation marks or title marks: 《…》, “…”, 「…」.
    static func quotedNames(_ text: String) -> Set<String> {
        var names = Set<String>()
        let scalars = Array(text.unicodeScalars)
        for (open, close) in [("《", "》"), ("“", "”"), ("「", "」"), ("\"", "\"")] as [(Unicode.Scalar, Unicode.Scalar)] {
            var index = 0
            while let start = scalars[index...].firstIndex(of: open),
                  let end = scalars[(start + 1)...].firstIndex(of: close) {
                let name = string(scalars[(start + 1)..<end])
                if name.count >= 3 && name.count <= 40 { names.insert(name) }
                index = end + 1
            }
        }
        return names
    }

    /// The phases a text names: `一期` to `十期` and `首期` (not how many
    /// there are: `分三期建设`).
    static func phases(in text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        var found = Set<String>()
        for index in scalars.indices.dropFirst() where scalars[index] == "期" && "一二三四五六七八九十首".unicodeScalars.contains(scalars[index - 1])
            && !(index >= 2 && "分共".unicodeScalars.contains(scalars[index - 2])) {
            found.insert(string(scalars[(index - 1)...index]))
        }
        return found
    }

    /// Whether a title names nothing but the park and its act: with the
    /// park's names, words for a kind of park, the act's words and the date
    /// taken out, no Han character is left (`开发区破土动工`, `交通大学张江科技园于2018年4月开工建设`).
    static func isParksOwnAct(_ title: String, park: ParkPayload) -> Bool {
        var rest = blankingParkNames(title, park: park)
        for word in parksOwnActWords { rest = blanking(word, in: rest) }
        return !rest.contains { Self.isIdeographic($0) }
    }

    /// `kindEndings` then `parkActWords`, as blanked in that order.
    static let parksOwnActWords = (kindEndings + parkActWords).map { Array($0.unicodeScalars) }

    /// What a park's own start, opening or founding is said with, and the date's words around it
    /// (`2月7日上午举行的揭牌仪式`).
    static let parkActWords = ["破土动工", "开工建设", "正式", "开工", "动工", "奠基", "建设", "揭牌", "成立", "开园", "启用",
                               "举行", "仪式", "去年", "今年", "上午", "下午", "于", "的", "年", "月", "日"]

    /// The text's Han characters without dates and the park's names.
    static func content(_ text: String, park: ParkPayload) -> [Unicode.Scalar] {
        blankingParkNames(text, park: park).filter { Self.isIdeographic($0) && !"年月日".unicodeScalars.contains($0) }
    }

    /// `properties.isIdeographic`, without the property tables for the usual
    /// case: the CJK Unified Ideographs block is all ideographs, and nothing
    /// below U+3000 is one (a test holds this for every scalar).
    @inline(__always)
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF: true
        case ..<0x3000: false
        default: scalar.properties.isIdeographic
        }
    }

    /// The text with each of the park's names (longest first) replaced by a space.
    static func blankingParkNames(_ text: String, park: ParkPayload) -> [Unicode.Scalar] {
        var scalars = Array(text.unicodeScalars)
        for name in ([park.name] + park.aliases).map({ Array($0.unicodeScalars) }).sorted(by: { $0.count > $1.count }) {
            scalars = blanking(name, in: scalars)
        }
        return scalars
    }

    /// `scalars` with each occurrence of `needle` replaced by a space.
    static func blanking(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !needle.isEmpty, firstIndex(of: needle, in: scalars, from: 0) != nil else { return scalars }
        var blanked: [Unicode.Scalar] = []
        blanked.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == needle[0], scalars[index...].starts(with: needle) {
                blanked.append(" ")
                index += needle.count
            } else {
                blanked.append(scalars[index])
                index += 1
            }
        }
        return blanked
    }

    /// Where `needle` first occurs in `scalars` at or after `start`.
    static func firstIndex(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard let first = needle.first, scalars.count >= needle.count else { return nil }
        var index = start
        while index <= scalars.count - needle.count {
            if scalars[index] == first && scalars[index...].starts(with: needle) { return index }
            index += 1
        }
        return nil
    }

    /// Where `needle` last occurs in `scalars` (an index of `scalars`).
    static func lastIndex(of needle: [Unicode.Scalar], in scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard scalars.count >= needle.count else { return nil }
        var index = scalars.endIndex - needle.count
        while index >= scalars.startIndex {
            if scalars[index...].starts(with: needle) { return index }
            index -= 1
        }
        return nil
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
