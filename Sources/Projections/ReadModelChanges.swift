import EventStore
import TimelineEvents
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// What one batch of the log changes in the read model, folded in memory and
/// then written with a few set-based statements, whatever the batch size.
///
/// Most events of a log are extractions of events seen for the first time.
/// Their rows are derived by PostgreSQL straight from `events` (one INSERT …
/// SELECT by position), so their JSON never crosses the wire twice nor goes
/// through a Swift decoder. Everything else (a correction, a retraction, an
/// event recorded again) is folded here in log order.
struct ReadModelChanges {
    /// A row of `timeline_event_versions` to insert.
    struct Version {
        var payload: TimelineEventPayload
        /// The payload as JSON text (the event's own body when unchanged).
        var payloadJSON: String
        var version: Int32
        var retracted: Bool
        var validFrom: Date
        var validTo: Date?
        var logPosition: Int64
    }

    /// What is known of an event id while folding: its newest version number
    /// and its current state, either stored before the batch or new in it.
    private struct Known {
        var latestVersion: Int32
        var current: Current?

        enum Current {
            case stored(payloadJSON: String, version: Int32, position: Int64, retracted: Bool)
            case pending(index: Int)
        }
    }

    /// What the projector keeps between batches: stored states not decoded again, reports not encoded again.
    private let cache: ProjectionCache

    private var known: [UUID: Known]
    private(set) var versions: [Version] = []
    /// Stored current versions the batch supersedes, with the time it did.
    private(set) var closes: [(id: UUID, at: Date)] = []
    /// Positions of first-seen extractions, whose rows PostgreSQL derives itself.
    private(set) var fresh: [Int64] = []
    /// Positions of every event carrying a park (its directory entry is upserted from them).
    private(set) var parkPositions: [Int64] = []
    private var documents: [String: (body: DocumentIngested, recordedAt: Date, position: Int64)] = [:]
    /// Ids the batch's events name more than once, or that are stored already.
    private let foldedIDs: Set<UUID>

    init(stored: [UUID: StoredVersions.Row], batch: [Change], cache: ProjectionCache = ProjectionCache()) {
        self.cache = cache
        known = stored.mapValues { row in
            Known(latestVersion: row.version,
                  current: row.currentPayloadJSON.map { .stored(payloadJSON: $0, version: row.version, position: row.position, retracted: row.retracted) })
        }
        var seen = Set<UUID>(), repeated = Set(stored.keys)
        for id in batch.flatMap(\.eventIDs) where !seen.insert(id).inserted { repeated.insert(id) }
        foldedIDs = repeated
    }

    /// A log event as the timeline reads it, decoded once.
    enum Change {
        case document(DocumentIngested, recordedAt: Date, position: Int64)
        /// An event's whole state (`…Extracted`, `…Recorded`); only its id is decoded up front.
        case state(UUID, RecordedEvent)
        /// A correction or retraction.
        case edit(TimelineEventState.Change, RecordedEvent)
        case merge(ReportsMerged, RecordedEvent)
        case split(ReportsSplit, RecordedEvent)
        case other

        init(_ event: RecordedEvent) throws {
            switch DomainEventType(rawValue: event.type) {
            case .documentIngested:
                self = .document(try event.decode(DocumentIngested.self), recordedAt: event.recordedAt, position: event.position)
            case .timelineEventExtracted, .timelineEventRecorded:
                self = .state(try event.decode(EventReference.self).eventId, event)
            case .timelineEventCorrected, .timelineEventRetracted:
                self = try TimelineEventState.Change(event).map { .edit($0, event) } ?? .other
            case .reportsMerged:
                self = .merge(try event.decode(ReportsMerged.self), event)
            case .reportsSplit:
                self = .split(try event.decode(ReportsSplit.self), event)
            case nil:
                self = .other  // Other event types are not the timeline's business.
            }
        }

        private struct EventReference: Decodable { var eventId: UUID }

        /// The timeline events it concerns.
        var eventIDs: [UUID] {
            switch self {
            case .state(let id, _): [id]
            case .edit(let change, _): [change.eventID]
            case .merge(let merge, _): merge.joins.flatMap { [$0.eventId] + $0.reports }
            case .split(let split, _): [split.eventId] + split.reports
            case .document, .other: []
            }
        }
    }

