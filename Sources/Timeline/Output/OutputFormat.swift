/// How listings are printed: aligned tables for people, JSON, NDJSON or CSV for programs.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, ndjson, csv
}
