import Foundation

/// The days a document may have been published on: from the founding of
/// the People's Republic (1949-10-01; no industrial park's news is older)
/// to tomorrow in UTC (a page dated in Beijing's today may be ahead of UTC).
/// A date outside is a typo or a page's placeholder (`9999-12-31`), and
/// would put its events centuries away.
public enum PublicationRange {
    public static let earliest = CivilDate(year: 1949, month: 10, day: 1)

    /// Tomorrow, UTC.
    public static var latest: CivilDate {
        CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)) + 1)
    }

    public static func contains(_ day: CivilDate) -> Bool {
        day >= earliest && day <= latest
    }

    /// "1949-10-01 to 2026-12-06", for messages.
    public static var description: String { "\(earliest) to \(latest)" }
}