    // MARK: Folding

    mutating func fold(_ change: Change) throws {
        switch change {
        case .document(let body, let recordedAt, let position):
            documents[body.documentHash] = (body, recordedAt, position)
        case .state(let id, let event):
            parkPositions.append(event.position)
            guard foldedIDs.contains(id) else {
                fresh.append(event.position)
                return
            }
            let payload = try event.decode(TimelineEventPayload.self)
            supersede(id, with: TimelineEventState(event: payload), json: String(decoding: event.data, as: UTF8.self), at: event)
        case .edit(let edit, let event):
            let id = edit.eventID
            guard let (current, json) = try current(id) else { return }
            if let host = current.event.mergedInto {
                try editReport(edit, of: current.event, in: host, at: event)
                return
            }
            guard let next = TimelineEventState.after(edit, from: current) else { return }
            // A retraction leaves the fields, and so the stored JSON, as they were.
            let nextJSON = next.event == current.event ? json : try self.json(next.event)
            supersede(id, with: next, json: nextJSON, at: event)
        case .merge(let merge, let event):
            // Each join in turn, as if each were its own merge at this place in the log.
            for join in merge.joins {
                guard let (target, _) = try current(join.eventId), !target.retracted else { continue }
                var merged = target.event
                for id in join.reports where id != join.eventId {
                    guard let (report, _) = try current(id), !report.retracted else { continue }
                    merged = merged.merging(report.event)
                    var gone = report.event
                    gone.mergedInto = join.eventId
                    supersede(id, with: TimelineEventState(event: gone, retracted: true), json: try self.json(gone), at: event)
                }
                guard merged != target.event else { continue }
                supersede(join.eventId, with: TimelineEventState(event: merged), json: try self.json(merged), at: event)
            }
        case .split(let split, let event):
            guard let (cluster, _) = try current(split.eventId), !cluster.retracted else { return }
            let ids = Set(split.reports).subtracting([split.eventId])
            let leaving = cluster.event.allReports.filter { ids.contains($0.eventId) }
            guard !leaving.isEmpty else { return }
            let remaining = cluster.event.removingReports(ids)
            supersede(split.eventId, with: TimelineEventState(event: remaining), json: try self.json(remaining), at: event)
            for report in leaving where known[report.eventId] != nil {
                supersede(report.eventId, with: TimelineEventState(event: report), json: try self.json(report), at: event)
            }
        case .other:
            return
        }
    }

    /// A correction or retraction of a report merged into `host`: the report
    /// changes inside its event (a report no longer found leaves it).
    private mutating func editReport(_ edit: TimelineEventState.Change, of report: TimelineEventPayload, in host: UUID,
                                     at event: RecordedEvent) throws {
        guard let (cluster, _) = try current(host), let changed = TimelineEventState.after(edit, from: TimelineEventState(event: report.asReport))
        else { return }
        let updated = changed.retracted ? cluster.event.removingReports([report.eventId]) : cluster.event.replacingReport(changed.event)
        var own = changed.event
        own.mergedInto = host
        supersede(report.eventId, with: TimelineEventState(event: own, retracted: true), json: try self.json(own), at: event)
        if updated != cluster.event {
            supersede(host, with: TimelineEventState(event: updated, retracted: cluster.retracted), json: try self.json(updated), at: event)
        }
    }

    /// The payload as the row stores it. An event's reports are each encoded
    /// once and kept (`ProjectionCache`): an act told by many outlets gains a
    /// report at a time, and encoding all of them again for each was most of
    /// the projector's time (parkline-bench). The JSON's key order differs from
    /// the encoder's; the row is `jsonb`, which keeps none.
    private func json(_ payload: TimelineEventPayload) throws -> String {
        guard let reports = payload.reports, !reports.isEmpty else { return try Self.encode(payload) }
        var shell = payload
        shell.reports = nil
        let rest = try Self.encode(shell)
        let encoded = try reports.map { try cache.json(of: $0) { try Self.encode($0) } }
        return "{\"reports\":[" + encoded.joined(separator: ",") + "]," + rest.dropFirst()
    }

