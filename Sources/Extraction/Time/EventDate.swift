import Foundation

/// When an event happened, as precisely as the text says: a precision and
/// the first and last day it may denote.
public struct EventDate: Sendable, Hashable, Codable {
    public enum Precision: String, Sendable, Codable, Comparable, CaseIterable {
        case day, week, month, quarter, half, year

        private var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
    }

    public var precision: Precision
    public var lower: CivilDate
    public var upper: CivilDate

    public init(precision: Precision, lower: CivilDate, upper: CivilDate) {
        self.precision = precision
        self.lower = lower
        self.upper = upper
    }

    public static func day(_ date: CivilDate) -> EventDate {
        EventDate(precision: .day, lower: date, upper: date)
    }

    public static func month(_ year: Int, _ month: Int, days: ClosedRange<Int>? = nil) -> EventDate {
        let last = CivilDate.daysIn(year: year, month: month)
        let range = days.map { max(1, $0.lowerBound)...min(last, $0.upperBound) } ?? 1...last
        return EventDate(
            precision: .month,
            lower: CivilDate(year: year, month: month, day: range.lowerBound),
            upper: CivilDate(year: year, month: month, day: range.upperBound)
        )
    }

    public static func year(_ year: Int) -> EventDate {
        EventDate(precision: .year, lower: CivilDate(year: year, month: 1, day: 1), upper: CivilDate(year: year, month: 12, day: 31))
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> EventDate {
        let first = (quarter - 1) * 3 + 1
        return EventDate(
            precision: .quarter,
            lower: CivilDate(year: year, month: first, day: 1),
            upper: CivilDate(year: year, month: first + 2, day: CivilDate.daysIn(year: year, month: first + 2))
        )
    }

    public static func half(_ year: Int, first: Bool) -> EventDate {
        EventDate(
            precision: .half,
            lower: CivilDate(year: year, month: first ? 1 : 7, day: 1),
            upper: CivilDate(year: year, month: first ? 6 : 12, day: first ? 30 : 31)
        )
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the finest of these the precision allows.
    public var formatted: String {
        let text = lower.description
        switch precision {
        case .day, .week: return text
        case .month: return String(text.prefix(7))
        case .quarter, .half, .year: return String(text.prefix(4))
        }
    }

    /// For people: `2022-09`, `2023 Q1`, `2023 H1`.
    public var label: String {
        switch precision {
        case .quarter: return "\(lower.year) Q\((lower.month - 1) / 3 + 1)"
        case .half: return "\(lower.year) H\(lower.month == 1 ? 1 : 2)"
        case .week: return "\(lower) (week)"
        default: return formatted
        }
    }
}

extension EventDate {
    /// A date as people type it: `2024-05-01`, `2024-05`, `2024`, `2024-Q1`
    /// (or `2024 Q1`), `2024-H2`. `nil` when it is none of these.
    public init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: " ", with: "-")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1000...9999).contains(year) else { return nil }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2 where parts[1].hasPrefix("Q"):
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            self = .quarter(year, quarter)
        case 2 where parts[1].hasPrefix("H"):
            guard let half = Int(parts[1].dropFirst()), (1...2).contains(half) else { return nil }
            self = .half(year, first: half == 1)
        case 2:
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = .month(year, month)
        case 3:
            guard let date = CivilDate(iso: text) else { return nil }
            self = .day(date)
        default:
            return nil
        }
    }
}
