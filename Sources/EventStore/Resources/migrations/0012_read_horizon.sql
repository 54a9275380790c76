-- read_horizon() is the transaction id below which this log is settled: no
-- transaction that could still commit an event here has an id under it, so a
-- reader may take every event with tx_id < read_horizon() in (tx_id,
-- global_position) order and never later find one it passed.
--
-- pg_snapshot_xmin(pg_current_snapshot()) is such a bound, but for the whole
-- cluster: a long transaction in another database (a bulk load, another
-- application, a second Parkline log) held back this log's readers though
-- it can never write here; so did each CREATE DATABASE, which holds a
-- transaction id while it copies its template. This bound skips an open
-- transaction whose backend is connected to another database (a backend
-- never changes database): one holding a relation lock there, or one
-- pg_stat_activity places there. An open transaction it cannot place (a
-- prepared one, a background worker's) still holds the horizon, as does the
-- caller's own.
--
-- pg_stat_activity is read once per transaction and kept: within a long
-- transaction a backend it places elsewhere could only be replaced by one
-- of this database under the same process id, which takes the system's
-- process ids wrapping around meanwhile.
--
-- The snapshot is the calling statement's (the function is STABLE), so the
-- bound agrees with the rows that statement sees. The locks are read after
-- it: a transaction of the snapshot that ended since is no longer in the
-- lock table and so, safely, still holds.
--
-- Cost: when no transaction is open (the snapshot's xmin is its xmax) it
-- returns at once, as cheap as pg_snapshot_xmin; only otherwise does it read
-- pg_locks. PL/pgSQL keeps its plans for the session. Call it once per
-- statement, as `tx_id < (SELECT read_horizon())`.
CREATE FUNCTION read_horizon() RETURNS xid8
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_snapshot pg_snapshot := pg_current_snapshot();
    v_here     oid;
    v_horizon  bigint;
BEGIN
    IF pg_snapshot_xmin(v_snapshot) = pg_snapshot_xmax(v_snapshot) THEN
        RETURN pg_snapshot_xmax(v_snapshot);
    END IF;
    SELECT oid INTO v_here FROM pg_database WHERE datname = current_database();
    WITH locks AS MATERIALIZED (
        SELECT locktype, database, transactionid, pid, mode, granted FROM pg_locks
    ), elsewhere AS MATERIALIZED (
        SELECT t.transactionid::text::bigint AS xid32
        FROM locks t
        WHERE t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted
          AND (EXISTS (SELECT 1 FROM locks r
                       WHERE r.pid = t.pid AND r.locktype = 'relation'
                         AND r.database <> 0 AND r.database <> v_here)
               OR EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = t.pid AND a.datid <> v_here))
    ), holding AS (
        SELECT x::text::bigint AS x
        FROM pg_snapshot_xip(v_snapshot) AS x
        WHERE NOT EXISTS (SELECT 1 FROM elsewhere e WHERE e.xid32 = x::text::bigint % 4294967296)
        UNION ALL
        SELECT pg_current_xact_id_if_assigned()::text::bigint
    )
    SELECT min(x) INTO v_horizon FROM holding;
    RETURN coalesce(v_horizon::text::xid8, pg_snapshot_xmax(v_snapshot));
END
$$;