    static func encode(_ payload: TimelineEventPayload) throws -> String {
        String(decoding: try JSONEncoder.eventBody.encode(payload), as: UTF8.self)
    }

    /// The current state of `id` with its JSON, if it has one.
    private func current(_ id: UUID) throws -> (TimelineEventState, json: String)? {
        switch known[id]?.current {
        case .stored(let json, let version, let position, let retracted):
            let event = try cache.event(id, version: version, position: position) ?? JSONDecoder().decode(TimelineEventPayload.self, from: Data(json.utf8))
            return (TimelineEventState(event: event, retracted: retracted), json)
        case .pending(let index):
            let version = versions[index]
            return (TimelineEventState(event: version.payload, retracted: version.retracted), version.payloadJSON)
        case nil:
            return nil
        }
    }

    /// Close the current version of `id` at the event's time and add the next one.
    private mutating func supersede(_ id: UUID, with state: TimelineEventState, json: String, at event: RecordedEvent) {
        var entry = known[id] ?? Known(latestVersion: 0, current: nil)
        switch entry.current {
        case .stored:
            closes.append((id, event.recordedAt))
        case .pending(let index):
            versions[index].validTo = event.recordedAt
        case nil:
            break
        }
        entry.latestVersion += 1
        versions.append(Version(payload: state.event, payloadJSON: json, version: entry.latestVersion, retracted: state.retracted,
                                validFrom: event.recordedAt, validTo: nil, logPosition: event.position))
        entry.current = .pending(index: versions.count - 1)
        known[id] = entry
    }

    // MARK: Writing

    /// The batch's last version of each event it changed, kept for the next
    /// batches (a version's state is the same whoever writes it: the log's).
    func keep() {
        cache.remember(known.compactMap { id, entry in
            guard case .pending(let index)? = entry.current else { return nil }
            return (id, versions[index].version, versions[index].logPosition, versions[index].payload)
        })
    }

