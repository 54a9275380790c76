import Crypto
import Foundation

/// Turns one document into the dated, typed, attributed events it reports.
///
/// Pure and deterministic: no I/O, the same input and version give the same
/// events with the same ids. Steps: normalise → sentences → time expressions
/// resolved in reading order → triggers → dates paired with triggers →
/// subjects, amounts and park → duplicates merged.
public struct Extractor: Sendable {
    /// Bump when the rules change: a newer version re-reads documents and
    /// records corrections and retractions for what changed.
    public static let version = "parkline-extract/1.0.0"

    public let gazetteer: ParkGazetteer

    public init(gazetteer: ParkGazetteer) {
        self.gazetteer = gazetteer
    }

    /// Continuation words: a sentence opening with one of them, with a trigger
    /// but no date, reports a detail of the previous dated sentence.
    static let continuationMarkers = ["其中", "同样", "当天", "当日", "会上", "随后", "期间", "仪式上"]
    static let topicFields: Set<String> = ["主题", "会议名称", "活动名称"]

    public func extract(_ document: SourceDocument) throws(ExtractionError) -> ExtractionResult {
        let text = NormalizedText(document.text)
        let scalars = text.scalars
        guard scalars.contains(where: { !$0.properties.isWhitespace }) else { throw .emptyText(document: document.name) }
        let allSentences = Segmenter(scalars: scalars).sentences()
        let pageDate = PublicationDateFinder(scalars: scalars).find(in: allSentences)
        let sentences = allSentences.filter { !$0.isChrome }
        guard let published = pageDate ?? document.published else { throw .noPublicationDate(document: document.name) }
        let documentHash = SHA256.hash(data: Data(String(String.UnicodeScalarView(scalars)).utf8))
            .map { String(format: "%02x", $0) }.joined()

        let parks = DocumentParks(scanner: ParkNameScanner(scalars: scalars, gazetteer: gazetteer), sentences: sentences)
        let mainPark = parks.subject
        let scanner = TimeExpressionScanner(scalars: scalars)
        let lexicon = TriggerLexicon(scalars: scalars)
        let subjectFinder = SubjectFinder(scalars: scalars)
        let amountParser = AmountParser(scalars: scalars)
        var resolver = DateResolver(published: published)
        var drafts: [Draft] = []
        var lastDated: (groups: [DateGroup], sentence: Int, drafts: [Int])?
        var headerDay: DateGroup?

        for (sentenceIndex, sentence) in sentences.enumerated() {
            resolver.startSentence()
            var resolved: [(TimeMention, EventDate)] = []
            for mention in scanner.scan(sentence.range) {
                if let date = resolver.resolve(mention) { resolved.append((mention, date)) }
            }
            if sentence.fieldLabel == "时间", let first = resolved.first, first.1.precision == .day {
                // A transcript's header: "today" in its body is this day.
                resolver.today = first.1.lower
                headerDay = DateGroup(dates: [first], range: first.0.range)
            }
            let groups = DateGroup.group(resolved.filter { !$0.0.isPeriodStart }, scalars: scalars)
            let triggers = lexicon.triggers(in: sentence.range) { clauseStart(of: $0, in: sentence.range, scalars: scalars) }
            guard !triggers.isEmpty else {
                if !groups.isEmpty { lastDated = (groups, sentenceIndex, []) }
                continue
            }
            var effectiveGroups = groups
            var inheritedFrom: [Int] = []
            if groups.isEmpty {
                if let field = sentence.fieldLabel, Self.topicFields.contains(field), let headerDay {
                    effectiveGroups = [headerDay]
                } else if let last = lastDated, sentenceIndex - last.sentence <= 2,
                          Self.continuationMarkers.contains(where: { lexicon.matches($0, at: sentence.range.lowerBound, in: sentence.range) }) {
                    effectiveGroups = last.groups
                    inheritedFrom = last.drafts
                } else {
                    continue
                }
            }
            let inherited = groups.isEmpty
            var produced: [Int] = []
            for (groupIndex, group) in effectiveGroups.enumerated() {
                let mine = triggers.filter { trigger in
                    inherited ? true : Self.groupIndex(for: trigger.range.lowerBound, groups: effectiveGroups) == groupIndex
                }
                guard let trigger = mine.first else { continue }
                guard group.dates.allSatisfy({ $0.1.precision <= .month }) else { continue }
                let scopeStart = inherited ? sentence.range.lowerBound : (groupIndex == 0 ? sentence.range.lowerBound : group.range.lowerBound)
                let scopeEnd = inherited || groupIndex + 1 >= effectiveGroups.count ? sentence.range.upperBound : effectiveGroups[groupIndex + 1].range.lowerBound
                let scope = scopeStart..<scopeEnd
                let subjects = subjectFinder.subjects(in: scope)
                let park = parks.park(forTrigger: trigger.range.lowerBound,
                                      clause: clauseStart(of: trigger.range.lowerBound, in: sentence.range, scalars: scalars)..<trigger.range.lowerBound,
                                      sentence: sentence.range)
                let amounts = amountParser.investments(in: scope)
                let pairs = Self.pair(group: group, subjects: subjects, trigger: trigger, scalars: scalars)
                let sharedTitle = title(trigger: trigger.range, subject: nil, scope: scope, scalars: scalars)
                for (dateEntry, eventSubjects) in pairs.prefix(Self.maximumEventsPerGroup) {
                    let draft = Draft(
                        type: trigger.type,
                        date: dateEntry.1,
                        expressionRange: dateEntry.0.range,
                        sentence: sentence.range,
                        trigger: trigger.range,
                        subjects: eventSubjects.map(\.name),
                        amounts: amounts,
                        park: park,
                        title: eventSubjects.count == 1 && pairs.count > 1
                            ? title(trigger: trigger.range, subject: eventSubjects.first, scope: scope, scalars: scalars)
                            : sharedTitle
                    )
                    produced.append(drafts.count)
                    drafts.append(draft)
                }
            }
            // "其中…" details replace a subject-less summary of the same kind.
            if !inheritedFrom.isEmpty, let detailType = produced.first.map({ drafts[$0].type }) {
                for parent in inheritedFrom where drafts[parent].type == detailType && drafts[parent].subjects.isEmpty {
                    drafts[parent].dropped = true
                }
            }
            if !groups.isEmpty { lastDated = (groups, sentenceIndex, produced) }
            else if let last = lastDated { lastDated = (last.groups, sentenceIndex, last.drafts) }
        }

        let events = merge(drafts.filter { !$0.dropped }).map { draft in
            makeEvent(draft, text: text, document: document, hash: documentHash, published: published)
        }
        let title = sentences.first.map { text.text($0.range) } ?? document.name
        return ExtractionResult(
            documentHash: documentHash, published: published,
            publishedFrom: pageDate != nil ? "page" : "caller",
            title: String(title.prefix(80)), mainPark: mainPark, events: events,
            characterCount: text.original.count
        )
    }

