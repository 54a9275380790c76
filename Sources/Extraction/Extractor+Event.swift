import Crypto
import Foundation

extension Extractor {
    func makeEvent(_ draft: Draft, text: NormalizedText, document: SourceDocument, hash: String, published: CivilDate) -> ExtractedEvent {
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
