import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The append-only event log in PostgreSQL: append with an expected version,
/// read a stream, read everything in gapless log order, subscribe.
///
/// Knows nothing of what the events mean.
public struct EventStore: Sendable {
    public let client: PostgresClient
    let logger: Logger

    public static let maximumBatchSize = 10_000
    public static let maximumEventBytes = 1 << 20

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    // MARK: Append

    /// Append `events` to `stream` in one transaction and one round trip.
    ///
    /// Either all events are written or none. Resending a batch whose ids are
    /// all stored already (a retried request) writes nothing and returns the
    /// original result with `wasDuplicate`.
    public func append(
        to stream: StreamName,
        expectedVersion: ExpectedVersion,
        events: [NewEvent]
    ) async throws -> AppendResult {
        try validate(events, for: stream)
        let item = StreamAppend(stream: stream, expectedVersion: expectedVersion, events: events)
        do {
            let rows = try await client.query(Self.appendQuery(item), logger: logger)
            let result = try await Self.appendResult(rows, stream: stream, ids: events.map(\.id))
            logger.debug("appended", metadata: [
                "stream": "\(stream)", "count": "\(events.count)",
                "version": "\(result.streamVersion)", "duplicate": "\(result.wasDuplicate)",
            ])
            return result
        } catch let error as PSQLError {
            throw translate(error, stream: stream, expected: expectedVersion)
        }
    }

    /// One stream's part of an atomic multi-stream append.
    public struct StreamAppend: Sendable {
        public var stream: StreamName
        public var expectedVersion: ExpectedVersion
        public var events: [NewEvent]

        public init(stream: StreamName, expectedVersion: ExpectedVersion, events: [NewEvent]) {
            self.stream = stream
            self.expectedVersion = expectedVersion
            self.events = events
        }
    }

    /// Append to several streams in one transaction and one round trip: all
    /// or nothing (an ingest of a folder records every document or none).
    public func append(_ appends: [StreamAppend]) async throws -> [AppendResult] {
        for item in appends { try validate(item.events, for: item.stream) }
        if appends.count == 1, let item = appends.first {
            return [try await append(to: item.stream, expectedVersion: item.expectedVersion, events: item.events)]
        }
        guard !appends.isEmpty else { return [] }
        do {
            let rows = try await client.query(Self.appendStreamsQuery(appends), logger: logger)
            let stored = try await Self.collectAppended(rows)
            return try appends.map { try Self.appendResult(stored, stream: $0.stream, ids: $0.events.map(\.id)) }
        } catch let error as PSQLError {
            throw translate(error, appends: appends)
        }
    }

