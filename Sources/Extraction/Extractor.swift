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
    public static let version = "parkline-extract/2.4.1"

    public let gazetteer: ParkGazetteer

    public init(gazetteer: ParkGazetteer) {
        self.gazetteer = gazetteer
    }

    /// Continuation words: a sentence opening with one of them, with a trigger
    /// but no date, reports a detail of the previous dated sentence.
    static let continuationMarkers = ["其中", "同样", "当天", "当日", "随后", "期间", "此次", "本次", "双方", "一行人"]
    /// Words that place an act at the gathering just reported (`会上，…签约`).
    static let gatheringMarkers = ["会上", "仪式上", "活动上", "活动中", "现场", "当场", "会议期间", "大会上", "论坛上", "会后", "仪式后", "仪式前", "期间",
                                   "结束后"]
    /// How far (in characters) a ceremony's detail may follow it and still be quoted with it.
    static let ceremonyDetailGap = 40
    /// Verbs that report a gathering as held (`召开…会议`), not only as where something happened.
    static let holdingVerbs = ["召开", "举行", "举办", "主办", "承办", "出席", "参加"]
    /// Nouns of a ceremony: an undated sentence naming one goes on about the day just named.
    static let ceremonyNouns = ["仪式", "典礼", "大会"]
    static let topicFields: Set<String> = ["主题", "会议名称", "活动名称"]
    /// Times of day that put a dispatch's act on the dispatch's day.
    static let timeOfDay = ["上午", "下午", "晚上", "今天", "当天", "今日"]

    public func extract(_ document: SourceDocument) throws(ExtractionError) -> ExtractionResult {
        try extract(document, explain: false)
    }

    /// Extracts, and with `explain` also says for every sentence with a date
    /// or a trigger why it did or did not become an event.
    public func extract(_ document: SourceDocument, explain: Bool) throws(ExtractionError) -> ExtractionResult {
        let text = NormalizedText(document.text)
        let scalars = text.scalars
        guard scalars.contains(where: { !$0.properties.isWhitespace }) else { throw .emptyText(document: document.name) }
        let allSentences = Segmenter(scalars: scalars).sentences()
        let pageDate = PublicationDateFinder(scalars: scalars).find(in: allSentences)
        let sentences = allSentences.filter { !$0.isChrome }
        // The page's own dateline first, then what the caller says; a day outside the sensible range is not taken.
        let given = [pageDate, document.published].compactMap { $0 }
        guard let published = given.first(where: PublicationRange.contains) else {
            if let wrong = given.first { throw .publicationOutOfRange(document: document.name, date: wrong) }
            throw .noPublicationDate(document: document.name)
        }
        let documentHash = SHA256.hash(data: Data(String(String.UnicodeScalarView(scalars)).utf8))
            .map { String(format: "%02x", $0) }.joined()

        let parks = DocumentParks(scanner: ParkNameScanner(scalars: scalars, gazetteer: gazetteer), sentences: sentences,
                                  chrome: allSentences.filter(\.isChrome))
        let mainPark = parks.subject
        var scanner = TimeExpressionScanner(scalars: scalars)
        scanner.minguoYears = text.wasTraditional
        let layout = ChronicleLayout(scalars: scalars, sentences: sentences, scanner: scanner)
        let numberedItems = Self.numberedYearItems(sentences, scalars: scalars)
        let lexicon = TriggerLexicon(scalars: scalars)
        let subjectFinder = SubjectFinder(scalars: scalars)
        let amountParser = AmountParser(scalars: scalars)
        var resolver = DateResolver(published: published)
        var drafts: [Draft] = []
        var notes: [Explanation] = []
        var lastDated: (groups: [DateGroup], sentence: Int, paragraph: Int, drafts: [Int])?
        /// The day of the last gathering or ceremony reported, and the drafts its sentence made.
        var lastGathering: (groups: [DateGroup], drafts: [Int])?
        /// The last sentence whose act a county or city did (its details are not a park's).
        var otherActorAct: (sentence: Int, place: String)?
        var heading: DateGroup?
        var headerDay: DateGroup?

        func note(_ sentence: Sentence, _ dates: [(TimeMention, EventDate)], _ triggers: [TriggerLexicon.Trigger], _ outcome: String) {
            guard explain else { return }
            notes.append(Explanation(
                offset: text.originalRange(from: sentence.range.lowerBound, to: sentence.range.upperBound).lowerBound,
                sentence: text.originalText(from: sentence.range.lowerBound, to: sentence.range.upperBound),
                dates: dates.map { "\(text.text($0.0.range))→\($0.1.formatted)" },
                triggers: triggers.map { "\(text.text($0.range)):\($0.type.rawValue)" },
                outcome: outcome))
        }

        var lastSubjects: (subjects: [SubjectFinder.Subject], paragraph: Int)?
        for (sentenceIndex, sentence) in sentences.enumerated() {
            let named = subjectFinder.subjects(in: sentence.range)
            defer { if !named.isEmpty { lastSubjects = (named, sentence.paragraph) } }
            if sentenceIndex > 0, sentences[sentenceIndex - 1].paragraph != sentence.paragraph { resolver.startParagraph() }
            resolver.startSentence()
            if let headingDate = layout.heading(at: sentenceIndex, resolver: &resolver) {
                heading = headingDate
                lastDated = nil
                note(sentence, headingDate.dates, [], "heading: dates the lines below it")
                continue
            }
            var resolved: [(TimeMention, EventDate)] = []
            // `…28个项目同日开工` as a headline: on one day together, not the day named before it.
            let headline = Self.isHeadline(sentence.range, scalars: scalars)
            for mention in scanner.scan(sentence.range) {
                if headline, case .anaphoric(0, false) = mention.kind, scalars[mention.range.lowerBound] == "同" { continue }
                if let date = resolver.resolve(mention) { resolved.append((mention, date)) }
            }
            if sentenceIndex == 0, let title = resolved.first(where: { $0.1.precision >= .month && $0.0.isAbsoluteYear }) {
                resolver.adoptTitleDate(title.1)
            }
            if sentence.fieldLabel == "时间", let first = resolved.first, first.1.precision == .day {
                // A transcript's header: "today" in its body is this day.
                resolver.today = first.1.lower
                headerDay = DateGroup(dates: [first], range: first.0.range)
            }
            // Dates of acts: not a period's start, not a dispatch's date, not a year used as a label (`2006年工作会议`).
            var actDates = resolved.filter { mention, date in
                !mention.isPeriodStart && !mention.isDateline && (date.precision < .quarter || mention.atClauseStart)
            }
            // `5月25日，…召开2023年5月份重点项目开工动员会`: inside a clause, a coarser date that holds the
            // date just before it labels the act, it does not date another one.
            // So does a year written into a name (`昨天，2023年…开发者大会…召开`), even opening a clause.
            actDates = actDates.enumerated().filter { index, entry in
                let end = entry.0.range.upperBound
                let namesAnAct = entry.1.precision == .year && end < scalars.count && scalars[end].isHan
                guard index > 0, !entry.0.atClauseStart || namesAnAct else { return true }
                let earlier = actDates[index - 1].1
                return !(earlier.precision < entry.1.precision && entry.1.lower <= earlier.lower && earlier.upper <= entry.1.upper)
            }.map(\.element)
            // `…电 上午十一时，…宣布开港`: a dispatch that goes straight on to the act dates it.
            if actDates.isEmpty, let dateline = resolved.first(where: { $0.0.isDateline && $0.1.precision == .day }),
               Self.timeOfDay.contains(where: { word in (dateline.0.range.upperBound..<min(sentence.range.upperBound, dateline.0.range.upperBound + 24)).contains { lexicon.matches(word, at: $0, in: sentence.range) } }) {
                actDates = [dateline]
            }
            let groups = DateGroup.group(actDates, scalars: scalars)
            var rejected: [(TriggerLexicon.Trigger, String)] = []
            var triggers = lexicon.triggers(in: sentence.range, rejected: &rejected) { clauseStart(of: $0, in: sentence.range, scalars: scalars) }
            // `在…常务会议上审议通过`, `第15次会议上，立法院将「…草案」三读通过`: a meeting named as the
            // place of another act is not an act of its own, unless its clause reports it held
            // (`召开招商大会，会上…签约` is two acts).
            let acts = triggers.filter { $0.type != .meeting }
            triggers.removeAll { meeting in
                guard meeting.type == .meeting, meeting.range.upperBound < scalars.count, scalars[meeting.range.upperBound] == "上" else { return false }
                let clause = clauseStart(of: meeting.range.lowerBound, in: sentence.range, scalars: scalars)..<meeting.range.lowerBound
                let held = Self.holdingVerbs.contains { verb in clause.contains { lexicon.matches(verb, at: $0, in: sentence.range) } }
                return acts.contains { act in
                    act.range.lowerBound > meeting.range.upperBound
                        && (!held || !scalars[meeting.range.upperBound..<act.range.lowerBound].contains(where: { [",", ":", ";"].contains($0) }))
                }
            }
            // `省政府常务会议审议通过了《…规划》`: the meeting is who passed the policy; the policy is the act.
            triggers.removeAll { meeting in
                meeting.type == .meeting && acts.contains { act in
                    act.type == .policy && act.range.lowerBound >= meeting.range.upperBound && act.range.lowerBound - meeting.range.upperBound <= 2
                        && scalars[meeting.range.upperBound..<act.range.lowerBound].allSatisfy(\.isHan)
                }
            }
            guard !triggers.isEmpty else {
                // `此次签约的4个项目…依次为:A与经开区管委会的X项目、…`: the signing just reported, its
                // projects listed one by one; each item that names a park is that park's signing.
                var listed: [String] = []
                if groups.isEmpty, let signing = rejected.first(where: { $0.0.type == .signing })?.0, let last = lastDated,
                   sentenceIndex - last.sentence <= 3, let day = last.groups.first?.dates.first, day.1.precision <= .month {
                    for item in Self.listedItems(in: sentence.range, after: signing.range.upperBound, lexicon: lexicon, scalars: scalars) {
                        let subjects = subjectFinder.subjects(in: item)
                        guard !subjects.isEmpty,
                              case let .park(park, named: true) = parks.attribution(forTrigger: item.upperBound, type: .signing, clause: item, sentence: sentence.range)
                        else { continue }
                        drafts.append(Draft(type: .signing, date: day.1, expressionRange: day.0.range, sentence: item, trigger: signing.range,
                                            subjects: subjects.map(\.name), amounts: amountParser.investments(in: item), park: park,
                                            title: Self.shortTitle(String(String.UnicodeScalarView(scalars[item]))), parkNamed: true))
                        listed.append("event: signing \(day.1.formatted) at \(park.name) (listed)")
                    }
                }
                if !groups.isEmpty {
                    lastDated = (groups, sentenceIndex, sentence.paragraph, [])
                } else if resolved.isEmpty, let last = lastDated, Self.listGoesOn(after: last.sentence, at: sentenceIndex, sentences: sentences, scalars: scalars) {
                    // An item without an act (`组建…;`) does not end the list its year opened.
                    lastDated = (last.groups, sentenceIndex, sentence.paragraph, last.drafts)
                }
                if !listed.isEmpty {
                    note(sentence, resolved, [], listed.joined(separator: "; "))
                } else if let (word, reason) = rejected.first {
                    note(sentence, resolved, [], "no event: \(text.text(word.range)) is \(reason)")
                } else if !resolved.isEmpty {
                    note(sentence, resolved, [], "no trigger: a date without an act")
                }
                continue
            }
            var effectiveGroups = groups
            var inheritedFrom: [Int] = []
            /// The drafts of the ceremony this sentence is dated by: at it (`现场`, `会上`)
            /// or on its day (`同日`, `当天`).
            var atCeremony: [Int] = []
            if let lastGathering, !actDates.isEmpty, actDates.allSatisfy({ mention, _ in
                if case .anaphoric(0, _) = mention.kind { return true } else { return false }
            }) {
                atCeremony = lastGathering.drafts
            }
            /// Acts this sentence made that may be a ceremony's own act told again: signings that
            /// name no one or a batch (`A、B等12家企业…签署`, `落户28个项目`), unveilings of nothing named.
            var restatable: [Int] = []
            let gatheringBefore = lastGathering
            /// The date comes from the head of a `;` list (`2017年,…推行…;出台…;…`).
            var fromListHead = false
            if groups.isEmpty {
                let firstClause = sentence.range.lowerBound..<clauseEnd(of: sentence.range.lowerBound, in: sentence.range, scalars: scalars)
                let opensWithMarker = Self.continuationMarkers.contains { lexicon.matches($0, at: sentence.range.lowerBound, in: sentence.range) }
                    || Self.opensBreakdown(sentence.range, scalars: scalars)
                let atGathering = firstClause.contains { position in Self.gatheringMarkers.contains { lexicon.matches($0, at: position, in: firstClause) } }
                let ceremony = triggers.contains { $0.type == .meeting } || Self.ceremonyNouns.contains { word in
                    sentence.range.contains { lexicon.matches(word, at: $0, in: sentence.range) }
                }
                if let field = sentence.fieldLabel, Self.topicFields.contains(field), let headerDay {
                    effectiveGroups = [headerDay]
                } else if layout.isChronicle, let heading {
                    effectiveGroups = [heading]
                } else if atGathering, resolved.isEmpty, let lastGathering {
                    effectiveGroups = lastGathering.groups
                    atCeremony = lastGathering.drafts
                } else if resolved.isEmpty, let last = lastDated, sentenceIndex - last.sentence <= 3, opensWithMarker || Self.listGoesOn(after: last.sentence, at: sentenceIndex, sentences: sentences, scalars: scalars) {
                    effectiveGroups = last.groups
                    fromListHead = !opensWithMarker
                    if lexicon.matches("其中", at: sentence.range.lowerBound, in: sentence.range) { inheritedFrom = last.drafts }
                } else if resolved.isEmpty, ceremony, !Self.isHeadline(sentence.range, scalars: scalars), let last = lastDated, sentenceIndex - last.sentence <= 3,
                          let first = last.groups.first, first.dates.allSatisfy({ $0.1.precision <= .month }) {
                    // The account goes on about the day it just named (a ceremony, a signing at it).
                    effectiveGroups = [first]
                } else {
                    note(sentence, resolved, triggers, "no date: no date in the sentence or just before it")
                    continue
                }
            }
            let inherited = groups.isEmpty
            var produced: [Int] = []
            var outcomes: [String] = []
            for (groupIndex, group) in effectiveGroups.enumerated() {
                let mine = triggers.filter { trigger in
                    inherited ? true : Self.groupIndex(for: trigger.range.lowerBound, groups: effectiveGroups) == groupIndex
                }
                guard !mine.isEmpty else { continue }
                // `8月5日预验收，9月12日封关运营` on a page of July 30th: a day of a later month,
                // no year given, is still to come (later days of the page's own month are left be).
                if group.dates.contains(where: { mention, date in
                    guard case .calendar(nil, _?, _?, _, _) = mention.kind, date.lower > published else { return false }
                    return (date.lower.year, date.lower.month) != (published.year, published.month)
                }) {
                    outcomes.append("a plan: a day of a later month, still to come")
                    continue
                }
                let yearAllowed = group.dates.allSatisfy { mention, date in
                    switch date.precision {
                    case .day, .week, .month: return true
                    case .year:
                        if layout.isChronicle && inherited { return true }
                        // `3、2012年,…批复…`: a numbered chronicle's item is dated by its year.
                        if numberedItems.contains(sentenceIndex), mention.atClauseStart, date.lower.year <= published.year,
                           mention.range.upperBound < scalars.count, scalars[mention.range.upperBound] == "," { return true }
                        // `2017年,…;出台…政策;…`, `同年,…;出台…`: every item of a list a past year opens
                        // (the year alone before a comma) is an act of that year.
                        if fromListHead, date.lower.year < published.year, mention.atClauseStart,
                           mention.range.upperBound < scalars.count, scalars[mention.range.upperBound] == "," { return true }
                        guard mention.atClauseStart, mention.isAbsoluteYear, date.lower.year < published.year,
                              let first = mine.first, first.range.lowerBound >= mention.range.upperBound else { return false }
                        // `2016年，…决定建设` or `2013年…全部建成`: the year governs the act's own clause, not a review's later clauses.
                        let between = scalars[mention.range.upperBound..<first.range.lowerBound]
                        let commas = between.filter { [",", ";"].contains($0) }.count
                        return commas == 0 || (commas == 1 && between.first == ",")
                    case .quarter, .half: return false
                    }
                }
                guard yearAllowed else {
                    outcomes.append("a year alone: a summary, not an act")
                    continue
                }
                let scopeStart = inherited ? sentence.range.lowerBound : (groupIndex == 0 ? sentence.range.lowerBound : group.range.lowerBound)
                let scopeEnd = inherited || groupIndex + 1 >= effectiveGroups.count ? sentence.range.upperBound : effectiveGroups[groupIndex + 1].range.lowerBound
                let scope = scopeStart..<scopeEnd
                var subjects = subjectFinder.subjects(in: scope)
                // `一期项目正式开工`: the project is the one the paragraph just named.
                let leadStart = clauseStart(of: mine[0].range.lowerBound, in: sentence.range, scalars: scalars)
                let lead = leadStart..<mine[0].range.lowerBound
                if subjects.isEmpty, let last = lastSubjects, last.paragraph == sentence.paragraph, lead.count <= 16,
                   ["项目", "工程"].contains(where: { word in lead.contains { lexicon.matches(word, at: $0, in: lead) } }) {
                    subjects = last.subjects
                }
                let amounts = amountParser.investments(in: scope)
                // One event per kind of act the clause reports (`集中签约、开工、投产`: three).
                var taken: [TriggerLexicon.Trigger] = []
                for trigger in mine where Self.isSeparateAct(trigger, after: taken, scalars: scalars) {
                    // `…公布《组织法》，自此…升格为管理局`: what follows 自此 is the act's consequence.
                    let opening = clauseStart(of: trigger.range.lowerBound, in: sentence.range, scalars: scalars)
                    if !taken.isEmpty, ["自此", "从此", "由此", "随之"].contains(where: { lexicon.matches($0, at: opening, in: sentence.range) }) { continue }
                    // `总统令公布《组织法》，中科正式…升格为管理局`: the body a decree raises is raised by that decree.
                    if taken.contains(where: { $0.type == .policy && $0.range.upperBound <= opening }),
                       lexicon.matches("升格为", at: trigger.range.lowerBound, in: sentence.range) { continue }
                    taken.append(trigger)
                    let clause = clauseStart(of: trigger.range.lowerBound, in: sentence.range, scalars: scalars)..<trigger.range.lowerBound
                    let park: Park?
                    let parkNamed: Bool
                    switch parks.attribution(forTrigger: trigger.range.lowerBound, type: trigger.type, clause: clause, sentence: sentence.range) {
                    case let .park(found, named):
                        // `此次活动共有29个项目签约` after `孝感市组织…签约活动`: a detail of a city's act is the city's.
                        if inherited, !named, let other = otherActorAct, other.sentence == lastDated?.sentence || other.sentence == sentenceIndex - 1 {
                            outcomes.append("\(trigger.type.rawValue): goes on about \(other.place)'s act, not a park's")
                            continue
                        }
                        park = found
                        parkNamed = named
                    case let .otherActor(place):
                        outcomes.append("\(trigger.type.rawValue): \(place) acts here, not a park")
                        otherActorAct = (sentenceIndex, place)
                        continue
                    case .none:
                        // A page that names no park: its events are kept, under `unknown`.
                        park = nil
                        parkNamed = false
                    }
                    let pairs = Self.pair(group: group, subjects: subjects, trigger: trigger, scalars: scalars)
                    if pairs.count == 1, subjects.isEmpty && [.signing, .opening].contains(trigger.type)
                        || trigger.type == .signing && Self.isBatch(subjects, before: trigger, scalars: scalars) {
                        restatable.append(drafts.count)
                    }
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
                                : sharedTitle,
                            parkNamed: parkNamed
                        )
                        produced.append(drafts.count)
                        drafts.append(draft)
                        outcomes.append("event: \(trigger.type.rawValue) \(dateEntry.1.formatted) at \(park?.name ?? "an unnamed park")")
                    }
                    if [.meeting, .signing, .groundbreaking, .opening].contains(trigger.type) { lastGathering = ([group], produced) }
                }
            }
            // `…企业入驻签约仪式在昆明举行。A、B等12家企业现场签署入驻协议`, `…签约大会。…同日
            // 张江宣布落户28个项目`: a batch signing, or one naming no one, at the signing
            // ceremony just reported or on its day is the ceremony's own act, told again; so is
            // an unveiling of nothing named at the unveiling ceremony (`仪式上,…为新区管委会揭牌`).
            if !atCeremony.isEmpty, !restatable.isEmpty, produced.allSatisfy(restatable.contains) {
                for index in restatable {
                    guard let ceremony = atCeremony.first(where: { drafts[$0].type == drafts[index].type && drafts[$0].park?.id == drafts[index].park?.id
                        && drafts[$0].date == drafts[index].date }) else { continue }
                    // One event, told by both sentences: the ceremony's evidence runs on to the
                    // detail when it follows closely, and the detail (`29个项目现场签约`) titles it.
                    // Its subjects stay the ceremony's: given the batch's names, it would no longer
                    // match another outlet's report of the ceremony that names none.
                    drafts[ceremony].title = drafts[index].title
                    if drafts[ceremony].amounts.isEmpty { drafts[ceremony].amounts = drafts[index].amounts }
                    let gap = drafts[index].sentence.lowerBound - drafts[ceremony].sentence.upperBound
                    if (0...Self.ceremonyDetailGap).contains(gap) {
                        drafts[ceremony].sentence = drafts[ceremony].sentence.lowerBound..<drafts[index].sentence.upperBound
                    }
                    drafts[index].dropped = true
                    outcomes.append("\(drafts[index].type.rawValue): the act of the ceremony just reported, told again (现场, 会上, 同日)")
                }
                // The ceremony is still the gathering the next sentences may speak of.
                if produced.allSatisfy({ drafts[$0].dropped }) { lastGathering = gatheringBefore }
            }
            note(sentence, resolved, triggers, outcomes.isEmpty ? "no event: no trigger stands with a date" : outcomes.joined(separator: "; "))
            // "其中…" details replace a subject-less summary of the same kind.
            // Each kind of detail (`其中,…竣工,…动工`) replaces the summary of its kind.
            if !inheritedFrom.isEmpty {
                let detailTypes = Set(produced.map { drafts[$0].type })
                for parent in inheritedFrom where detailTypes.contains(drafts[parent].type) && drafts[parent].subjects.isEmpty {
                    drafts[parent].dropped = true
                }
            }
            if !groups.isEmpty { lastDated = (groups, sentenceIndex, sentence.paragraph, produced) }
            else if let last = lastDated { lastDated = (last.groups, sentenceIndex, sentence.paragraph, last.drafts) }
        }

        // A chronicle's items are its own acts, each of its own (a numbered one's as much as one with date headings).
        let chronicle = layout.isChronicle || !numberedItems.isEmpty
        if !chronicle { drafts = Self.focused(drafts, sentences: sentences, parks: parks) }
        let events = merge(drafts.filter { !$0.dropped }, scalars: scalars, chronicle: chronicle).map { draft in
            makeEvent(draft, text: text, document: document, hash: documentHash, published: published)
        }
        let title = sentences.first.map { text.text($0.range) } ?? document.name
        return ExtractionResult(
            documentHash: documentHash, published: published,
            publishedFrom: pageDate != nil ? "page" : "caller",
            title: String(title.prefix(80)), mainPark: mainPark, events: events,
            characterCount: text.original.count, explanations: notes
        )
    }
}
