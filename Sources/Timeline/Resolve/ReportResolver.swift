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
        /// The rule that decided (`same-subject`, `same-subject-next-day`, `same-name`, `same-wording`).
        public var rule: String
    }

    /// Wording shared by at least this share of the two reports' content
    /// (Dice coefficient of character pairs) makes two subject-less reports one.
    static let wordingThreshold = 0.5

    public func match(_ report: TimelineEventPayload, among candidates: [TimelineEventPayload]) -> Decision? {
        guard report.source.recordedBy == nil else { return nil }
        var best: (decision: Decision, score: Double)?
        for candidate in candidates where candidate.eventId != report.eventId {
            guard let (rule, score) = evaluate(report, candidate) else { continue }
            if best == nil || score > best!.score {
                best = (Decision(eventID: candidate.eventId, rule: rule), score)
            }
        }
        return best?.decision
    }

    /// The rule and a score (higher is surer) when `report` is of `candidate`'s act.
    func evaluate(_ report: TimelineEventPayload, _ candidate: TimelineEventPayload) -> (String, Double)? {
        guard candidate.park.id == report.park.id,
              TimelineEventPayload.typeClass(candidate.type) == TimelineEventPayload.typeClass(report.type),
              candidate.source.recordedBy == nil else { return nil }
        let reports = candidate.allReports
        if let hash = report.source.documentHash, reports.contains(where: { $0.source.documentHash == hash }) { return nil }
        let dates = reports.map { Self.relation(report, $0) }
        let nested = dates.contains(.nested)
        let nextDay = dates.contains(.nextDay)
        guard nested || nextDay else { return nil }
        let exact = reports.contains { $0.lower == report.lower && $0.upper == report.upper }
        let bonus = (exact ? 0.2 : 0) + (report.type == candidate.type ? 0.1 : 0)

        let reportText = Self.text(of: [report])
        let candidateText = Self.text(of: reports)
        let reportSubjects = Self.names(report.subjects)
        let candidateSubjects = Self.names(reports.flatMap(\.subjects))
        let shared = reportSubjects.contains { candidateText.contains($0) } || candidateSubjects.contains { reportText.contains($0) }
        if shared { return (nested ? "same-subject" : "same-subject-next-day", 2 + bonus) }
        // Both name companies or projects, and none of one side's: different acts.
        if !reportSubjects.isEmpty && !candidateSubjects.isEmpty { return nil }
        guard nested else { return nil }
        let reportQuotes = Self.quotedNames(reportText), candidateQuotes = Self.quotedNames(candidateText)
        if !reportQuotes.isDisjoint(with: candidateQuotes) { return ("same-name", 1.5 + bonus) }
        // A subject on one side only: it must appear on the other side's text to count as the same.
        if !reportSubjects.isEmpty || !candidateSubjects.isEmpty { return nil }
        let mine = Self.content(reportText, park: report.park)
        let similarity = reports.map { Self.similarity(mine, Self.content(Self.text(of: [$0]), park: report.park)) }.max() ?? 0
        if similarity >= Self.wordingThreshold { return ("same-wording", similarity + bonus) }
        return nil
    }

    enum DateRelation { case nested, nextDay, apart }

    /// How two reports' dates relate: one within the other, one day apart (both days), or neither.
    static func relation(_ a: TimelineEventPayload, _ b: TimelineEventPayload) -> DateRelation {
        if (a.lower <= b.lower && b.upper <= a.upper) || (b.lower <= a.lower && a.upper <= b.upper) { return .nested }
        if a.precision == "day", b.precision == "day", let x = dayNumber(a.lower), let y = dayNumber(b.lower), abs(x - y) == 1 {
            return .nextDay
        }
        return .apart
    }

    static func dayNumber(_ text: String) -> Int? {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.date(from: text).map { Int($0.timeIntervalSince1970 / 86_400) }
    }

    /// Title and evidence of the reports, as one text to look names up in.
    static func text(of reports: [TimelineEventPayload]) -> String {
        reports.map { $0.title + "\n" + ($0.evidence ?? "") }.joined(separator: "\n")
    }

    /// Company and project names without their legal or generic endings
    /// (`星河新材料有限公司` → `星河新材料`), at least two characters.
    static func names(_ subjects: [String]) -> [String] {
        let endings = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "项目", "代表团", "考察团"]
        return subjects.compactMap { subject in
            var name = subject
            for ending in endings where name.hasSuffix(ending) && name.count > ending.count + 1 {
                name.removeLast(ending.count)
                break
            }
            // A place prefix (`苏州星河…`) may be left out by another outlet: keep the name's tail too.
            return name.count >= 2 ? name : nil
        }.flatMap { name in name.count >= 6 ? [name, String(name.dropFirst(2))] : [name] }
    }

    /// Names in quotation marks or title marks: 《…》, “…”, 「…」.
    static func quotedNames(_ text: String) -> Set<String> {
        var names = Set<String>()
        let pairs: [(Character, Character)] = [("《", "》"), ("“", "”"), ("「", "」"), ("\"", "\"")]
        for (open, close) in pairs {
            var rest = Substring(text)
            while let start = rest.firstIndex(of: open), let end = rest[rest.index(after: start)...].firstIndex(of: close) {
                let name = rest[rest.index(after: start)..<end]
                if name.count >= 3 && name.count <= 40 { names.insert(String(name)) }
                rest = rest[rest.index(after: end)...]
            }
        }
        return names
    }

    /// The text's Han characters without dates and the park's names.
    static func content(_ text: String, park: ParkPayload) -> String {
        var text = text
        for name in ([park.name] + park.aliases).sorted(by: { $0.count > $1.count }) where !name.isEmpty {
            text = text.replacingOccurrences(of: name, with: " ")
        }
        return String(text.unicodeScalars.filter { $0.properties.isIdeographic && !"年月日".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// Dice coefficient of the two texts' sets of adjacent character pairs.
    static func similarity(_ a: String, _ b: String) -> Double {
        func pairs(_ text: String) -> Set<String> {
            let characters = Array(text)
            guard characters.count > 1 else { return [] }
            return Set((0..<characters.count - 1).map { String(characters[$0...$0 + 1]) })
        }
        let x = pairs(a), y = pairs(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return 2 * Double(x.intersection(y).count) / Double(x.count + y.count)
    }
}
