-- Each read-model row keeps the event as the API shows it: the JSON of
-- `EventRecord` (Timeline), keys sorted as `JSONEncoder.parkline` writes
-- them and absent where Swift's encoder leaves out a nil. A listing then
-- sends these bytes as they are, where it used to decode every payload and
-- encode it again in Swift: ~1.5 ms of the daemon's CPU for a page of 50
-- (see README, Performance). Rendering once at write time costs ~25 µs a
-- row in PostgreSQL. A test renders the events of a merged timeline both
-- ways and compares the bytes.
CREATE FUNCTION parkline_event_record(p jsonb) RETURNS json
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT json_strip_nulls(json_build_object(
    'amounts', CASE WHEN coalesce(jsonb_array_length(p->'amounts'), 0) = 0 THEN '[]'::json ELSE
        (SELECT json_agg(json_build_object('currency', a->'currency', 'text', a->'text', 'value', a->'value') ORDER BY n)
         FROM jsonb_array_elements(p->'amounts') WITH ORDINALITY AS m(a, n)) END,
    'date', p->>'date',
    'dates_reported', (p->'datesReported')::json,
    'evidence', coalesce(p->>'evidence', ''),
    'expression', coalesce(p->>'expression', ''),
    'first_reported', CASE WHEN p ? 'reports' THEN coalesce((SELECT min(r->'source'->>'published' COLLATE "C")
                                FROM jsonb_array_elements(p->'reports') AS r), '') ELSE coalesce(p->'source'->>'published', '') END,
    'id', lower(p->>'eventId'),
    'label', CASE p->>'precision'
                 WHEN 'quarter' THEN left(p->>'lower', 4) || ' Q' || ((substr(p->>'lower', 6, 2)::int - 1) / 3 + 1)
                 WHEN 'half' THEN left(p->>'lower', 4) || CASE WHEN substr(p->>'lower', 6, 2) = '01' THEN ' H1' ELSE ' H2' END
                 ELSE p->>'date' END,
    'lower', p->>'lower',
    'park', json_build_object('aliases', coalesce(p->'park'->'aliases', '[]')::json,
                              'id', p->'park'->>'id', 'name', p->'park'->>'name'),
    'precision', p->>'precision',
    -- Every report, oldest first; the first one's evidence is the event's own.
    'reports', CASE WHEN p ? 'reports' THEN (SELECT json_agg(json_build_object(
                    'date', r->>'date',
                    'document', coalesce(r->'source'->>'document', r->'source'->>'recordedBy', ''),
                    'evidence', CASE WHEN n > 1 THEN r->>'evidence' END,
                    'id', lower(r->>'eventId'),
                    'offset', coalesce(r->'source'->'offset', '[]')::json,
                    'outlet', r->'source'->>'outlet',
                    'published', coalesce(r->'source'->>'published', '')) ORDER BY n)
                FROM jsonb_array_elements(p->'reports') WITH ORDINALITY AS e(r, n))
               ELSE json_build_array(json_build_object(
                    'date', p->>'date',
                    'document', coalesce(p->'source'->>'document', p->'source'->>'recordedBy', ''),
                    'id', lower(p->>'eventId'),
                    'offset', coalesce(p->'source'->'offset', '[]')::json,
                    'outlet', p->'source'->>'outlet',
                    'published', coalesce(p->'source'->>'published', ''))) END,
    'source', json_build_object(
        'document', coalesce(p->'source'->>'document', p->'source'->>'recordedBy', ''),
        'extractorVersion', p->'source'->>'extractorVersion',
        'offset', coalesce(p->'source'->'offset', '[]')::json,
        'published', coalesce(p->'source'->>'published', '')),
    'subjects', coalesce(p->'subjects', '[]')::json,
    'title', p->>'title',
    'type', p->>'type',
    'upper', p->>'upper'))
$$;

ALTER TABLE timeline_event_versions
    ADD COLUMN record text GENERATED ALWAYS AS (parkline_event_record(payload)::text) STORED;
