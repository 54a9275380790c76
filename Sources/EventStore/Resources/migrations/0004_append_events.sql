-- append_events writes a batch to one stream in one statement (one round
-- trip, one transaction when called in autocommit).
--
-- p_expected: -1 means any version; n >= 0 means the stream must hold exactly
-- n events (0: the stream must not exist yet).
--
-- A batch whose event ids are all already stored with the same stream, type
-- and data is a retried request: the original rows are returned with
-- duplicate = true and nothing is written.
--
-- Errors (SQLSTATE): PL001 wrong expected version (DETAIL: actual version),
-- PL002 event id reused with different content or only part of a batch
-- already stored.
CREATE FUNCTION append_events(
    p_stream   text,
    p_expected bigint,
    p_ids      uuid[],
    p_types    text[],
    p_data     jsonb[],
    p_metadata jsonb[]
) RETURNS TABLE (
    event_id        uuid,
    global_position bigint,
    stream_version  bigint,
    tx_id           xid8,
    duplicate       boolean
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_current  bigint;
    v_existing bigint;
BEGIN
    -- Serialise writers of one stream so version checks are exact.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));

    SELECT count(*) INTO v_existing FROM events e WHERE e.event_id = ANY (p_ids);
    IF v_existing > 0 THEN
        IF v_existing = cardinality(p_ids) AND NOT EXISTS (
            SELECT 1
            FROM unnest(p_ids, p_types, p_data) AS n(id, type, data)
            JOIN events e ON e.event_id = n.id
            WHERE e.stream_id <> p_stream OR e.type <> n.type OR e.data <> n.data
        ) THEN
            RETURN QUERY
                SELECT e.event_id, e.global_position, e.stream_version, e.tx_id, true
                FROM events e
                WHERE e.event_id = ANY (p_ids)
                ORDER BY e.stream_version;
            RETURN;
        END IF;
        RAISE EXCEPTION 'event ids already stored with different content'
            USING ERRCODE = 'PL002',
                  DETAIL = format('%s of %s event ids in the batch are already stored', v_existing, cardinality(p_ids));
    END IF;

    SELECT coalesce(max(e.stream_version), 0) INTO v_current
    FROM events e WHERE e.stream_id = p_stream;

    IF p_expected >= 0 AND v_current <> p_expected THEN
        RAISE EXCEPTION 'wrong expected version for stream %', p_stream
            USING ERRCODE = 'PL001',
                  DETAIL = v_current::text;
    END IF;

    RETURN QUERY
        INSERT INTO events AS e (event_id, stream_id, stream_version, type, data, metadata)
        SELECT n.id, p_stream, v_current + n.ord, n.type, n.data, n.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata)
             WITH ORDINALITY AS n(id, type, data, metadata, ord)
        ORDER BY n.ord
        RETURNING e.event_id, e.global_position, e.stream_version, e.tx_id, false;
END
$$;