    // MARK: Drafts

    struct Draft {
        var type: EventType
        var date: EventDate
        var expressionRange: Range<Int>
        var sentence: Range<Int>
        var trigger: Range<Int>
        var subjects: [String]
        var amounts: [Amount]
        var park: Park?
        var title: String
        var dropped = false
    }

    /// Dates listed together (`6月24日、27日`) form one group; each group can carry events.
    struct DateGroup {
        var dates: [(TimeMention, EventDate)]
        var range: Range<Int>

        static func group(_ resolved: [(TimeMention, EventDate)], scalars: [Unicode.Scalar]) -> [DateGroup] {
            var groups: [DateGroup] = []
            for entry in resolved {
                if var last = groups.last, entry.0.range.lowerBound - last.range.upperBound <= 1,
                   entry.0.range.lowerBound == last.range.upperBound || ["、", "和", "及"].contains(scalars[last.range.upperBound]) {
                    last.dates.append(entry)
                    last.range = last.range.lowerBound..<entry.0.range.upperBound
                    groups[groups.count - 1] = last
                } else {
                    groups.append(DateGroup(dates: [entry], range: entry.0.range))
                }
            }
            return groups
        }
    }

    /// The group a trigger belongs to: the last one before it, else the first.
    static func groupIndex(for position: Int, groups: [DateGroup]) -> Int {
        var chosen = 0
        for (index, group) in groups.enumerated() where group.range.lowerBound <= position {
            chosen = index
        }
        return chosen
    }

    /// A "list" of more dates than this is a table, not events of one sentence.
    static let maximumEventsPerGroup = 50

    static let splittable: Set<EventType> = [.signing, .groundbreaking, .completion, .opening]