    /// Append as `append(_:)` does, holding the advisory lock `lock` until the
    /// transaction commits, provided no event of `types` was committed after
    /// `cursor`; `nil`, with nothing written, when one was.
    ///
    /// For a writer that worked out what to append from the log as it stood at
    /// `cursor`, without the lock other such writers hold while they decide
    /// (`withLock(_:_:)` on the same name): one round trip, where taking the
    /// lock, checking, appending and unlocking took four.
    public func append(_ appends: [StreamAppend], lockedBy lock: String, unlessMovedPast cursor: LogCursor,
                       types: [String]) async throws -> [AppendResult]? {
        for item in appends { try validate(item.events, for: item.stream) }
        guard !appends.isEmpty else { return [] }
        let tx = String(cursor.transactionID)
        let batch = AppendBatch(appends)
        do {
            let rows = try await client.query("""
                SELECT event_id, global_position, stream_version, tx_id::text AS tx_text, duplicate
                FROM append_streams_unless_moved(\(lock), \(tx)::xid8, \(cursor.position), \(types),
                                                 \(batch.streams), \(batch.expected), \(batch.streamOf),
                                                 \(batch.ids), \(batch.types), \(batch.data)::jsonb[], \(batch.metadata)::jsonb[])
                """, logger: logger)
            let stored = try await Self.collectAppended(rows)
            return try appends.map { try Self.appendResult(stored, stream: $0.stream, ids: $0.events.map(\.id)) }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "PL003" {
            return nil
        } catch let error as PSQLError {
            throw translate(error, appends: appends)
        }
    }

    /// A multi-stream append as the columns `append_streams` takes.
    struct AppendBatch {
        var streams: [String]
        var expected: [Int64]
        /// The stream (1-based, into `streams`) of each event.
        var streamOf: [Int32] = []
        var ids: [UUID] = [], types: [String] = [], data: [String] = [], metadata: [String] = []

        init(_ appends: [StreamAppend]) {
            streams = appends.map(\.stream.rawValue)
            expected = appends.map(\.expectedVersion.sqlValue)
            for (index, item) in appends.enumerated() {
                for event in item.events {
                    streamOf.append(Int32(index + 1))
                    ids.append(event.id)
                    types.append(event.type)
                    data.append(String(decoding: event.data, as: UTF8.self))
                    metadata.append(String(decoding: event.metadata, as: UTF8.self))
                }
            }
        }
    }

    static func appendStreamsQuery(_ appends: [StreamAppend]) -> PostgresQuery {
        let batch = AppendBatch(appends)
        return """
            SELECT event_id, global_position, stream_version, tx_id::text AS tx_text, duplicate
            FROM append_streams(\(batch.streams), \(batch.expected), \(batch.streamOf),
                                \(batch.ids), \(batch.types), \(batch.data)::jsonb[], \(batch.metadata)::jsonb[])
            """
    }

    static func appendQuery(_ item: StreamAppend) -> PostgresQuery {
        let ids = item.events.map(\.id)
        let types = item.events.map(\.type)
        let data = item.events.map { String(decoding: $0.data, as: UTF8.self) }
        let metadata = item.events.map { String(decoding: $0.metadata, as: UTF8.self) }
        return """
            SELECT event_id, global_position, stream_version, tx_id::text AS tx_text, duplicate
            FROM append_events(\(item.stream.rawValue), \(item.expectedVersion.sqlValue), \(ids), \(types), \(data)::jsonb[], \(metadata)::jsonb[])
            """
    }

    /// What the database returned for each event id: position, stream version, transaction, duplicate.
    typealias Appended = [UUID: (position: Int64, version: Int64, transaction: UInt64, duplicate: Bool)]

    static func collectAppended(_ rows: PostgresRowSequence) async throws -> Appended {
        var byID: Appended = [:]
        for try await (id, position, version, tx, duplicate) in rows.decode((UUID, Int64, Int64, String, Bool).self) {
            byID[id] = (position, version, UInt64(tx) ?? 0, duplicate)
        }
        return byID
    }

    static func appendResult(_ rows: PostgresRowSequence, stream: StreamName, ids: [UUID]) async throws -> AppendResult {
        try appendResult(try await collectAppended(rows), stream: stream, ids: ids)
    }

    static func appendResult(_ stored: Appended, stream: StreamName, ids: [UUID]) throws -> AppendResult {
        let ordered = ids.compactMap { stored[$0] }
        guard ordered.count == ids.count, let last = ordered.max(by: { $0.version < $1.version }) else {
            throw EventStoreError.eventIDConflict(stream: stream.rawValue, detail: "the batch repeats an event id")
        }
        return AppendResult(
            stream: stream,
            positions: ordered.map(\.position),
            streamVersion: last.version,
            lastCursor: LogCursor(transactionID: last.transaction, position: last.position),
            wasDuplicate: ordered.allSatisfy(\.duplicate)
        )
    }

    private func validate(_ events: [NewEvent], for stream: StreamName) throws(EventStoreError) {
        guard !events.isEmpty else { throw .emptyBatch(stream: stream.rawValue) }
        guard events.count <= Self.maximumBatchSize else {
            throw .batchTooLarge(stream: stream.rawValue, count: events.count, limit: Self.maximumBatchSize)
        }
        for event in events {
            guard Self.isValidType(event.type) else { throw .invalidEventType(event.type) }
            let size = event.data.count + event.metadata.count
            guard size <= Self.maximumEventBytes else {
                throw .eventTooLarge(stream: stream.rawValue, eventType: event.type, bytes: size, limit: Self.maximumEventBytes)
            }
        }
    }

    static func isValidType(_ type: String) -> Bool {
        guard let first = type.unicodeScalars.first, first.isASCIILetter, type.utf8.count <= 100 else { return false }
        return type.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
    }

    /// An error of `append_streams`, whose DETAIL names the stream.
    private func translate(_ error: PSQLError, appends: [StreamAppend]) -> any Error {
        struct Detail: Decodable { var stream: String; var actual: String }
        guard let text = error.serverInfo?[.detail],
              let detail = try? JSONDecoder().decode(Detail.self, from: Data(text.utf8)),
              let item = appends.first(where: { $0.stream.rawValue == detail.stream }) else {
            return translate(error, stream: appends[0].stream, expected: appends[0].expectedVersion, detail: nil)
        }
        return translate(error, stream: item.stream, expected: item.expectedVersion, detail: detail.actual)
    }

    private func translate(_ error: PSQLError, stream: StreamName, expected: ExpectedVersion, detail: String? = nil) -> any Error {
        let detail = detail ?? error.serverInfo?[.detail]
        switch error.serverInfo?[.sqlState] {
        case "PL001":
            let actual = Int64(detail ?? "") ?? -1
            return EventStoreError.wrongExpectedVersion(stream: stream.rawValue, expected: expected, actual: actual)
        case "PL002":
            return EventStoreError.eventIDConflict(stream: stream.rawValue, detail: detail ?? "")
        case "23505":
            return EventStoreError.eventIDConflict(stream: stream.rawValue, detail: "an event id is already used")
        case "22P02", "22032":
            return EventStoreError.invalidJSON(stream: stream.rawValue)
        case "22P05", "22021":
            return EventStoreError.unstorableCharacter(stream: stream.rawValue)
        case "53100":
            return EventStoreError.storageFull(stream: stream.rawValue)
        case .some:
            return error
        case nil:
            return EventStoreError.unavailable("\(error.code)")
        }
    }

    // MARK: Read

    /// Events of one stream from `version` on (1 is the first), in stream order.
    public func read(stream: StreamName, fromVersion version: Int64 = 1, limit: Int = 1000) async throws -> [RecordedEvent] {
        try await Self.collect(client.query("""
            SELECT global_position, tx_id::text AS tx_text, event_id, stream_id, stream_version, type,
                   data::text, metadata::text, recorded_at
            FROM events
            WHERE stream_id = \(stream.rawValue) AND stream_version >= \(version)
            ORDER BY stream_version
            LIMIT \(limit)
            """, logger: logger))
    }

    /// The number of events in `stream` (0 when it does not exist).
    public func version(of stream: StreamName) async throws -> Int64 {
        let rows = try await client.query(
            "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = \(stream.rawValue)",
            logger: logger
        )
        for try await version in rows.decode(Int64.self) { return version }
        return 0
    }

    /// Up to `limit` events after `cursor`, in log order, never skipping one
    /// whose transaction commits late.
    ///
    /// Only rows of transactions below the snapshot's xmin are returned: every
    /// transaction still running has an id at or above it, and every later one
    /// a larger id, so what a reader has seen is always a prefix of the log.
    /// `category` restricts to streams `category-*`.
    public func readAll(after cursor: LogCursor = .start, limit: Int = 1000, category: String? = nil) async throws -> [RecordedEvent] {
        try await Self.collect(client.query(Self.readAllQuery(after: cursor, limit: limit, category: category), logger: logger))
    }

    /// `readAll` on a connection the caller holds (a projector reads and
    /// writes its read model in one transaction).
    public static func readAll(
        on connection: PostgresConnection, after cursor: LogCursor, limit: Int, logger: Logger
    ) async throws -> [RecordedEvent] {
        try await collect(connection.query(readAllQuery(after: cursor, limit: limit, category: nil), logger: logger))
    }

    static func readAllQuery(after cursor: LogCursor, limit: Int, category: String?) -> PostgresQuery {
        let tx = String(cursor.transactionID)
        if let category {
            return """
                SELECT global_position, tx_id::text AS tx_text, event_id, stream_id, stream_version, type,
                       data::text, metadata::text, recorded_at
                FROM events
                WHERE split_part(stream_id, '-', 1) = \(category)
                  AND (tx_id, global_position) > (\(tx)::xid8, \(cursor.position))
                  AND tx_id < (SELECT read_horizon())
                ORDER BY split_part(stream_id, '-', 1), tx_id, global_position
                LIMIT \(limit)
                """
        }
        return """
            SELECT global_position, tx_id::text AS tx_text, event_id, stream_id, stream_version, type,
                   data::text, metadata::text, recorded_at
            FROM events
            WHERE (tx_id, global_position) > (\(tx)::xid8, \(cursor.position))
              AND tx_id < (SELECT read_horizon())
            ORDER BY tx_id, global_position
            LIMIT \(limit)
            """
    }

    /// Run `body` holding the session advisory lock `name`: processes that
    /// take the same lock run their bodies one at a time.
    public func withLock<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(hashtextextended(\(name), 0))", logger: logger)
            do {
                let result = try await body()
                try await connection.query("SELECT pg_advisory_unlock(hashtextextended(\(name), 0))", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(hashtextextended(\(name), 0))", logger: logger)
                throw error
            }
        }
    }

