import Foundation

extension Extractor {
    func makeEvent(_ draft: Draft, text: NormalizedText, document: SourceDocument, hash: String, published: CivilDate) -> ExtractedEvent {
        let evidenceRange = text.originalRange(from: draft.sentence.lowerBound, to: draft.sentence.upperBound)
        let identity = "\(hash):\(evidenceRange.lowerBound):\(evidenceRange.upperBound):\(draft.type.rawValue):\(draft.date.formatted):\(draft.subjects.first ?? "")"
        return ExtractedEvent(
            identity: identity,
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
        return Self.shortTitle(String(String.UnicodeScalarView(scalars[start..<end])))
    }

    /// A title of at most 48 characters, without the punctuation around it.
    static func shortTitle(_ text: String) -> String {
        let text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,:;“”\"◆"))
        return text.unicodeScalars.count > 48 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(47))) + "…" : text
    }
}