    /// One event per listed date and subject when they pair up
    /// (`6月24日、27日，A公司、B项目签约` → two signings); otherwise one per date.
    static func pair(group: DateGroup, subjects: [SubjectFinder.Subject], trigger: TriggerLexicon.Trigger,
                     scalars: [Unicode.Scalar]) -> [((TimeMention, EventDate), [SubjectFinder.Subject])] {
        let actors = subjects.filter { $0.range.upperBound <= trigger.range.lowerBound }
        let listed = actors.count >= 2 && zip(actors, actors.dropFirst()).allSatisfy { first, second in
            second.range.lowerBound > first.range.upperBound
                && scalars[first.range.upperBound..<second.range.lowerBound].contains("、")
        }
        if splittable.contains(trigger.type), listed {
            if group.dates.count == actors.count {
                return zip(group.dates, actors).map { ($0, [$1]) }
            }
            if group.dates.count == 1 {
                return actors.map { (group.dates[0], [$0]) }
            }
        }
        return group.dates.map { ($0, subjects) }
    }

    /// Drafts that say the same thing (same type and date, no conflicting subjects) are one event.
    func merge(_ drafts: [Draft]) -> [Draft] {
        var kept: [Draft] = []
        for draft in drafts {
            let duplicate = kept.contains { other in
                other.type == draft.type && other.date.formatted == draft.date.formatted
                    && (other.subjects.isEmpty || draft.subjects.isEmpty || !Set(other.subjects).isDisjoint(with: draft.subjects))
            }
            if !duplicate { kept.append(draft) }
        }
        return kept
    }

    private func makeEvent(_ draft: Draft, text: NormalizedText, document: SourceDocument, hash: String, published: CivilDate) -> ExtractedEvent {
        let evidenceRange = text.originalRange(from: draft.sentence.lowerBound, to: draft.sentence.upperBound)
        let key = "\(hash):\(evidenceRange.lowerBound):\(evidenceRange.upperBound):\(draft.type.rawValue):\(draft.date.formatted):\(draft.subjects.first ?? "")"
        return ExtractedEvent(
            id: Self.deterministicID(key),
            type: draft.type,
            date: draft.date,
            expression: text.originalText(from: draft.expressionRange.lowerBound, to: draft.expressionRange.upperBound),
            park: draft.park ?? Park(id: "unknown", name: "未知园区"),
            title: draft.title,
            evidence: text.originalText(from: draft.sentence.lowerBound, to: draft.sentence.upperBound),
            subjects: draft.subjects,
            amounts: draft.amounts,
            provenance: .init(
                document: document.name, documentHash: hash,
                start: evidenceRange.lowerBound, end: evidenceRange.upperBound,
                published: published, extractorVersion: Self.version
            )
        )
    }

    /// A name-based (version 5 style) UUID from SHA-256 of `key`.
    static func deterministicID(_ key: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(key.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    // MARK: Text pieces

    /// Clauses longer than this are cut: bounds the work on pathological input.
    static let maximumClauseLength = 200

    func clauseStart(of position: Int, in span: Range<Int>, scalars: [Unicode.Scalar]) -> Int {
        var index = position
        let limit = max(span.lowerBound, position - Self.maximumClauseLength)
        while index > limit, ![",", ";", ":", "。"].contains(scalars[index - 1]) { index -= 1 }
        return index
    }

    func clauseEnd(of position: Int, in span: Range<Int>, scalars: [Unicode.Scalar]) -> Int {
        var index = position
        let limit = min(span.upperBound, position + Self.maximumClauseLength)
        while index < limit, ![",", ";", "。", "!", "?"].contains(scalars[index]) { index += 1 }
        return index
    }

    /// A short title: the clause of the trigger, or subject + predicate when split.
    func title(trigger: Range<Int>, subject: SubjectFinder.Subject?, scope: Range<Int>, scalars: [Unicode.Scalar]) -> String {
        let end = clauseEnd(of: trigger.upperBound, in: scope, scalars: scalars)
        if let subject {
            let predicate = String(String.UnicodeScalarView(scalars[trigger.lowerBound..<min(end, trigger.lowerBound + 12)]))
            return subject.name + predicate
        }
        var start = clauseStart(of: trigger.lowerBound, in: scope, scalars: scalars)
        if trigger.lowerBound - start < 4, start > scope.lowerBound {
            start = clauseStart(of: start - 1, in: scope, scalars: scalars)
        }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
            .trimmingCharacters(in: CharacterSet(charactersIn: " ,:;“”\"◆"))
        if text.unicodeScalars.count > 48 {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(47))) + "…"
        }
        return text
    }
}
