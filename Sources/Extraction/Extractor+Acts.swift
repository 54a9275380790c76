extension Extractor {
    /// A headline: a short line without a full stop. Its body dates it, not the line above.
    static func isHeadline(_ range: Range<Int>, scalars: [Unicode.Scalar]) -> Bool {
        range.count <= 40 && !scalars[range].contains(where: { ["。", "!", "?", ";"].contains($0) })
    }

    /// A page about a city's year (`洛阳30个年度记忆`) reports the park in a few of its
    /// paragraphs: when fewer than half the paragraphs with events name a park, only
    /// those that do report the park's acts.
    static func focused(_ drafts: [Draft], sentences: [Sentence], parks: DocumentParks) -> [Draft] {
        let paragraphOf = Dictionary(sentences.map { ($0.range.lowerBound, $0.paragraph) }, uniquingKeysWith: { first, _ in first })
        var paragraphRanges: [Int: Range<Int>] = [:]
        for sentence in sentences {
            let current = paragraphRanges[sentence.paragraph]
            paragraphRanges[sentence.paragraph] = (current?.lowerBound ?? sentence.range.lowerBound)..<sentence.range.upperBound
        }
        let eventParagraphs = Set(drafts.compactMap { paragraphOf[$0.sentence.lowerBound] })
        let naming = Set(eventParagraphs.filter { paragraph in paragraphRanges[paragraph].map(parks.namesSubject(in:)) ?? false })
        guard eventParagraphs.count >= 3, naming.count * 2 < eventParagraphs.count else { return drafts }
        return drafts.filter { draft in draft.parkNamed || (paragraphOf[draft.sentence.lowerBound].map(naming.contains) ?? true) }
    }

    /// `3、2012年，…`: a numbered list of at least three items that each open with a
    /// year is a chronicle; the sentences that are its items, by index.
    static func numberedYearItems(_ sentences: [Sentence], scalars: [Unicode.Scalar]) -> Set<Int> {
        var items: Set<Int> = []
        for (index, sentence) in sentences.enumerated() {
            let range = sentence.range
            var position = range.lowerBound
            while position < range.upperBound, scalars[position].isDigit { position += 1 }
            guard (1...2).contains(position - range.lowerBound), position < range.upperBound, scalars[position] == "、" else { continue }
            let year = position + 1
            guard year + 5 <= range.upperBound, scalars[year..<year + 4].allSatisfy(\.isDigit), scalars[year + 4] == "年" else { continue }
            items.insert(index)
        }
        return items.count >= 3 ? items : []
    }

    /// `从各县区看:A开发区签约12个项目;`: a list, opened by a colon in its first clause and going on
    /// with `;`, breaks the act just reported down by who did it.
    static func opensBreakdown(_ range: Range<Int>, scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[range.upperBound - 1] == ";",
              let colon = range.first(where: { [":", ",", "。"].contains(scalars[$0]) }), scalars[colon] == ":" else { return false }
        return colon - range.lowerBound <= 16
    }

    /// The sentence goes on with a list the one before it opened and ended with `;`
    /// (`其中：A区签约12个项目；B区签约4个项目；…`).
    static func listGoesOn(after previous: Int, at index: Int, sentences: [Sentence], scalars: [Unicode.Scalar]) -> Bool {
        guard previous == index - 1, index > 0 else { return false }
        return scalars[sentences[previous].range.upperBound - 1] == ";"
    }

    /// Words that open a list of what an act was made of (`依次为:`, `分别是:`).
    static let listOpeners = ["依次为", "依次是", "分别为", "分别是", "包括"]

    /// The items of the list a colon opens after `position` (`依次为:A、B,以及C`): split at `、`,
    /// `;` and `以及`, each without its punctuation. Empty when no list opener and colon follow.
    static func listedItems(in sentence: Range<Int>, after position: Int, lexicon: TriggerLexicon, scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard let colon = (position..<sentence.upperBound).first(where: { index in
            scalars[index] == ":" && listOpeners.contains { opener in
                index - opener.unicodeScalars.count >= position && lexicon.matches(opener, at: index - opener.unicodeScalars.count, in: sentence)
            }
        }) else { return [] }
        var items: [Range<Int>] = []
        var start = colon + 1
        var index = start
        func close(_ end: Int) {
            var (lower, upper) = (start, end)
            while lower < upper, [",", " "].contains(scalars[lower]) { lower += 1 }
            while upper > lower, [",", "。", " ", ";"].contains(scalars[upper - 1]) { upper -= 1 }
            if upper - lower >= 4 { items.append(lower..<upper) }
        }
        while index < sentence.upperBound {
            if ["、", ";"].contains(scalars[index]) {
                close(index)
                start = index + 1
            } else if lexicon.matches("以及", at: index, in: sentence) {
                close(index)
                start = index + 2
                index += 1
            }
            index += 1
        }
        close(sentence.upperBound)
        return items
    }

    /// Another trigger in the same sentence reports another act when it is of
    /// another class, or of the same class in another clause or in a list
    /// (`签约、开工、投产`); `开工建设并投用` in one clause is one act.
    static func isSeparateAct(_ trigger: TriggerLexicon.Trigger, after taken: [TriggerLexicon.Trigger], scalars: [Unicode.Scalar]) -> Bool {
        guard let previous = taken.last else { return true }
        if taken.contains(where: { $0.type == trigger.type }) { return false }
        // `集中开竣工仪式，…项目同时开工或竣工`: the ceremony starting and completing projects is one act.
        if trigger.type == .completion, taken.contains(where: { scalars[$0.range].elementsEqual("开竣工".unicodeScalars) }) { return false }
        // `批准成立`, `获批升级为`, `揭牌成立`, `开工投产`: verbs side by side name one act (but `开工签约` two).
        if previous.range.upperBound == trigger.range.lowerBound,
           previous.type.coarse == trigger.type.coarse || (previous.type == .policy && [.opening, .award].contains(trigger.type)) { return false }
        if !taken.contains(where: { $0.type.coarse == trigger.type.coarse }) { return true }
        let between = scalars[previous.range.upperBound..<trigger.range.lowerBound]
        let listed = between.count <= 3 && between.contains(where: { ["、", "和", "及", "与"].contains($0) })
        // Building acts of one project in turn (`签约，…集中启动，…举行奠基仪式`) are separate; a visit and a talk are one.
        return listed || (trigger.type.coarse == "building" && between.contains(where: { [",", ";", ":"].contains($0) }))
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

    /// `A公司、B公司…等5个项目同时开工`: a batch reported as one act, not one act per company.
    static func isBatch(_ subjects: [SubjectFinder.Subject], before trigger: TriggerLexicon.Trigger, scalars: [Unicode.Scalar]) -> Bool {
        guard let last = subjects.last(where: { $0.range.upperBound <= trigger.range.lowerBound }) else { return false }
        return last.range.upperBound < trigger.range.lowerBound && scalars[last.range.upperBound] == "等"
    }

    /// One event per listed date and subject when they pair up
    /// (`6月24日、27日，A公司、B项目签约` → two signings); otherwise one per date,
    /// and one for a batch (`A、B…等5个项目开工`).
    static func pair(group: DateGroup, subjects: [SubjectFinder.Subject], trigger: TriggerLexicon.Trigger,
                     scalars: [Unicode.Scalar]) -> [((TimeMention, EventDate), [SubjectFinder.Subject])] {
        let actors = subjects.filter { $0.range.upperBound <= trigger.range.lowerBound }
        let listed = actors.count >= 2 && zip(actors, actors.dropFirst()).allSatisfy { first, second in
            second.range.lowerBound > first.range.upperBound
                && scalars[first.range.upperBound..<second.range.lowerBound].contains("、")
        }
        let batch = isBatch(subjects, before: trigger, scalars: scalars)
        if splittable.contains(trigger.type), listed, !batch || group.dates.count == actors.count {
            if group.dates.count == actors.count {
                return zip(group.dates, actors).map { ($0, [$1]) }
            }
            if group.dates.count == 1 {
                return actors.map { (group.dates[0], [$0]) }
            }
        }
        return group.dates.map { ($0, subjects) }
    }
}
