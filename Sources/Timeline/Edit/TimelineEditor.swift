import EventStore
import Extraction
import Foundation
import Logging
import TimelineEvents

/// Changes people make by hand: record an event the documents do not
/// report, retract one that is wrong, correct its date, type or title.
///
/// Every change is an event appended to the park's stream (`park-<id>`), so
/// the log keeps what was believed when. Retractions and corrections check
/// the event's current state and append with the park stream's version as
/// the expected one: two people changing the same park at once get a
/// version conflict instead of silently overwriting each other. Shared by
/// the CLI and the daemon.
public struct TimelineEditor: Sendable {
    let store: EventStore
    let queries: TimelineQueries
    let readModel: ReadModel

    /// How long a write waits for the projection before it answers anyway.
    let settleTimeout: Duration

    public init(store: EventStore, queries: TimelineQueries, readModel: ReadModel, settleTimeout: Duration = .seconds(2)) {
        self.store = store
        self.queries = queries
        self.readModel = readModel
        self.settleTimeout = settleTimeout
    }

    public static let maximumTitleLength = 200
    public static let maximumTextLength = 2_000

    /// A hand-recorded event.
    public struct Recording: Sendable {
        public var park: ParkPayload
        public var type: EventType
        public var date: EventDate
        public var title: String
        public var evidence: String?
        public var source: String?

        public init(park: ParkPayload, type: EventType, date: EventDate, title: String, evidence: String? = nil, source: String? = nil) {
            self.park = park
            self.type = type
            self.date = date
            self.title = title
            self.evidence = evidence
            self.source = source
        }
    }

    /// What a correction changes; fields left `nil` stay as they are.
    public struct Correction: Sendable {
        public var type: EventType?
        public var date: EventDate?
        public var title: String?
        public var reason: String

        public init(type: EventType? = nil, date: EventDate? = nil, title: String? = nil, reason: String) {
            self.type = type
            self.date = date
            self.title = title
            self.reason = reason
        }
    }

    public struct Change: Sendable {
        /// The event as it stands after the change.
        public var event: TimelineEventPayload
        public var append: AppendResult
    }

