import EventStore
import Extraction
import Foundation

/// What people and programs type for types, dates, times, ids and cursors,
/// parsed one way for the CLI and the HTTP API alike. Only the name an
/// error gives the input differs (`--as-of` on the command line, `as_of`
/// in a query string).
public struct TimelineInput: Sendable {
    /// How the caller spells its inputs' names.
    public enum Spelling: Sendable {
        /// Command-line flags: `--as-of`.
        case flag
        /// Query parameters and JSON fields: `as_of`.
        case parameter
    }

    public let spelling: Spelling

    public init(_ spelling: Spelling) {
        self.spelling = spelling
    }

    /// `asOf` becomes `--as-of` or `as_of`; a phrase (`the event id`, for a
    /// positional argument) stays as it is.
    public func name(_ field: String) -> String {
        if field.contains(" ") { return field }
        return switch spelling {
        case .flag: "--" + field.words(joinedBy: "-")
        case .parameter: field.words(joinedBy: "_")
        }
    }

    /// An event type: signing, groundbreaking, …
    public func eventType(_ text: String?, field: String = "type") throws(InputError) -> EventType? {
        guard let text else { return nil }
        guard let type = EventType(rawValue: text) else {
            throw InputError(name(field), text, "is not an event type: use \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    /// An event's date at its precision: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1 or YYYY-H1.
    public func eventDate(_ text: String?, field: String = "date") throws(InputError) -> EventDate? {
        guard let text else { return nil }
        guard let date = EventDate(parsing: text) else {
            throw InputError(name(field), text, "is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1..Q4 or YYYY-H1/H2")
        }
        guard Self.eventYears.contains(date.lower.year) else {
            throw InputError(name(field), text, "is outside the years \(Self.eventYears.lowerBound) to \(Self.eventYears.upperBound) an event may have")
        }
        return date
    }

    /// The years an event's date may fall in: wide enough for a park's
    /// history and its plans, narrow enough to catch a typed 9999.
    public static let eventYears = 1900...2100

    /// An inclusive filter bound, `YYYY-MM-DD`: the first day the text
    /// denotes, or with `upper` its last (`--to 2024-05` means 2024-05-31).
    public func dateBound(_ text: String?, upper: Bool, field: String) throws(InputError) -> String? {
        try eventDate(text, field: field).map { upper ? $0.upper.description : $0.lower.description }
    }

    /// A day of publication, YYYY-MM-DD.
    public func day(_ text: String?, field: String = "published") throws(InputError) -> CivilDate? {
        guard let text else { return nil }
        guard let day = CivilDate(iso: text) else { throw InputError(name(field), text, "is not a date: use YYYY-MM-DD") }
        guard PublicationRange.contains(day) else {
            throw InputError(name(field), text, "is outside \(PublicationRange.description): give the day the document was published")
        }
        return day
    }

    /// A pause between rounds: a number and a unit, `90s`, `30m`, `6h` (a bare
    /// number is minutes); at least a minute, so no site is polled harder.
    public func interval(_ text: String?, field: String = "every") throws(InputError) -> Duration? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let unit = trimmed.last.flatMap { "smh".contains($0) ? $0 : nil }
        guard let number = Int(unit == nil ? trimmed : String(trimmed.dropLast())), number > 0 else {
            throw InputError(name(field), text, "is not an interval: use a number and a unit, such as 90s, 30m or 6h")
        }
        let seconds = number * (unit == "s" ? 1 : unit == "h" ? 3600 : 60)
        guard seconds >= 60 else { throw InputError(name(field), text, "is too short: watch at most once a minute (60s)") }
        return .seconds(seconds)
    }

    /// A point in time: ISO 8601 (with or without fractional seconds), or a
    /// plain day, meaning the end of that day (UTC), so `as_of=2024-05-01`
    /// includes everything recorded on the 1st.
    public func instant(_ text: String?, field: String = "asOf") throws(InputError) -> Date? {
        guard let text else { return nil }
        guard let date = Self.parseInstant(text) else {
            throw InputError(name(field), text, "is not a time: use ISO 8601 (2024-05-01T12:00:00Z) or a day (YYYY-MM-DD, meaning its end)")
        }
        guard let year = Int(text.prefix(4)), Self.eventYears.contains(year) else {
            throw InputError(name(field), text, "is outside the years \(Self.eventYears.lowerBound) to \(Self.eventYears.upperBound)")
        }
        return date
    }

    private static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        if let day = CivilDate(iso: text) {
            return Date(timeIntervalSince1970: TimeInterval(day.dayNumber + 1) * 86_400 - 0.001)
        }
        return nil
    }

    /// A timeline event's id.
    public func eventID(_ text: String, field: String = "id") throws(InputError) -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw InputError(name(field), text, "is not an event id: ids are UUIDs such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427, as events listings give them")
        }
        return id
    }

    /// Where a subscription or replay starts.
    public enum Start: Sendable, Equatable {
        case start, end
        case after(LogCursor)
    }

    /// `start`, `end` or a log cursor (`812-40`).
    public func start(_ text: String, field: String = "from") throws(InputError) -> Start {
        switch text {
        case "start": return .start
        case "end": return .end
        default:
            guard let cursor = LogCursor(text) else {
                throw InputError(name(field), text, "is not a log cursor: use start, end, or the cursor of the last event you read (e.g. 812-40)")
            }
            return .after(cursor)
        }
    }

    /// The filters of a timeline or events listing.
    public func filter(parkID: String?, type: String?, from: String?, to: String?, asOf: String?) throws(InputError) -> TimelineQueries.Filter {
        TimelineQueries.Filter(
            parkID: parkID,
            type: try eventType(type)?.rawValue,
            from: try dateBound(from, upper: false, field: "from"),
            to: try dateBound(to, upper: true, field: "to"),
            asOf: try instant(asOf)
        )
    }
}

/// An input that could not be parsed; the message names it and says what to give.
public struct InputError: Error, Equatable, CustomStringConvertible {
    /// The input's name as the caller spells it (`--type`, `type`).
    public var field: String
    public var text: String
    public var problem: String

    public init(_ field: String, _ text: String, _ problem: String) {
        self.field = field
        self.text = text
        self.problem = problem
    }

    public var description: String {
        "\(field) \"\(text.prefix(40))\" \(problem)"
    }
}
