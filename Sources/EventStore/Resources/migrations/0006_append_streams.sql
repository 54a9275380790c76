-- append_streams writes batches to many streams in one statement: an ingest
-- of a hundred documents is one round trip instead of a hundred.
--
-- Event i belongs to stream p_streams[p_stream_of[i]]; p_expected[k] is
-- stream k's expected version as in append_events (-1: any).
--
-- The common case (new ids, distinct streams) is set-based. A batch holding
-- ids already stored (a retried request) or naming a stream twice goes
-- through append_events stream by stream, with its exact semantics.
--
-- Errors (SQLSTATE) as append_events, PL001 wrong expected version and
-- PL002 id conflict, but with DETAIL a JSON object naming the stream:
-- {"stream": …, "actual": …} ("actual": the version, or what was wrong).
CREATE FUNCTION append_streams(
    p_streams   text[],
    p_expected  bigint[],
    p_stream_of int[],
    p_ids       uuid[],
    p_types     text[],
    p_data      jsonb[],
    p_metadata  jsonb[]
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
    v_current bigint[];
    v_state   text;
    v_detail  text;
    k         int;
BEGIN
    -- The same locks append_events takes, in one order, so writers of
    -- overlapping stream sets cannot deadlock.
    PERFORM pg_advisory_xact_lock(h)
    FROM (SELECT DISTINCT hashtextextended(s, 0) AS h FROM unnest(p_streams) AS s ORDER BY 1) AS locks;

    IF cardinality(p_streams) <> (SELECT count(DISTINCT s) FROM unnest(p_streams) AS s)
       OR EXISTS (SELECT 1 FROM events e WHERE e.event_id = ANY (p_ids)) THEN
        FOR k IN 1 .. cardinality(p_streams) LOOP
            BEGIN
                RETURN QUERY SELECT * FROM append_events(
                    p_streams[k], p_expected[k],
                    ARRAY(SELECT u.v FROM unnest(p_ids, p_stream_of) WITH ORDINALITY AS u(v, s, o) WHERE u.s = k ORDER BY u.o),
                    ARRAY(SELECT u.v FROM unnest(p_types, p_stream_of) WITH ORDINALITY AS u(v, s, o) WHERE u.s = k ORDER BY u.o),
                    ARRAY(SELECT u.v FROM unnest(p_data, p_stream_of) WITH ORDINALITY AS u(v, s, o) WHERE u.s = k ORDER BY u.o),
                    ARRAY(SELECT u.v FROM unnest(p_metadata, p_stream_of) WITH ORDINALITY AS u(v, s, o) WHERE u.s = k ORDER BY u.o));
            EXCEPTION WHEN SQLSTATE 'PL001' OR SQLSTATE 'PL002' THEN
                -- Name the stream, as the set-based path does.
                GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_detail = PG_EXCEPTION_DETAIL;
                RAISE EXCEPTION 'append to stream % refused', p_streams[k]
                    USING ERRCODE = v_state,
                          DETAIL = json_build_object('stream', p_streams[k], 'actual', v_detail)::text;
            END;
        END LOOP;
        RETURN;
    END IF;

    SELECT array_agg(coalesce((SELECT max(e.stream_version) FROM events e WHERE e.stream_id = u.s), 0) ORDER BY u.o)
    INTO v_current
    FROM unnest(p_streams) WITH ORDINALITY AS u(s, o);

    FOR k IN 1 .. cardinality(p_streams) LOOP
        IF p_expected[k] >= 0 AND v_current[k] <> p_expected[k] THEN
            RAISE EXCEPTION 'wrong expected version for stream %', p_streams[k]
                USING ERRCODE = 'PL001',
                      DETAIL = json_build_object('stream', p_streams[k], 'actual', v_current[k]::text)::text;
        END IF;
    END LOOP;

    RETURN QUERY
        INSERT INTO events AS e (event_id, stream_id, stream_version, type, data, metadata)
        SELECT n.id, p_streams[n.s], v_current[n.s] + row_number() OVER (PARTITION BY n.s ORDER BY n.o),
               n.type, n.data, n.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata, p_stream_of) WITH ORDINALITY AS n(id, type, data, metadata, s, o)
        ORDER BY n.o
        RETURNING e.event_id, e.global_position, e.stream_version, e.tx_id, false;
END
$$;
