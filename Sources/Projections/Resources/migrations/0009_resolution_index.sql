-- The resolver looks, for each new report, at the current events of its park
-- and kind of act whose dates touch the report's. Kinds of act group types
-- that outlets name differently (an opening is often called a completion, a
-- visit a meeting): the same grouping as TimelineEventPayload.typeClass,
-- which a test keeps equal to this expression. Without this index the
-- lookup read every current event of the park in a month and filtered by
-- type and precision (parkline-bench: 250 heap rows per report in the
-- busiest park of a 1M-event log).
ALTER TABLE timeline_event_versions ADD COLUMN type_class text GENERATED ALWAYS AS (
    CASE type WHEN 'completion' THEN 'opening' WHEN 'visit' THEN 'meeting' ELSE type END
) STORED;

CREATE INDEX timeline_current_by_park_class_date
    ON timeline_event_versions (park_id, type_class, lower_date) WHERE valid_to IS NULL AND NOT retracted;
-- Events known only to the quarter, half or year are few; the resolver reaches
-- a year back for them.
CREATE INDEX timeline_current_coarse_by_park_class_date
    ON timeline_event_versions (park_id, type_class, lower_date)
    WHERE valid_to IS NULL AND NOT retracted AND precision IN ('quarter', 'half', 'year');

-- What a report's text must contain for the resolver to find it the same
-- act as an event by name: every two-character run of every subject of the
-- event's reports (a company's brand starts somewhere in its name). A new
-- report whose text shares none of them, and none of whose names appear in
-- the event's text, is not compared with it by name at all. Computed by
-- PostgreSQL, so an event the projector inserts straight from the log has it.
CREATE FUNCTION parkline_subject_keys(payload jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(s.subject, i.at, 2)), '{}')
    FROM (
        SELECT v #>> '{}' FROM jsonb_path_query(payload, 'lax $.subjects[*]') AS v
        UNION ALL
        SELECT v #>> '{}' FROM jsonb_path_query(payload, 'lax $.reports[*].subjects[*]') AS v
    ) AS s(subject)
    CROSS JOIN LATERAL generate_series(1, char_length(s.subject) - 1) AS i(at)
$$;

ALTER TABLE timeline_event_versions ADD COLUMN subject_keys text[] GENERATED ALWAYS AS (parkline_subject_keys(payload)) STORED;
