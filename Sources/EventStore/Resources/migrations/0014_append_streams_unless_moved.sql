-- append_streams_unless_moved is append_streams for a writer that worked out
-- what to append from the log as it stood at a cursor, without holding the
-- lock such writers share (the report resolver, deciding while documents are
-- still being read). It takes that lock, p_lock, until the transaction ends,
-- and appends only if no event of p_watched was committed after the cursor
-- (p_after_tx, p_after_position). Otherwise it raises PL003 and writes
-- nothing: the writer then decides again holding the lock.
--
-- One round trip instead of four (lock, check, append, unlock). The check
-- is a statement of its own after the lock is granted: a PL/pgSQL function
-- is volatile, so under READ COMMITTED it sees every transaction that held
-- the lock before. A writer holding the lock for a whole session
-- (pg_advisory_lock on the same key) excludes this one, and the reverse.
--
-- The lock is taken before the streams' locks, in the order a session-lock
-- writer takes them, so the two kinds of writer cannot deadlock.
CREATE FUNCTION append_streams_unless_moved(
    p_lock           text,
    p_after_tx       xid8,
    p_after_position bigint,
    p_watched        text[],
    p_streams        text[],
    p_expected       bigint[],
    p_stream_of      int[],
    p_ids            uuid[],
    p_types          text[],
    p_data           jsonb[],
    p_metadata       jsonb[]
) RETURNS TABLE (
    event_id        uuid,
    global_position bigint,
    stream_version  bigint,
    tx_id           xid8,
    duplicate       boolean
)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_lock, 0));
    -- In log order from the cursor, so the kept plan walks the log's index
    -- from there (estimated with no cursor at hand, a bare EXISTS scanned
    -- the table).
    PERFORM 1 FROM events e
    WHERE (e.tx_id, e.global_position) > (p_after_tx, p_after_position) AND e.type = ANY (p_watched)
    ORDER BY e.tx_id, e.global_position
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the log moved past the cursor the append was decided at'
            USING ERRCODE = 'PL003';
    END IF;
    RETURN QUERY SELECT * FROM append_streams(p_streams, p_expected, p_stream_of, p_ids, p_types, p_data, p_metadata);
END
$$;
