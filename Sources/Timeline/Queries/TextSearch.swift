import Foundation

/// Searching timeline events by text: a title, a subject or any report's
/// evidence that contains the words asked for, ignoring case.
///
/// The match is `strpos`, not `LIKE`: `%`, `_` and `\` in what a user types
/// are plain characters, so no escaping can be forgotten. The text is
/// always a bound parameter; only the constant list of fields below is
/// spliced into SQL.
public enum TextSearch {
    /// The longest search text accepted, in characters.
    public static let maximumLength = 100

    /// The texts of an event row `v` a search looks in, as one column `t`.
    static let fields = """
        SELECT v.title
        UNION ALL SELECT v.payload ->> 'evidence'
        UNION ALL SELECT s #>> '{}' FROM jsonb_path_query(v.payload, 'lax $.subjects[*]') AS s
        UNION ALL SELECT s #>> '{}' FROM jsonb_path_query(v.payload, 'lax $.reports[*].title') AS s
        UNION ALL SELECT s #>> '{}' FROM jsonb_path_query(v.payload, 'lax $.reports[*].evidence') AS s
        UNION ALL SELECT s #>> '{}' FROM jsonb_path_query(v.payload, 'lax $.reports[*].subjects[*]') AS s
        """

    /// What to search for in `text` as typed: trimmed; `nil` when nothing is left.
    public static func needle(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
