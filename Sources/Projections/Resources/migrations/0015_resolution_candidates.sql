-- The resolver's candidate lookup, as a function so its plan is made once
-- per connection and kept.
--
-- For each report (the i-th element of every array), the events it might be
-- another report of, nearest in date first: current events of its parks
-- (p_parks[i], the park's spellings joined by the unit separator, chr(31))
-- and kind of act whose dates touch its own (a day either side; quarters to
-- years starting up to a year before it) that share a name with it (a
-- two-character run of a subject, p_pairs[i], or a name, p_needles[i],
-- found in the event's text), and, when it is compared by wording
-- (p_by_wording[i]), the p_wording_limit nearest such events whatever their
-- names.
--
-- The resolver runs it for every document an ingest reads. Planned afresh
-- for each call it cost as much to plan as to run (0.37 ms against 0.33 ms
-- for fourteen reports); the generic plan is as fast as a custom one here,
-- since every lookup ranges over timeline_current_by_park_class_date.
-- `q` is MATERIALIZED: inlined into the lookup, its lists were split again
-- for every event tested (some 400 events of a kind in a month at the
-- busiest park of a 1M-event log, 2 ms a report, seen with auto_explain
-- during parkline-bench; that park's ingest ratio went from 0.30 to
-- 0.37-0.38). What remains there is `subject_keys && q.pairs`, which
-- compares every element of one array with every element of the other.
CREATE FUNCTION resolution_candidates(
    p_parks         text[],
    p_classes       text[],
    p_lower         date[],
    p_upper         date[],
    p_pairs         text[],
    p_needles       text[],
    p_by_wording    boolean[],
    p_wording_limit int
) RETURNS TABLE (
    query_index        bigint,
    candidate          uuid,
    candidate_position bigint
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
    WITH q AS MATERIALIZED (
        SELECT u.i, u.class, u.lower, u.upper, u.by_wording, string_to_array(u.parks, chr(31)) AS parks,
               string_to_array(u.pairs, chr(31)) AS pairs, string_to_array(u.needles, chr(31)) AS needles
        FROM unnest(p_parks, p_classes, p_lower, p_upper, p_pairs, p_needles, p_by_wording)
             WITH ORDINALITY AS u(parks, class, lower, upper, pairs, needles, by_wording, i)
    )
    SELECT q.i, c.event_id, c.log_position
    FROM q CROSS JOIN LATERAL (
        SELECT DISTINCT ON (found.event_id) found.event_id, found.distance, found.log_position FROM (
            (SELECT v.event_id, abs(v.lower_date - q.lower) AS distance, v.log_position
             FROM timeline_event_versions v
             WHERE v.valid_to IS NULL AND NOT v.retracted AND v.park_id = ANY(q.parks) AND v.type_class = q.class
               AND v.lower_date >= q.lower - 31 AND v.lower_date <= q.upper + 1 AND v.upper_date >= q.lower - 1
               AND (v.subject_keys && q.pairs OR EXISTS (
                    SELECT 1 FROM unnest(q.needles) AS n
                    WHERE strpos(v.title, n) > 0 OR strpos(v.payload ->> 'evidence', n) > 0
                       OR strpos((v.payload -> 'reports')::text, n) > 0))
             ORDER BY 2, 3 LIMIT 200)
            UNION ALL
            (SELECT v.event_id, abs(v.lower_date - q.lower) AS distance, v.log_position
             FROM timeline_event_versions v
             WHERE q.by_wording AND v.valid_to IS NULL AND NOT v.retracted AND v.park_id = ANY(q.parks) AND v.type_class = q.class
               AND v.lower_date >= q.lower - 31 AND v.lower_date <= q.upper + 1 AND v.upper_date >= q.lower - 1
             ORDER BY 2, 3 LIMIT p_wording_limit)
            UNION ALL
            (SELECT v.event_id, abs(v.lower_date - q.lower) AS distance, v.log_position
             FROM timeline_event_versions v
             WHERE v.valid_to IS NULL AND NOT v.retracted AND v.precision IN ('quarter', 'half', 'year')
               AND v.park_id = ANY(q.parks) AND v.type_class = q.class
               AND v.lower_date >= q.lower - 366 AND v.lower_date < q.lower - 31 AND v.upper_date >= q.lower - 1
             ORDER BY 2, 3 LIMIT 50)
        ) AS found
        ORDER BY found.event_id
    ) AS c
    ORDER BY q.i, c.distance, c.log_position;
END
$$;