    func write(to tables: ReadModelTables, on connection: PostgresConnection, logger: Logger) async throws {
        // Parks first: the event counts below update their rows.
        if !parkPositions.isEmpty {
            // A park's newest name and aliases win; a city, once known, stays unless replaced.
            try await connection.query("""
                INSERT INTO \(unescaped: tables.parks) AS park_directory (park_id, name, aliases, city)
                SELECT p.id, (array_agg(p.name ORDER BY p.position DESC))[1], (array_agg(p.aliases ORDER BY p.position DESC))[1],
                       (array_agg(p.city ORDER BY p.position DESC) FILTER (WHERE p.city IS NOT NULL))[1]
                FROM (SELECT e.data->'park'->>'id' AS id, e.data->'park'->>'name' AS name,
                             coalesce(e.data->'park'->'aliases', '[]'::jsonb) AS aliases, e.data->'park'->>'city' AS city,
                             e.global_position AS position
                      FROM events e WHERE e.global_position = ANY(\(parkPositions))) AS p
                GROUP BY p.id
                ON CONFLICT (park_id) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases,
                    city = coalesce(EXCLUDED.city, park_directory.city)
                """, logger: logger)
        }
        if !closes.isEmpty {
            try await connection.query("""
                WITH closed AS (
                    UPDATE \(unescaped: tables.versions) AS v SET valid_to = c.at
                    FROM unnest(\(closes.map(\.id)), \(closes.map(\.at))) AS c(id, at)
                    WHERE v.event_id = c.id AND v.valid_to IS NULL
                    RETURNING v.park_id, v.retracted
                )
                UPDATE \(unescaped: tables.parks) AS d SET event_count = d.event_count - n.count
                FROM (SELECT park_id, count(*) AS count FROM closed WHERE NOT retracted GROUP BY park_id) AS n
                WHERE d.park_id = n.park_id
                """, logger: logger)
        }
        if !fresh.isEmpty {
            // The same columns insertVersions writes, derived in the server.
            try await connection.query("""
                WITH inserted AS (
                INSERT INTO \(unescaped: tables.versions)
                    (event_id, version, park_id, type, date_text, precision, lower_date, upper_date, title, document,
                     retracted, payload, valid_from, valid_to, log_position)
                SELECT (e.data->>'eventId')::uuid, 1, e.data->'park'->>'id', e.data->>'type', e.data->>'date',
                       e.data->>'precision', (e.data->>'lower')::date, (e.data->>'upper')::date, e.data->>'title',
                       e.data->'source'->>'document', false, e.data, e.recorded_at, NULL, e.global_position
                FROM events e WHERE e.global_position = ANY(\(fresh))
                ORDER BY e.global_position
                RETURNING park_id
                )
                \(unescaped: Self.addCounts(tables, from: "inserted"))
                """, logger: logger)
        }
        if !versions.isEmpty {
            try await insertVersions(into: tables, on: connection, logger: logger)
        }
        if !documents.isEmpty {
            let rows = Array(documents.values)
            try await connection.query("""
                INSERT INTO \(unescaped: tables.documents)
                    (document_hash, name, source, published, title, extractor_version, event_count, ingested_at, log_position)
                SELECT d.hash, d.name, CASE WHEN d.has_source THEN d.source END, d.published::date, d.title,
                       d.extractor_version, d.event_count, d.ingested_at, d.log_position
                FROM unnest(\(rows.map(\.body.documentHash)), \(rows.map(\.body.document)), \(rows.map { $0.body.source ?? "" }),
                            \(rows.map { $0.body.source != nil }), \(rows.map(\.body.published)), \(rows.map(\.body.title)),
                            \(rows.map(\.body.extractorVersion)), \(rows.map { Int32(clamping: $0.body.eventCount) }),
                            \(rows.map(\.recordedAt)), \(rows.map(\.position)))
                     AS d(hash, name, source, has_source, published, title, extractor_version, event_count, ingested_at, log_position)
                ON CONFLICT (document_hash) DO UPDATE SET
                    extractor_version = EXCLUDED.extractor_version, event_count = EXCLUDED.event_count,
                    ingested_at = EXCLUDED.ingested_at, log_position = EXCLUDED.log_position
                """, logger: logger)
        }
    }

    private func insertVersions(into tables: ReadModelTables, on connection: PostgresConnection, logger: Logger) async throws {
        let payloads = versions.map(\.payload)
        try await connection.query("""
            WITH inserted AS (
            INSERT INTO \(unescaped: tables.versions)
                (event_id, version, park_id, type, date_text, precision, lower_date, upper_date, title, document,
                 retracted, payload, valid_from, valid_to, log_position)
            SELECT r.event_id, r.version, r.park_id, r.type, r.date_text, r.precision, r.lower_date::date, r.upper_date::date,
                   r.title, r.payload -> 'source' ->> 'document', r.retracted, r.payload, r.valid_from,
                   CASE WHEN r.closed THEN r.valid_to END, r.log_position
            FROM unnest(\(payloads.map(\.eventId)), \(versions.map(\.version)), \(payloads.map(\.park.id)),
                        \(payloads.map(\.type)), \(payloads.map(\.date)), \(payloads.map(\.precision)),
                        \(payloads.map(\.lower)), \(payloads.map(\.upper)), \(payloads.map(\.title)),
                        \(versions.map(\.retracted)), \(versions.map(\.payloadJSON))::jsonb[], \(versions.map(\.validFrom)),
                        \(versions.map { $0.validTo ?? $0.validFrom }), \(versions.map { $0.validTo != nil }),
                        \(versions.map(\.logPosition)))
                 AS r(event_id, version, park_id, type, date_text, precision, lower_date, upper_date, title,
                      retracted, payload, valid_from, valid_to, closed, log_position)
            RETURNING park_id, valid_to, retracted
            )
            \(unescaped: Self.addCounts(tables, from: "(SELECT park_id FROM inserted WHERE valid_to IS NULL AND NOT retracted)"))
            """, logger: logger)
    }

