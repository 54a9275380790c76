import Foundation

/// A point in time as people and programs write it for `--as-of`/`as_of`:
/// ISO 8601 with or without fractional seconds.
public enum Instant {
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