    /// The cursor of the newest event a reader can see now (`.start` for an empty log):
    /// subscribing after it delivers only what is appended from now on.
    public func headCursor() async throws -> LogCursor {
        let rows = try await client.query("""
            SELECT tx_id::text AS tx_text, global_position FROM events
            WHERE tx_id < (SELECT read_horizon())
            ORDER BY tx_id DESC, global_position DESC
            LIMIT 1
            """, logger: logger)
        for try await (tx, position) in rows.decode((String, Int64).self) {
            return LogCursor(transactionID: UInt64(tx) ?? 0, position: position)
        }
        return .start
    }

    /// Events after `cursor` that are committed, of `types`, in log order,
    /// whether or not a gapless reader may see them yet: rows of a
    /// transaction that committed while an older one is still open lie past
    /// the horizon. For a writer that must take every committed event into
    /// account (the report resolver, which holds a lock every resolving
    /// writer takes), not for readers, which would see the log out of order.
    public func committed(after cursor: LogCursor, types: [String], limit: Int = 10_000) async throws -> [RecordedEvent] {
        let tx = String(cursor.transactionID)
        return try await Self.collect(client.query("""
            SELECT global_position, tx_id::text AS tx_text, event_id, stream_id, stream_version, type,
                   data::text, metadata::text, recorded_at
            FROM events
            WHERE (tx_id, global_position) > (\(tx)::xid8, \(cursor.position)) AND type = ANY(\(types))
            ORDER BY tx_id, global_position
            LIMIT \(limit)
            """, logger: logger))
    }

