extension Extractor {
    /// An event as the sentence loop finds it, before duplicates are merged.
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
        /// The clause names the park as its actor (not the page's park by default).
        var parkNamed = false
        var dropped = false
    }

    /// Drafts that report the same act are one event: same kind, day or month,
    /// and park, and no subjects that differ (a lead repeated in the body). A
    /// year alone is too coarse to say two reports are one act; a chronicle's
    /// entries of one day are separate acts unless worded alike.
    func merge(_ drafts: [Draft], scalars: [Unicode.Scalar], chronicle: Bool) -> [Draft] {
        var kept: [Draft] = []
        for draft in Self.withoutCoarserCopies(drafts, scalars: scalars) {
            let duplicate = kept.firstIndex { other in
                guard other.type == draft.type, other.date.formatted == draft.date.formatted,
                      other.park?.id == draft.park?.id, draft.date.precision <= .month else { return false }
                // `…出席了挂牌仪式`: those who attended the act just reported tell it again.
                if Self.isAttended(draft, scalars: scalars) || Self.isAttended(other, scalars: scalars) { return true }
                if !other.subjects.isEmpty, !draft.subjects.isEmpty { return !Set(other.subjects).isDisjoint(with: draft.subjects) }
                if other.sentence == draft.sentence { return true }
                // A chronicle lists each act once: entries of one day are separate acts unless worded alike.
                // On a page, a gathering of one day told twice is one; two signings or openings of one day
                // are one only when worded alike (a lead repeated in the body).
                if chronicle || draft.type.coarse != "gathering" {
                    return Self.sharesWording(other.sentence, draft.sentence, scalars: scalars, length: chronicle ? 8 : 6)
                }
                return true
            }
            if let duplicate {
                // The report that names its park keeps the event (`其中：X开发区签约12个项目` over `另签约6个`).
                if draft.parkNamed && !kept[duplicate].parkNamed { kept[duplicate] = draft }
            } else {
                kept.append(draft)
            }
        }
        return kept
    }

    /// Whether a draft's act is told as what someone attended (`出席了挂牌仪式`). Not
    /// `参加`: companies that `参加了集中签约` sign themselves.
    static func isAttended(_ draft: Draft, scalars: [Unicode.Scalar]) -> Bool {
        let start = draft.trigger.lowerBound
        return ["出席", "出席了"].contains { word in
            let length = word.unicodeScalars.count
            return start - length >= draft.sentence.lowerBound && scalars[(start - length)..<start].elementsEqual(word.unicodeScalars)
        }
    }

    /// A headline that reports the body's act at a coarser date (`5月份…开工动员会` over `5月25日…开工动员会`)
    /// is the same act: the finer date stands.
    static func withoutCoarserCopies(_ drafts: [Draft], scalars: [Unicode.Scalar]) -> [Draft] {
        drafts.filter { draft in
            return !isHeadline(draft.sentence, scalars: scalars) || !drafts.contains { finer in
                finer.type == draft.type && finer.park?.id == draft.park?.id && finer.date.precision < draft.date.precision
                    && draft.date.lower <= finer.date.lower && finer.date.upper <= draft.date.upper
                    && sharesWording(finer.sentence, draft.sentence, scalars: scalars, length: 6)
            }
        }
    }

    /// Two sentences share a stretch of at least `length` scalars (dates and digits aside).
    static func sharesWording(_ first: Range<Int>, _ second: Range<Int>, scalars: [Unicode.Scalar], length: Int = 8) -> Bool {
        guard first.count >= length, second.count >= length else { return false }
        var shingles: Set<[Unicode.Scalar]> = []
        for start in first.lowerBound...(first.upperBound - length) {
            let piece = Array(scalars[start..<start + length])
            if piece.allSatisfy({ $0.isHan }) { shingles.insert(piece) }
        }
        for start in second.lowerBound...(second.upperBound - length) where shingles.contains(Array(scalars[start..<start + length])) {
            return true
        }
        return false
    }
}
