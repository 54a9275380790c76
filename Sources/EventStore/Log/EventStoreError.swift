/// Why an append or read was refused. Each description names the input and
/// what to do next.
public enum EventStoreError: Error, Equatable, CustomStringConvertible {
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int64)
    case eventIDConflict(stream: String, detail: String)
    case invalidStreamName(String)
    case invalidEventType(String)
    case emptyBatch(stream: String)
    case batchTooLarge(stream: String, count: Int, limit: Int)
    case eventTooLarge(stream: String, eventType: String, bytes: Int, limit: Int)
    case invalidJSON(stream: String)
    /// Text PostgreSQL cannot store (U+0000 in JSON).
    case unstorableCharacter(stream: String)
    case invalidCursor(String)
    case unavailable(String)
    /// The server's disk is full (SQLSTATE 53100): nothing of the append was written.
    case storageFull(stream: String)

    public var description: String {
        switch self {
        case let .wrongExpectedVersion(stream, expected, actual):
            return "stream \(stream) is at version \(actual), not \(expected) as expected: read it again and retry"
        case let .eventIDConflict(stream, detail):
            return "append to \(stream) reuses event ids with different content (\(detail)): use new ids for new events, or resend the original batch unchanged"
        case let .invalidStreamName(name):
            return "\"\(name.prefix(80))\" is not a stream name: use category-id, the category in lower-case letters, digits and _ (e.g. park-suxitong), at most \(StreamName.maximumLength) bytes"
        case let .invalidEventType(type):
            return "\"\(type.prefix(80))\" is not an event type: use letters, digits, _ and . starting with a letter"
        case let .emptyBatch(stream):
            return "nothing to append to \(stream): give at least one event"
        case let .batchTooLarge(stream, count, limit):
            return "\(count) events for \(stream) in one append exceed the limit of \(limit): split the batch"
        case let .eventTooLarge(stream, type, bytes, limit):
            return "a \(type) event for \(stream) has \(bytes) bytes of data, over the limit of \(limit): store large content elsewhere and reference it"
        case let .invalidJSON(stream):
            return "an event for \(stream) has data or metadata that is not valid JSON: send JSON objects"
        case let .unstorableCharacter(stream):
            return "an event for \(stream) contains the character U+0000 (NUL), which PostgreSQL cannot store: remove it from the input"
        case let .invalidCursor(text):
            return "\"\(text.prefix(80))\" is not a log cursor: use the <tx>-<position> token printed with each event, or 0-0 for the start"
        case let .storageFull(stream):
            return "the append to \(stream) was not stored: the database's disk is full. Nothing of it was written, and every "
                + "append acknowledged before it is kept (PostgreSQL acknowledges only what it has flushed). Free space on the "
                + "database's disk and retry: resending the same events (the same ids) writes nothing twice"
        case let .unavailable(reason):
            return "the database is unavailable (\(reason)): check that PostgreSQL is running and retry"
        }
    }
}