    /// Whether `cursor` lies beyond the end of this log: no event at or
    /// after it, or a position larger than any the log has given. Such a
    /// cursor comes from another database (a restore onto a fresh one, a
    /// typo); resuming from it would wait silently for events that will
    /// never be numbered so.
    public func isPastEnd(_ cursor: LogCursor) async throws -> Bool {
        guard cursor != .start else { return false }
        let tx = String(cursor.transactionID)
        let rows = try await client.query("""
            SELECT EXISTS (SELECT 1 FROM events WHERE (tx_id, global_position) >= (\(tx)::xid8, \(cursor.position))),
                   coalesce((SELECT max(global_position) FROM events), 0)
            """, logger: logger)
        for try await (reached, lastPosition) in rows.decode((Bool, Int64).self) {
            return !reached || cursor.position > lastPosition
        }
        return true
    }

    /// What the read horizon holds back now: events committed but not yet
    /// readable because an older transaction is still open, and how long
    /// the oldest open transaction of this database (that this role may
    /// see) has run. Transactions in other databases of the cluster hold
    /// nothing back (see `read_horizon()` in the log's migrations).
    public func horizonHold() async throws -> HorizonHold {
        let rows = try await client.query("""
            SELECT (SELECT count(*) FROM events WHERE tx_id >= (SELECT read_horizon())),
                   coalesce((SELECT extract(epoch FROM clock_timestamp() - min(xact_start))::float8 FROM pg_stat_activity
                             WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
                               AND datname = current_database()), 0)
            """, logger: logger)
        for try await (held, age) in rows.decode((Int64, Double).self) {
            return HorizonHold(heldEvents: Int(held), oldestTransactionAge: held > 0 ? age : 0)
        }
        return HorizonHold(heldEvents: 0, oldestTransactionAge: 0)
    }

    /// Events after `cursor`, then live ones as they are appended; see ``EventSubscription``.
    public func subscribe(
        after cursor: LogCursor,
        category: String? = nil,
        notifier: LogNotifier?,
        batchSize: Int = 500,
        pollInterval: Duration? = nil
    ) -> EventSubscription {
        EventSubscription(store: self, cursor: cursor, category: category, notifier: notifier, batchSize: batchSize,
                          pollInterval: pollInterval)
    }

    static func collect(_ rows: PostgresRowSequence) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        for try await row in rows {
            // The JSON bodies come as their UTF-8 bytes (no String on the way).
            let (position, tx, id, stream, version, type, data, metadata, recordedAt) =
                try row.decode((Int64, String, UUID, String, Int64, String, ByteBuffer, ByteBuffer, Date).self)
            events.append(RecordedEvent(
                position: position,
                transactionID: UInt64(tx) ?? 0,
                id: id,
                stream: StreamName(stored: stream),
                streamVersion: version,
                type: type,
                data: Data(data.readableBytesView),
                metadata: Data(metadata.readableBytesView),
                recordedAt: recordedAt
            ))
        }
        return events
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
