/// The parks one document talks about: the park it is about (its subject),
/// and which park each of its events belongs to.
///
/// The subject is the park named most, counting the title and the lead
/// three times; known and discovered names compete on equal terms, so a
/// gazetteer park mentioned in passing never captures a page about another.
/// Spellings of one park (`长沙经开区`, `长沙经济技术开发区`) count together.
struct DocumentParks {
    let subject: Park?
    private let mentions: [ParkNameScanner.Mention]
    private let scalars: [Unicode.Scalar]
    /// Identity of a shorter spelling → identity of the park it is short for (`江东新区` → `海口市江东新区`).
    private var shorterNames: [String: String] = [:]

    /// Short forms that can stand for a page's park on their own (`高新区` in a page that never names it fully).
    static let standaloneShortForms: Set<String> = ["经开区", "开发区", "高新区", "综保区", "新区", "示范区", "科技城",
                                                     "经济技术开发区", "综合保税区", "高新技术产业开发区"]

    private struct Candidate {
        var park: Park
        var points: Int
        var first: Int
        var kind: ParkKind? { ParkKind.split(park.name)?.kind }
    }

    /// `chrome`: header and footer lines (`来源：岳阳经济技术开发区`); a park named there counts once
    /// toward the page's park but dates nothing.
    init(scanner: ParkNameScanner, sentences: [Sentence], chrome: [Sentence] = [], titleSentences: Int = 3) {
        scalars = scanner.scalars
        var all: [ParkNameScanner.Mention] = []
        var candidates: [String: Candidate] = [:]
        var shortForms: [String: (count: Int, first: Int)] = [:]
        var aliasOf: [String: String] = [:]
        let lines = sentences.enumerated().map { ($0.element, $0.offset < titleSentences ? 3 : 1) } + chrome.map { ($0, 1) }
        for (sentence, weight) in lines {
            let found = scanner.mentions(in: sentence.range).filter { !sentence.isChrome || $0.form != .short }
            if !sentence.isChrome { all += found }
            for mention in found {
                if mention.form == .short {
                    let entry = shortForms[mention.park.name] ?? (0, mention.range.lowerBound)
                    shortForms[mention.park.name] = (entry.count + weight, entry.first)
                    continue
                }
                let key = Self.identity(mention.park)
                var entry = candidates[key] ?? Candidate(park: mention.park, points: 0, first: mention.range.lowerBound)
                // A discovered name that does not start with a known place may be a phrase (`拖慢新区`): it counts half.
                let confident = mention.form == .known || scanner.gazetteer.startsWithPlace(mention.park.name)
                entry.points += (mention.isPlace ? weight : weight * 2) * (confident ? 2 : 1)
                // The fuller spelling names a discovered park (`株洲经济开发区` over `株洲经开区`).
                if mention.form == .discovered, entry.park.id.hasPrefix("discovered-"), mention.park.name != entry.park.name {
                    let (longer, shorter) = mention.park.name.count > entry.park.name.count ? (mention.park, entry.park) : (entry.park, mention.park)
                    entry.park = Self.merged(longer, with: shorter)
                }
                candidates[key] = entry
            }
        }
        mentions = all
        // A short form counts for the named park of its kind; with none, it is a candidate of its own.
        for (key, candidate) in candidates where candidate.park.id.hasPrefix("discovered-") {
            // A shorter spelling (`江东新区` of `海口市江东新区`) or a declared alias (`…创业园(下称"珠海台创园")`).
            // Of several longer names, the one that starts with a known place and is named most
            // (`沈阳浑南科技城`, not `前浑南科技城` picked up from `年底前浑南科技城`), whatever the order.
            guard let longer = candidates.filter({ other in
                other.key != key && other.value.park.name.count > candidate.park.name.count
                    && ((other.value.park.name.hasSuffix(candidate.park.name) && other.value.kind == candidate.kind)
                        || other.value.park.aliases.contains(candidate.park.name))
            }).max(by: { first, second in
                let a = (scanner.gazetteer.startsWithPlace(first.value.park.name) ? 1 : 0, first.value.points)
                let b = (scanner.gazetteer.startsWithPlace(second.value.park.name) ? 1 : 0, second.value.points)
                return a != b ? a < b : first.key > second.key
            }) else { continue }
            candidates[longer.key]?.points += candidate.points
            candidates[longer.key]?.park.aliases.append(candidate.park.name)
            aliasOf[key] = longer.key
            candidates[key] = nil
        }
        let named = !candidates.isEmpty
        // Read only when a short form stands alone, once.
        lazy var citiesNamed = scanner.gazetteer.cities(in: scanner.scalars)
        for (form, entry) in shortForms where Self.standaloneShortForms.contains(form) {
            guard let kind = ParkKind.split("某" + form)?.kind else { continue }
            if let key = candidates.filter({ $0.value.kind == kind }).max(by: { ($0.value.points, $1.key) < ($1.value.points, $0.key) })?.key {
                candidates[key]?.points += 2 * entry.count
            } else if let park = Self.cityPark(form, gazetteer: scanner.gazetteer, cities: citiesNamed) {
                // `高新区` on a page that names 大庆 (in `大庆项目`, `大庆整车制造基地`) and no park of that kind: 大庆高新区.
                candidates[park.id] = Candidate(park: park, points: 4 * entry.count, first: entry.first)
            } else if !named {
                candidates[form] = Candidate(park: Park(id: "discovered-" + ParkGazetteer.slug(form), name: form),
                                             points: 4 * entry.count, first: entry.first)
            }
        }
        subject = candidates.values.max(by: { ($0.points, -$0.first) < ($1.points, -$1.first) })?.park
        shorterNames = aliasOf
    }

