-- Events of one day (and precision) are listed in the order they became
-- known: by the earliest publication date among their reports, then by id.
-- The id alone decided before, which is an arbitrary order: a second
-- outlet's report of a project could come before the first outlet's report
-- of the day's batch it belongs to. Hand-recorded events without a
-- publication date come first in their day. Only a `YYYY-MM-DD` date
-- orders (anything else imported reads as none), so a page cursor can
-- carry it (`TimelineQueries.PageKey`, which repeats this rule).
CREATE FUNCTION parkline_first_reported(p jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(min(d) FILTER (WHERE d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), '')
FROM (SELECT r->'source'->>'published' COLLATE "C" AS d
      FROM jsonb_array_elements(CASE WHEN p ? 'reports' THEN p->'reports' ELSE jsonb_build_array(p) END) AS r) AS reports
$$;

ALTER TABLE timeline_event_versions
    ADD COLUMN first_reported text COLLATE "C" GENERATED ALWAYS AS (parkline_first_reported(payload)) STORED;

DROP INDEX timeline_current_by_park_order;
DROP INDEX timeline_current_order;

CREATE INDEX timeline_current_by_park_order
    ON timeline_event_versions (park_id, lower_date, precision, first_reported, event_id) WHERE valid_to IS NULL AND NOT retracted;
CREATE INDEX timeline_current_order
    ON timeline_event_versions (lower_date, precision, first_reported, event_id) WHERE valid_to IS NULL AND NOT retracted;
