-- import_events appends events exported from another log (one JSON object a
-- line, as `parkline export` writes them), keeping each event's id, stream,
-- stream version, type, bodies and recorded time. Positions and transaction
-- ids are this log's own, so imported events sort after what it holds.
--
-- An event whose id is stored already with the same content is skipped:
-- importing a file twice writes nothing the second time, and a re-run after
-- a failed batch resumes where the last committed one ended.
--
-- Errors (SQLSTATE PL004), all or nothing, DETAIL a JSON object naming the
-- event: {"index": i (1-based in the batch), "id": …, "stream": …,
-- "version": …, "reason": …}:
--   an id stored with other content (another stream, version, type, bodies
--   or recorded time), or a version that does not follow its stream's last.
CREATE FUNCTION import_events(p_lines jsonb[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_conflict record;
    v_written  bigint;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS import_batch (
        o bigint, id uuid, stream text, version bigint, type text,
        data jsonb, metadata jsonb, recorded timestamptz, present boolean
    ) ON COMMIT DROP;
    TRUNCATE import_batch;
    INSERT INTO import_batch
    SELECT l.o, (l.line->>'id')::uuid, l.line->>'stream', (l.line->>'stream_version')::bigint, l.line->>'type',
           l.line->'data', l.line->'metadata', (l.line->>'recorded_at')::timestamptz, false
    FROM unnest(p_lines) WITH ORDINALITY AS l(line, o);

    -- The locks appends take, in one order: no writer of these streams runs meanwhile.
    PERFORM pg_advisory_xact_lock(h)
    FROM (SELECT DISTINCT hashtextextended(b.stream, 0) AS h FROM import_batch b ORDER BY 1) AS locks;

    SELECT b.o, b.id, b.stream, b.version,
           format('event %s is stored already as version %s of %s (%s) with other content',
                  b.id, e.stream_version, e.stream_id, e.type) AS reason
    INTO v_conflict
    FROM import_batch b JOIN events e ON e.event_id = b.id
    WHERE (e.stream_id, e.stream_version, e.type, e.data, e.metadata, e.recorded_at)
          IS DISTINCT FROM (b.stream, b.version, b.type, b.data, b.metadata, b.recorded)
    ORDER BY b.o LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'import conflict: %', v_conflict.reason
            USING ERRCODE = 'PL004',
                  DETAIL = json_build_object('index', v_conflict.o, 'id', v_conflict.id, 'stream', v_conflict.stream,
                                             'version', v_conflict.version, 'reason', v_conflict.reason)::text;
    END IF;

    UPDATE import_batch b SET present = true FROM events e WHERE e.event_id = b.id;

    -- New events must continue their streams: version = last stored + 1, + 2, …
    SELECT n.o, n.id, n.stream, n.version,
           CASE WHEN n.taken IS NOT NULL
                THEN format('version %s of %s is held by another event (%s)', n.version, n.stream, n.taken)
                ELSE format('version %s of %s does not follow the stream''s version %s', n.version, n.stream, n.last + n.k - 1)
           END AS reason
    INTO v_conflict
    FROM (
        SELECT b.*, row_number() OVER (PARTITION BY b.stream ORDER BY b.version) AS k,
               coalesce((SELECT max(e.stream_version) FROM events e WHERE e.stream_id = b.stream), 0) AS last,
               (SELECT e.event_id FROM events e WHERE e.stream_id = b.stream AND e.stream_version = b.version) AS taken
        FROM import_batch b WHERE NOT b.present
    ) n
    WHERE n.version <> n.last + n.k
    ORDER BY n.o LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'import conflict: %', v_conflict.reason
            USING ERRCODE = 'PL004',
                  DETAIL = json_build_object('index', v_conflict.o, 'id', v_conflict.id, 'stream', v_conflict.stream,
                                             'version', v_conflict.version, 'reason', v_conflict.reason)::text;
    END IF;

    INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, recorded_at)
    SELECT b.id, b.stream, b.version, b.type, b.data, b.metadata, b.recorded
    FROM import_batch b WHERE NOT b.present
    ORDER BY b.o;
    GET DIAGNOSTICS v_written = ROW_COUNT;
    RETURN v_written;
END
$$;