    /// The one known park of a short form's kind (`高新区`) in a city the text
    /// names: `nil` when it names none, or several with such a park.
    static func cityPark(_ form: String, gazetteer: ParkGazetteer, cities: Set<String>) -> Park? {
        var found: [String: Park] = [:]
        for place in cities {
            if let key = ParkKind.key(place + form), let park = gazetteer.park(key: key) { found[park.id] = park }
        }
        return found.count == 1 ? found.values.first : nil
    }

    private static func identity(_ park: Park) -> String {
        if !park.id.hasPrefix("discovered-") { return park.id }
        return ParkKind.key(park.name) ?? park.name
    }

    private static func merged(_ longer: Park, with shorter: Park) -> Park {
        var park = longer
        for name in shorter.names where name != park.name && !park.aliases.contains(name) { park.aliases.append(name) }
        return park
    }

    /// Whether a stretch of text names the page's park, by name or by a short form of its kind (`新区`, `该区`).
    func namesSubject(in range: Range<Int>) -> Bool {
        guard let subject else { return false }
        let identity = Self.identity(subject)
        let kind = ParkKind.split(subject.name)?.kind
        return mentions.contains { mention in
            guard range.contains(mention.range.lowerBound) else { return false }
            if mention.form == .short { return mention.kind == nil || mention.kind == kind || mention.park.name == "园区" }
            let other = Self.identity(mention.park)
            return (shorterNames[other] ?? other) == identity
        }
    }

    /// Who an event belongs to.
    enum Attribution {
        /// `named`: the clause names this park (as its actor or the venue of the act).
        case park(Park, named: Bool)
        /// A county or city acts, not a park (`湘潭县在仪式上签约4个项目`): not the park's event.
        case otherActor(String)
        case none
    }

    /// The park of an event whose trigger is at `trigger` in `clause`: a park
    /// the clause names before its trigger as the actor, else the subject.
    func attribution(forTrigger trigger: Int, type: EventType, clause: Range<Int>, sentence: Range<Int>) -> Attribution {
        let inClause = mentions.filter { clause.contains($0.range.lowerBound) && $0.range.upperBound <= trigger && $0.form != .short }
        // The clause's subject: its first park that is not a destination or venue; else, but for a
        // visit (whose destination is elsewhere), the venue (`项目在X综合保税区开工`).
        // A visit to the page's park is the park's event, whoever came (`济南…一行来到邹城经济开发区参观考察`).
        if type == .visit, let subject, inClause.contains(where: { Self.identity($0.park) == Self.identity(subject) }) {
            return .park(subject, named: true)
        }
        if let actor = inClause.first(where: { !$0.isPlace }) ?? (type == .visit ? nil : inClause.last) {
            let identity = Self.identity(actor.park)
            if let subject, (shorterNames[identity] ?? identity) == Self.identity(subject) { return .park(subject, named: true) }
            return .park(actor.park, named: true)
        }
        let namesAPark = mentions.contains { sentence.contains($0.range.lowerBound) }
        if inClause.isEmpty, !namesAPark, let place = otherActor(at: clause.lowerBound, before: trigger) { return .otherActor(place) }
        return subject.map { .park($0, named: false) } ?? .none
    }

    /// A county, city or district opening the clause as its subject (`湘潭县在…`, `灵武市签约…`, `兴庆区签约…`).
    private func otherActor(at start: Int, before trigger: Int) -> String? {
        var index = start
        while index < trigger, !scalars[index].isHan { index += 1 }
        let nameStart = index
        while index < trigger, index - nameStart < 5, scalars[index].isHan, !["县", "市", "区"].contains(scalars[index]),
              !ParkNameScanner.stoppers.contains(scalars[index]) { index += 1 }
        guard index < trigger, index - nameStart >= 2, ["县", "市", "区"].contains(scalars[index]), scalars[index - 1] != "城" else { return nil }
        // `兴庆区` is a district; `…新区`, `…园区`, `…开发区` are parks.
        let name = String(String.UnicodeScalarView(scalars[nameStart...index]))
        if scalars[index] == "区", ParkKind.split(name) != nil || name.hasSuffix("园区") { return nil }
        let after = index + 1
        guard after < scalars.count else { return nil }
        // `…市经济技术开发区` is a park; `…市委`, `…市政府` speak for the city but may report the park's act.
        if ["经", "开", "高", "新", "综", "保", "委", "政", "长", "领", "人", "民"].contains(scalars[after]) { return nil }
        return name
    }
}
