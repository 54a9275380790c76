import Foundation
import Logging
import PostgresNIO

/// Appends an export (see ``LogExport``) to a log, empty or not, in the
/// file's order, keeping each event's id, stream version and recorded time.
///
/// The file is read a batch at a time: every line of a batch is checked
/// before the batch is written in one transaction (`import_events`), so a
/// malformed line stops the import with its number and nothing of its batch
/// written. Events already stored with the same content are skipped, so the
/// same file imported twice writes nothing the second time and a re-run
/// resumes after the last committed batch. Import appends what the file
/// holds and nothing else: decisions recorded in the file (merges of
/// reports, for one) arrive as they are, and none are made anew.
public struct LogImport: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Events per transaction.
    public var batchSize = 2000
    /// Bytes of lines per transaction (a batch of large documents ends early).
    public var batchBytes = 8 << 20

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// What an import did.
    public struct Summary: Sendable, Equatable {
        /// Events in the file.
        public var events: Int
        /// Events appended now.
        public var written: Int
        /// Events already stored with the same content.
        public var skipped: Int { events - written }
    }

    /// Import `path`; `progress` gets the events read so far after each batch.
    public func run(path: String, progress: (Int) -> Void = { _ in }) async throws -> Summary {
        var reader: LineReader
        do { reader = try LineReader(path: path) } catch { throw LogImportError.unreadable(file: path) }
        defer { reader.close() }
        var batch: [String] = []
        var lines: [Int] = []
        var bytes = 0
        var summary = Summary(events: 0, written: 0)
        var sawEnd = false
        while let line = try reader.next() {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            guard !sawEnd else {
                throw LogImportError.malformed(file: path, line: reader.lineNumber, reason: "a line after the export's closing line")
            }
            switch try Self.check(line, file: path, lineNumber: reader.lineNumber) {
            case .event:
                batch.append(String(decoding: line, as: UTF8.self))
                lines.append(reader.lineNumber)
                bytes += line.count
            case let .end(count):
                let found = summary.events + batch.count
                guard count == found else {
                    throw LogImportError.countMismatch(file: path, line: reader.lineNumber, expected: count, found: found)
                }
                sawEnd = true
            }
            if batch.count >= batchSize || bytes >= batchBytes {
                summary.written += try await write(batch, lines: lines, file: path)
                summary.events += batch.count
                progress(summary.events)
                batch.removeAll(keepingCapacity: true)
                lines.removeAll(keepingCapacity: true)
                bytes = 0
            }
        }
        // A line cut off mid-way was refused above as malformed; a file cut at
        // a line's end lacks the closing line, and its last batch is not written.
        guard sawEnd else { throw LogImportError.truncated(file: path, lines: reader.lineNumber) }
        if !batch.isEmpty {
            summary.written += try await write(batch, lines: lines, file: path)
            summary.events += batch.count
            progress(summary.events)
        }
        logger.info("imported", metadata: ["file": "\(path)", "events": "\(summary.events)", "written": "\(summary.written)"])
        return summary
    }

    enum Line { case event, end(Int) }

    /// Check one line: an event with every field of the right kind, or the closing line.
    static func check(_ line: Data, file: String, lineNumber: Int) throws(LogImportError) -> Line {
        func malformed(_ reason: String) -> LogImportError { .malformed(file: file, line: lineNumber, reason: reason) }
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw malformed("not a JSON object")
        }
        if let end = object["end"] as? [String: Any] {
            guard let count = end["events"] as? Int else { throw malformed("a closing line without its event count") }
            return .end(count)
        }
        guard let id = object["id"] as? String, UUID(uuidString: id) != nil else { throw malformed("no event id (a UUID) in \"id\"") }
        guard let stream = object["stream"] as? String, (try? StreamName(stream)) != nil else {
            throw malformed("no stream name (category-id) in \"stream\"")
        }
        guard let version = object["stream_version"] as? Int, version >= 1 else {
            throw malformed("no stream version (1 or more) in \"stream_version\"")
        }
        guard let type = object["type"] as? String, EventStore.isValidType(type) else { throw malformed("no event type in \"type\"") }
        guard let recorded = object["recorded_at"] as? String, Self.looksLikeTimestamp(recorded) else {
            throw malformed("no recorded time (ISO 8601 with its offset) in \"recorded_at\"")
        }
        guard object["data"] is [String: Any] else { throw malformed("no JSON object in \"data\"") }
        guard object["metadata"] is [String: Any] else { throw malformed("no JSON object in \"metadata\"") }
        guard line.count <= EventStore.maximumEventBytes * 2 else { throw malformed("longer than \(EventStore.maximumEventBytes * 2) bytes") }
        return .event
    }

    /// `2024-05-01T08:00:00.123456+00:00`, as PostgreSQL writes a timestamptz in JSON.
    static func looksLikeTimestamp(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 20, scalars.count <= 40 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard digits.allSatisfy({ ("0"..."9").contains(scalars[$0]) }),
              scalars[4] == "-", scalars[7] == "-", scalars[10] == "T", scalars[13] == ":", scalars[16] == ":" else { return false }
        return scalars.last == "Z" || scalars.suffix(6).first == "+" || scalars.suffix(6).first == "-"
    }

    private func write(_ batch: [String], lines: [Int], file: String) async throws -> Int {
        do {
            let rows = try await client.query("SELECT import_events(\(batch)::jsonb[])", logger: logger)
            for try await written in rows.decode(Int64.self) { return Int(written) }
            return 0
        } catch let error as PSQLError {
            struct Detail: Decodable { var index: Int; var reason: String }
            let line = lines.first ?? 0
            if error.serverInfo?[.sqlState] == "PL004", let text = error.serverInfo?[.detail],
               let detail = try? JSONDecoder().decode(Detail.self, from: Data(text.utf8)) {
                let at = detail.index >= 1 && detail.index <= lines.count ? lines[detail.index - 1] : line
                throw LogImportError.conflict(file: file, line: at, reason: detail.reason)
            }
            guard let message = error.serverInfo?[.message] else { throw error }
            throw LogImportError.refused(file: file, line: line, reason: message)
        }
    }
}
