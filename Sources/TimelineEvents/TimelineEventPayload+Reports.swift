import Foundation

/// Several reports of one act, as one event: which reports it has, and the
/// date they support.
extension TimelineEventPayload {
    /// The event as one report of it (without merge bookkeeping).
    public var asReport: TimelineEventPayload {
        var report = self
        report.reports = nil
        report.datesReported = nil
        report.dateCorrected = nil
        report.mergedInto = nil
        return report
    }

    /// Every report of the event, oldest first (itself alone when none was merged).
    public var allReports: [TimelineEventPayload] {
        reports ?? [asReport]
    }

    /// The earliest publication date among its reports (`YYYY-MM-DD`).
    public var firstReported: String? {
        allReports.compactMap(\.source.published).min()
    }

    /// Acts that one report may call by another name: a building act that
    /// finishes is "completed" in one paper and "put into operation" in the
    /// next; a leader's visit is a "meeting" elsewhere.
    public static func typeClass(_ type: String) -> String {
        switch type {
        case "opening", "completion": "opening"
        case "meeting", "visit": "meeting"
        default: type
        }
    }

    /// This event with `other`'s reports joined to its own; the date is then
    /// the one the reports support (unless a person corrected it).
    public func merging(_ other: TimelineEventPayload) -> TimelineEventPayload {
        var result = self
        var reports = allReports
        for report in other.allReports where !reports.contains(where: { $0.eventId == report.eventId }) {
            reports.append(report)
        }
        result.reports = reports
        result.reconcileDate()
        return result
    }

    /// This event without the reports `ids` (split off or no longer found).
    public func removingReports(_ ids: Set<UUID>) -> TimelineEventPayload {
        var result = self
        let remaining = allReports.filter { !ids.contains($0.eventId) }
        result.reports = remaining.count > 1 ? remaining : nil
        if remaining.count == 1, result.dateCorrected != true {
            let only = remaining[0]
            (result.date, result.precision, result.lower, result.upper) = (only.date, only.precision, only.lower, only.upper)
            result.datesReported = nil
        } else {
            result.reconcileDate()
        }
        return result
    }

    /// Replace one report (a correction of it) and settle the date again.
    public func replacingReport(_ report: TimelineEventPayload) -> TimelineEventPayload {
        var result = self
        result.reports = allReports.map { $0.eventId == report.eventId ? report.asReport : $0 }
        if result.reports?.count == 1 { result.reports = nil }
        result.reconcileDate()
        return result
    }

    /// The date the reports support: the most precise one every report is
    /// compatible with (`2024-05` and `2024-05-10` agree on the 10th). When
    /// reports give different days (or months), the event takes the one most
    /// reports give (ties: the earliest report's) and `datesReported` lists
    /// them all.
    mutating func reconcileDate() {
        guard dateCorrected != true, let reports, reports.count > 1 else { return }
        // Each report's bounds, read once (a loop over the reports copies each whole).
        let spans = reports.map { (lower: $0.lower, upper: $0.upper) }
        func contains(_ a: Int, _ b: Int) -> Bool { spans[a].lower <= spans[b].lower && spans[b].upper <= spans[a].upper }
        func compatible(_ a: Int, _ b: Int) -> Bool { contains(a, b) || contains(b, a) }
        func same(_ a: Int, _ b: Int) -> Bool { spans[a] == spans[b] }
        // The finest dates: those that contain no other report's narrower date.
        var leaves: [Int] = []
        for report in spans.indices where !leaves.contains(where: { same($0, report) })
            && !spans.indices.contains(where: { contains(report, $0) && !same(report, $0) }) {
            leaves.append(report)
        }
        let support = leaves.map { leaf in spans.indices.filter { compatible(leaf, $0) }.count }
        let chosen = leaves[leaves.indices.max { support[$0] < support[$1] || (support[$0] == support[$1] && $0 > $1) }!]
        (date, precision, lower, upper) = (reports[chosen].date, reports[chosen].precision, reports[chosen].lower, reports[chosen].upper)
        let disagreeing = leaves.filter { !compatible($0, chosen) }
        datesReported = disagreeing.isEmpty ? nil : ([chosen] + disagreeing).map { reports[$0].date }.sorted()
    }
}
