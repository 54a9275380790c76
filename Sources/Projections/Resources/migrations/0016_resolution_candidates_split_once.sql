-- resolution_candidates as 0015 wrote it, with each report's lists split
-- once. The query `q` was inlined into the lookup, so the generic plan split
-- a report's text pairs (and names) again for every event it tested: some
-- 400 events of a kind in a month at the busiest park of a 1M-event log,
-- 2 ms a report (auto_explain during parkline-bench). MATERIALIZED keeps
-- each report's arrays as computed values (the busiest park's ingest ratio
-- at 1M events: 0.30 to 0.37-0.38). What remains there is the test itself:
-- `subject_keys && pairs` compares every pair of elements, for each of the
-- 400 events.
CREATE OR REPLACE FUNCTION resolution_candidates(
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
