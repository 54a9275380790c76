/// Why an import stopped. Each names the file and line, and what to do; the
/// batch holding that line wrote nothing, earlier batches stay committed, and
/// running the import again resumes after them.
public enum LogImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String)
    case malformed(file: String, line: Int, reason: String)
    case truncated(file: String, lines: Int)
    case conflict(file: String, line: Int, reason: String)
    case refused(file: String, line: Int, reason: String)
    case countMismatch(file: String, line: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .unreadable(file):
            return "cannot read \(file): check the path and its permissions"
        case let .malformed(file, line, reason):
            return "\(file) line \(line) is not an exported event (\(reason)): nothing of its batch was written; "
                + "fix or remove the line (or export again) and run the import again, it resumes after the last batch written"
        case let .truncated(file, lines):
            return "\(file) ends after line \(lines) without the export's closing line: the file is cut short; "
                + "what it held was imported, export it again and import that file (events already here are skipped)"
        case let .conflict(file, line, reason):
            return "\(file) line \(line) conflicts with this log: \(reason); nothing of its batch was written. "
                + "Import into an empty log, or one that holds only earlier imports of the same export"
        case let .refused(file, line, reason):
            return "the database refused the batch holding \(file) line \(line): \(reason); nothing of that batch was written"
        case let .countMismatch(file, line, expected, found):
            return "\(file) line \(line) says the export held \(expected) events, but \(found) came before it: "
                + "the file was edited or joined from pieces; export it again"
        }
    }
}