    /// SQL adding, to each park's event count, its rows in `source` (a CTE
    /// or subquery of inserted rows that are current and unretracted).
    private static func addCounts(_ tables: ReadModelTables, from source: String) -> String {
        """
        UPDATE \(tables.parks) AS d SET event_count = d.event_count + n.count
        FROM (SELECT park_id, count(*) AS count FROM \(source) AS s GROUP BY park_id) AS n
        WHERE d.park_id = n.park_id
        """
    }
}

/// The newest stored version of each event id a batch touches.
enum StoredVersions {
    struct Row {
        var version: Int32
        /// The payload when that version is current (not superseded).
        var currentPayloadJSON: String?
        var retracted: Bool
        /// The log position that made that version.
        var position: Int64
        /// The event a current report was merged into (`mergedInto`), read by the server
        /// (decoding a whole event for it cost as much as the rest of the batch).
        var host: UUID?
    }

    static func load(ids: [UUID], from tables: ReadModelTables, on connection: PostgresConnection, logger: Logger) async throws -> [UUID: Row] {
        var result = try await rows(ids: ids, from: tables, on: connection, logger: logger)
        // A report merged into another event is changed inside that event: load those events too.
        let hosts = Set(result.values.compactMap(\.host)).subtracting(result.keys)
        if !hosts.isEmpty {
            result.merge(try await rows(ids: Array(hosts), from: tables, on: connection, logger: logger)) { stored, _ in stored }
        }
        return result
    }

    private static func rows(ids: [UUID], from tables: ReadModelTables, on connection: PostgresConnection, logger: Logger) async throws -> [UUID: Row] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query("""
            SELECT DISTINCT ON (event_id) event_id, version, log_position,
                   CASE WHEN valid_to IS NULL THEN payload::text END AS current_payload, retracted,
                   CASE WHEN valid_to IS NULL THEN (payload ->> 'mergedInto')::uuid END AS host
            FROM \(unescaped: tables.versions)
            WHERE event_id = ANY(\(ids))
            ORDER BY event_id, version DESC
            """, logger: logger)
        var result: [UUID: Row] = [:]
        for try await (id, version, position, payload, retracted, host) in rows.decode((UUID, Int32, Int64, String?, Bool, UUID?).self) {
            result[id] = Row(version: version, currentPayloadJSON: payload, retracted: retracted, position: position, host: host)
        }
        return result
    }
}

/// What a projector keeps between batches so that a merge into an event
/// told by many outlets does not decode and encode all its reports again
/// for each new one (parkline-bench, eleven reports an act: decoding was a
/// third of the projector's time, encoding half).
///
/// The events it last wrote or read, each at its version number: a
/// version is the same state whoever projects it (the log decides it), so a
/// held one is used as it is; any other version is decoded. And each
/// report's JSON, used again while the report is unchanged.
final class ProjectionCache: Sendable {
    private let held = Mutex<[UUID: (version: Int32, position: Int64, event: TimelineEventPayload)]>([:])
    private let reports = Mutex<[UUID: (report: TimelineEventPayload, json: String)]>([:])

    /// Past this many events (or reports) it starts again.
    static let capacity = 20_000

    /// `report` as JSON: kept from before while it is unchanged, else `encode`d.
    func json(of report: TimelineEventPayload, encode: (TimelineEventPayload) throws -> String) throws -> String {
        if let kept = reports.withLock({ $0[report.eventId] }), kept.report == report { return kept.json }
        let json = try encode(report)
        reports.withLock { reports in
            if reports.count >= Self.capacity { reports = [:] }
            reports[report.eventId] = (report, json)
        }
        return json
    }

    /// The event at that version, made by the log event at `position` (the version
    /// number alone could name another log's state, after a restore).
    func event(_ id: UUID, version: Int32, position: Int64) -> TimelineEventPayload? {
        held.withLock { held in held[id].flatMap { $0.version == version && $0.position == position ? $0.event : nil } }
    }

    func remember(_ events: [(UUID, Int32, Int64, TimelineEventPayload)]) {
        held.withLock { held in
            if held.count + events.count > Self.capacity { held = [:] }
            for (id, version, position, event) in events { held[id] = (version, position, event) }
        }
    }
}
