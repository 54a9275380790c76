import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The log written out as NDJSON, one event a line in log order, with every
/// field needed to append it again exactly: id, stream, stream version, type,
/// recorded time and the stored JSON bodies (the occurred time of a timeline
/// event is in its data). `position` and `cursor` say where the event sat in
/// this log; an import keeps the rest and takes positions of its own.
///
/// The last line, `{"end": {"events": N, "cursor": …}}`, says the file is
/// whole: an import of a file without it stops at its end as truncated.
///
/// Pages of the log are read by cursor under the snapshot horizon (the
/// gapless rule) and written as they arrive, so memory stays constant
/// whatever the log's size.
public struct LogExport: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Events read per query.
    public var pageSize = 5000

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// What an export wrote.
    public struct Summary: Sendable, Equatable {
        public var events: Int
        /// The cursor of the last event written (`after` when none was).
        public var lastCursor: LogCursor
        /// Events committed after `lastCursor` but not written: held back by a
        /// transaction still open somewhere in the cluster (the reading rule),
        /// or appended while the export ran. `--after lastCursor` takes them.
        public var notWritten: Int = 0
    }

    /// Write every event after `cursor` to `output` (bytes of whole lines),
    /// calling `progress` with the count so far after each page.
    public func write(
        after cursor: LogCursor = .start,
        to output: (ByteBuffer) throws -> Void,
        progress: (Int) -> Void = { _ in }
    ) async throws -> Summary {
        var cursor = cursor
        var total = 0
        while true {
            let tx = String(cursor.transactionID)
            let rows = try await client.query("""
                SELECT tx_id::text AS tx_text, global_position,
                       json_build_object(
                           'position', global_position, 'cursor', tx_id::text || '-' || global_position,
                           'stream', stream_id, 'stream_version', stream_version, 'id', event_id, 'type', type,
                           'recorded_at', recorded_at, 'data', data, 'metadata', metadata)::text
                FROM events
                WHERE (tx_id, global_position) > (\(tx)::xid8, \(cursor.position))
                  AND tx_id < (SELECT read_horizon())
                ORDER BY tx_id, global_position
                LIMIT \(pageSize)
                """, logger: logger)
            var buffer = ByteBuffer()
            var count = 0
            for try await row in rows {
                var (tx, position, line) = try row.decode((String, Int64, ByteBuffer).self)
                buffer.writeBuffer(&line)
                buffer.writeInteger(UInt8(ascii: "\n"))
                cursor = LogCursor(transactionID: UInt64(tx) ?? 0, position: position)
                count += 1
                if buffer.readableBytes >= 1 << 20 {
                    try output(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try output(buffer) }
            total += count
            progress(total)
            if count < pageSize { break }
        }
        let end = #"{"end":{"events":\#(total),"cursor":"\#(cursor)"}}"# + "\n"
        try output(ByteBuffer(string: end))
        var rest = 0
        let tx = String(cursor.transactionID)
        for try await count in try await client.query(
            "SELECT count(*) FROM events WHERE (tx_id, global_position) > (\(tx)::xid8, \(cursor.position))", logger: logger
        ).decode(Int64.self) { rest = Int(count) }
        logger.info("exported", metadata: ["events": "\(total)", "cursor": "\(cursor)", "not_written": "\(rest)"])
        return Summary(events: total, lastCursor: cursor, notWritten: rest)
    }
}
