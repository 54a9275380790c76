-- The resolver's candidate lookup (0015) takes each report's text instead
-- of its two-character runs.
--
-- An event is compared by name when one of its subjects' two-character
-- runs (subject_keys) is found in the report's text (p_texts[i]: its
-- subjects, title and wording, a line each), or one of the report's names,
-- quotes and gatherings (p_needles[i]) in the event's text. 0015 passed
-- the report's runs (some 400 for a long report) and tested
-- `subject_keys && runs`, which compares every element of one array with
-- every element of the other: 4 ms a report over the 300 events of a kind
-- in a month at the busiest park of a 1M-event log, where a search of the
-- event's few runs in the text takes 1 ms (parkline-bench, EXPLAIN
-- ANALYZE), and the resolver no longer makes 400 strings per report.
-- The needles are searched as LIKE patterns, so each of the event's texts
-- (its reports' as JSON above all) is made once per event, not per needle.
DROP FUNCTION resolution_candidates(text[], text[], date[], date[], text[], text[], boolean[], int);

CREATE FUNCTION resolution_candidates(
    p_parks         text[],
    p_classes       text[],
    p_lower         date[],
    p_upper         date[],
    p_texts         text[],
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
        SELECT u.i, u.class, u.lower, u.upper, u.by_wording, u.text, string_to_array(u.parks, chr(31)) AS parks,
               ARRAY(SELECT '%' || replace(replace(replace(n, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                     FROM unnest(string_to_array(u.needles, chr(31))) AS n) AS patterns
        FROM unnest(p_parks, p_classes, p_lower, p_upper, p_texts, p_needles, p_by_wording)
             WITH ORDINALITY AS u(parks, class, lower, upper, text, needles, by_wording, i)
    )
    SELECT q.i, c.event_id, c.log_position
    FROM q CROSS JOIN LATERAL (
        SELECT DISTINCT ON (found.event_id) found.event_id, found.distance, found.log_position FROM (
            (SELECT v.event_id, abs(v.lower_date - q.lower) AS distance, v.log_position
             FROM timeline_event_versions v
             WHERE v.valid_to IS NULL AND NOT v.retracted AND v.park_id = ANY(q.parks) AND v.type_class = q.class
               AND v.lower_date >= q.lower - 31 AND v.lower_date <= q.upper + 1 AND v.upper_date >= q.lower - 1
               AND (EXISTS (SELECT 1 FROM unnest(v.subject_keys) AS k WHERE strpos(q.text, k) > 0)
                    OR v.title LIKE ANY (q.patterns) OR v.payload ->> 'evidence' LIKE ANY (q.patterns)
                    OR (v.payload -> 'reports')::text LIKE ANY (q.patterns))
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
