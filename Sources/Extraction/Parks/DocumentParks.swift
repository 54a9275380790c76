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

    /// Short forms that can stand for a page's park on their own (`高新区` in a page that never names it fully).
    static let standaloneShortForms: Set<String> = ["经开区", "开发区", "高新区", "综保区", "新区", "示范区", "科技城",
                                                     "经济技术开发区", "综合保税区", "高新技术产业开发区"]

    private struct Candidate {
        var park: Park
        var points: Int
        var first: Int
        var kind: ParkKind? { ParkKind.split(park.name)?.kind }
    }

    init(scanner: ParkNameScanner, sentences: [Sentence], titleSentences: Int = 3) {
        var all: [ParkNameScanner.Mention] = []
        var candidates: [String: Candidate] = [:]
        var shortForms: [String: (count: Int, first: Int)] = [:]
        for (index, sentence) in sentences.enumerated() {
            let found = scanner.mentions(in: sentence.range)
            all += found
            let weight = index < titleSentences ? 3 : 1
            for mention in found {
                if mention.form == .short {
                    let entry = shortForms[mention.park.name] ?? (0, mention.range.lowerBound)
                    shortForms[mention.park.name] = (entry.count + weight, entry.first)
                    continue
                }
                let key = Self.identity(mention.park)
                var entry = candidates[key] ?? Candidate(park: mention.park, points: 0, first: mention.range.lowerBound)
                entry.points += mention.isPlace ? weight : weight * 2
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
        for (form, entry) in shortForms where Self.standaloneShortForms.contains(form) {
            guard let kind = ParkKind.split("某" + form)?.kind else { continue }
            if let key = candidates.keys.sorted().first(where: { candidates[$0]?.kind == kind }) {
                candidates[key]?.points += entry.count
            } else {
                candidates[form] = Candidate(park: Park(id: "discovered-" + ParkGazetteer.slug(form), name: form),
                                             points: 2 * entry.count, first: entry.first)
            }
        }
        subject = candidates.values.max(by: { ($0.points, -$0.first) < ($1.points, -$1.first) })?.park
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

    /// The park of an event whose trigger is at `trigger` in `clause`: a park
    /// the clause names before its trigger as the actor, else the subject.
    func park(forTrigger trigger: Int, clause: Range<Int>, sentence: Range<Int>) -> Park? {
        let inClause = mentions.filter { clause.contains($0.range.lowerBound) && $0.range.upperBound <= trigger && $0.form != .short }
        // The clause's subject: its first park that is not a destination or venue.
        if let actor = inClause.first(where: { !$0.isPlace }) {
            if let subject, Self.identity(actor.park) == Self.identity(subject) { return subject }
            return actor.park
        }
        return subject
    }
}