    /// Append a `TimelineEventRecorded`. With an idempotency key, sending the
    /// same recording again returns the first result and writes nothing.
    public func record(_ recording: Recording, actor: String, idempotencyKey: String? = nil) async throws -> Change {
        let title = try Self.checkedText(recording.title, field: "title", limit: Self.maximumTitleLength)
        let evidence = try recording.evidence.map { try Self.checkedText($0, field: "evidence", limit: Self.maximumTextLength) }
        if let source = recording.source, source.unicodeScalars.count > Self.maximumTextLength {
            throw EditError.fieldTooLong("source", limit: Self.maximumTextLength)
        }
        if let source = recording.source,
           let control = source.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw EditError.controlCharacter("source", String(format: "U+%04X", control.value))
        }
        let eventID = idempotencyKey.map { DeterministicID.recordedEvent(park: recording.park.id, idempotencyKey: $0) } ?? UUID()
        let payload = TimelineEventPayload(
            eventId: eventID, type: recording.type.rawValue, date: recording.date.formatted,
            precision: recording.date.precision.rawValue, lower: recording.date.lower.description,
            upper: recording.date.upper.description, expression: nil, park: recording.park, title: title,
            evidence: evidence, subjects: [], amounts: [],
            source: .init(document: recording.source, recordedBy: actor)
        )
        let event = try NewEvent(
            id: DeterministicID.recording(of: eventID),
            type: DomainEventType.timelineEventRecorded.rawValue, body: payload, metadata: ["actor": actor]
        )
        let result = try await store.append(to: try Self.stream(of: recording.park.id), expectedVersion: .any, events: [event])
        await settle(past: result.lastCursor)
        return Change(event: payload, append: result)
    }

    /// Append a `TimelineEventRetracted` for a current event.
    public func retract(_ eventID: UUID, reason: String, actor: String, idempotencyKey: String? = nil) async throws -> Change {
        let reason = try Self.checkedText(reason, field: "reason", limit: Self.maximumTextLength)
        let (current, stream, version) = try await currentState(of: eventID, idempotent: idempotencyKey != nil)
        let body = TimelineEventRetracted(eventId: current.eventId, parkId: current.park.id, reason: reason)
        let event = try NewEvent(
            id: idempotencyKey.map { DeterministicID.edit(.timelineEventRetracted, of: eventID, idempotencyKey: $0) } ?? UUID(),
            type: DomainEventType.timelineEventRetracted.rawValue, body: body, metadata: ["actor": actor]
        )
        let result = try await store.append(to: stream, expectedVersion: version, events: [event])
        await settle(past: result.lastCursor)
        return Change(event: current, append: result)
    }

    /// Append a `TimelineEventCorrected` with the fields that change.
    public func correct(_ eventID: UUID, _ correction: Correction, actor: String, idempotencyKey: String? = nil) async throws -> Change {
        let reason = try Self.checkedText(correction.reason, field: "reason", limit: Self.maximumTextLength)
        let title = try correction.title.map { try Self.checkedText($0, field: "title", limit: Self.maximumTitleLength) }
        let (current, stream, version) = try await currentState(of: eventID, idempotent: idempotencyKey != nil)
        // The body says what was asked (so a retried request is the same
        // event); the updated state is what the projection will show.
        var body = TimelineEventCorrected(eventId: current.eventId, parkId: current.park.id, type: correction.type?.rawValue, title: title, reason: reason)
        if let date = correction.date {
            body.date = date.formatted
            body.precision = date.precision.rawValue
            body.lower = date.lower.description
            body.upper = date.upper.description
        }
        let updated = current.applying(body)
        if updated == current && idempotencyKey == nil { throw EditError.nothingToChange(eventID) }
        let event = try NewEvent(
            id: idempotencyKey.map { DeterministicID.edit(.timelineEventCorrected, of: eventID, idempotencyKey: $0) } ?? UUID(),
            type: DomainEventType.timelineEventCorrected.rawValue, body: body, metadata: ["actor": actor]
        )
        let result = try await store.append(to: stream, expectedVersion: version, events: [event])
        await settle(past: result.lastCursor)
        return Change(event: updated, append: result)
    }

    /// The event's current state (after bringing the read model up to date),
    /// its park stream and that stream's version to append against.
    func currentState(of eventID: UUID, idempotent: Bool) async throws -> (TimelineEventPayload, StreamName, ExpectedVersion) {
        // An event appended a moment ago may not be readable yet: log readers
        // wait for older transactions anywhere in the cluster to end. Give
        // read-your-writes a second before calling the event unknown.
        var found: TimelineQueries.Version?
        for attempt in 0..<10 {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(100)) }
            try await readModel.catchUp()
            found = try await queries.history(of: eventID).last
            if found != nil { break }
        }
        guard var latest = found else { throw EditError.unknownEvent(eventID) }
        // A report merged into another event: the change is to that event.
        for _ in 0..<8 {
            guard let host = latest.event.mergedInto, let hostState = try await queries.history(of: host).last else { break }
            latest = hostState
        }
        let eventID = latest.event.eventId
        let stream = try Self.stream(of: latest.event.park.id)
        // Hand edits of this park are in its stream: bring the read model past
        // the stream's last event, so the checks below see every earlier edit.
        let version = try await store.version(of: stream)
        if version > 0, let last = try await store.read(stream: stream, fromVersion: version, limit: 1).first {
            try await waitForProjection(past: last.cursor)
            latest = try await queries.history(of: eventID).last ?? latest
        }
        // A retried request finds its own change already applied; let the
        // store recognise the duplicate instead of refusing it here.
        if latest.retracted && !idempotent { throw EditError.retracted(eventID) }
        return (latest.event, stream, idempotent ? .any : (version == 0 ? .noStream : .exact(version)))
    }

    /// Read-your-writes: bring the read model past a change just appended
    /// (for at most `settleTimeout`, 2 s by default).
    public func settle(past cursor: LogCursor) async {
        await readModel.settle(past: cursor, timeout: settleTimeout)
    }

    private func waitForProjection(past cursor: LogCursor) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while true {
            try await readModel.catchUp()
            if try await readModel.checkpoint() >= cursor { return }
            guard ContinuousClock.now < deadline else { throw EditError.projectionBehind }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func stream(of parkID: String) throws -> StreamName {
        try StreamName(category: "park", id: parkID)
    }

    static func checkedText(_ text: String, field: String, limit: Int) throws(EditError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyField(field) }
        // Counted as the description's `maxLength` counts (code points): a run of
        // combining marks or emoji modifiers is one character to Swift but many to a client.
        guard trimmed.unicodeScalars.count <= limit else { throw .fieldTooLong(field, limit: limit) }
        // Control characters (NUL above all, which PostgreSQL cannot store in
        // JSON) have no place in a title or reason; line breaks and tabs do.
        if let control = trimmed.unicodeScalars.first(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) {
            throw .controlCharacter(field, String(format: "U+%04X", control.value))
        }
        return trimmed
    }
}

/// Why a hand edit was refused; nothing was written.
public enum EditError: Error, Equatable, CustomStringConvertible {
    case emptyField(String)
    case fieldTooLong(String, limit: Int)
    case controlCharacter(String, String)
    case unknownEvent(UUID)
    case retracted(UUID)
    case nothingToChange(UUID)
    case projectionBehind
    case differentParks(UUID, UUID)
    case nothingToMerge(UUID)
    case nothingToSplit(UUID)

    public var description: String {
        switch self {
        case let .emptyField(field): return "the \(field) is empty: give one"
        case let .fieldTooLong(field, limit): return "the \(field) is longer than \(limit) characters: shorten it"
        case let .controlCharacter(field, code): return "the \(field) contains the control character \(code): remove it"
        case let .unknownEvent(id): return "no event has the id \(id.uuidString.lowercased()): list ids with `parkline events --format json`"
        case let .retracted(id): return "event \(id.uuidString.lowercased()) is retracted already: record a new event instead"
        case .projectionBehind:
            return "the read model is behind the log (a long transaction may be holding it back): retry in a few seconds"
        case let .differentParks(a, b):
            return "events \(a.uuidString.lowercased()) and \(b.uuidString.lowercased()) are of different parks: only reports of one park's act can be merged"
        case let .nothingToMerge(id):
            return "merging \(id.uuidString.lowercased()) with itself changes nothing: give the ids of two different events"
        case let .nothingToSplit(id):
            return "event \(id.uuidString.lowercased()) has a single report: there is nothing to split (give a report's id, as `parkline show` lists them)"
        case let .nothingToChange(id):
            return "the correction of \(id.uuidString.lowercased()) changes nothing: give a --date, --type or --title that differs"
        }
    }
}
