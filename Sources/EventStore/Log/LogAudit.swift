import Foundation
import Logging
import PostgresNIO

/// Checks the log's invariants, as `parkline db verify` reports them:
/// every stream's versions run 1, 2, 3… without a gap; positions are unique
/// and a stream's events follow its versions in log order; every event is
/// readable (its transaction id lies below what the server hands out next,
/// which a restore by other means can break); and the append-only guards
/// are in place: both triggers enabled, the function they call still
/// refusing, no rule on `events`, and no role but its owner allowed to
/// update, delete or truncate it.
public struct LogAudit: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// What the audit found: each finding names the stream, event or guard.
    public struct Report: Sendable {
        public var events: Int64
        public var streams: Int64
        public var findings: [String]
    }

    /// Run every check; at most `limit` findings are listed per check.
    public func run(limit: Int = 50) async throws -> Report {
        var findings: [String] = []
        var events: Int64 = 0, streams: Int64 = 0
        for try await (e, s) in try await client.query(
            "SELECT count(*), count(DISTINCT stream_id) FROM events", logger: logger).decode((Int64, Int64).self) {
            (events, streams) = (e, s)
        }
        let gaps = try await client.query("""
            SELECT stream_id, count(*), min(stream_version), max(stream_version) FROM events
            GROUP BY stream_id HAVING min(stream_version) <> 1 OR max(stream_version) <> count(*)
            ORDER BY stream_id LIMIT \(limit)
            """, logger: logger)
        for try await (stream, count, first, last) in gaps.decode((String, Int64, Int64, Int64).self) {
            findings.append("stream \(stream): versions \(first)…\(last) for \(count) events, not 1…\(count) without a gap")
        }
        let duplicates = try await client.query("""
            SELECT global_position, count(*) FROM events GROUP BY global_position HAVING count(*) > 1
            ORDER BY 1 LIMIT \(limit)
            """, logger: logger)
        for try await (position, count) in duplicates.decode((Int64, Int64).self) {
            findings.append("position \(position) is held by \(count) events")
        }
        let disorder = try await client.query("""
            SELECT stream_id, stream_version, global_position, event_id FROM (
                SELECT stream_id, stream_version, global_position, event_id, tx_id,
                       lag(tx_id) OVER w AS previous_tx, lag(global_position) OVER w AS previous_position
                FROM events WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version)
            ) s
            WHERE (tx_id, global_position) < (previous_tx, previous_position)
            ORDER BY stream_id, stream_version LIMIT \(limit)
            """, logger: logger)
        for try await (stream, version, position, id) in disorder.decode((String, Int64, Int64, UUID).self) {
            findings.append("stream \(stream) version \(version) (event \(id.uuidString.lowercased()), position \(position)) comes before version \(version - 1) in log order")
        }
        let ahead = try await client.query("""
            SELECT count(*), coalesce(max(tx_id), '0'::xid8)::text FROM events WHERE tx_id >= pg_snapshot_xmax(pg_current_snapshot())
            """, logger: logger)
        for try await (count, maximum) in ahead.decode((Int64, String).self) where count > 0 {
            findings.append("\(count) events carry transaction ids up to \(maximum), ahead of the server's counter: readers do not see them "
                + "(restore with `parkline db restore`, which moves the counter, or move the log with export and import)")
        }
        findings += try await guardFindings()
        return Report(events: events, streams: streams, findings: findings)
    }

    private func guardFindings() async throws -> [String] {
        var findings: [String] = []
        var triggers: [String: String] = [:]
        for try await (name, enabled) in try await client.query("""
            SELECT tgname::text, tgenabled::text FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal
            """, logger: logger).decode((String, String).self) {
            triggers[name] = enabled
        }
        for name in ["events_refuse_update_delete", "events_refuse_truncate"] {
            switch triggers[name] {
            case nil: findings.append("guard missing: trigger \(name) on events is gone (UPDATE, DELETE or TRUNCATE would change history)")
            case "D": findings.append("guard off: trigger \(name) on events is disabled (ALTER TABLE events ENABLE TRIGGER \(name))")
            default: break
            }
        }
        for try await refuses in try await client.query("""
            SELECT coalesce(bool_and(prosrc LIKE '%RAISE EXCEPTION%'), false) FROM pg_proc WHERE proname = 'refuse_event_changes'
            """, logger: logger).decode(Bool.self) where !refuses {
            findings.append("guard weakened: function refuse_event_changes no longer raises (restore it from migration 0002)")
        }
        for try await rule in try await client.query(
            "SELECT rulename::text FROM pg_rules WHERE tablename = 'events'", logger: logger).decode(String.self) {
            findings.append("rule \(rule) on events: a rule can rewrite or swallow writes to the log (DROP RULE \(rule) ON events)")
        }
        let rights = try await client.query("""
            SELECT r.rolname::text, p.privilege FROM pg_roles r
            CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
            WHERE NOT r.rolsuper AND r.rolname NOT LIKE 'pg\\_%'
              AND r.oid <> (SELECT relowner FROM pg_class WHERE oid = 'events'::regclass)
              AND has_table_privilege(r.oid, 'events', p.privilege)
            ORDER BY 1, 2
            """, logger: logger)
        for try await (role, privilege) in rights.decode((String, String).self) {
            findings.append("role \(role) may \(privilege) events: REVOKE \(privilege) ON events FROM \(role)")
        }
        return findings
    }
}
