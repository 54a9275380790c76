-- The resolver keeps the candidate lookup's data for the parks it resolves
-- reports of in its process (Timeline's CandidateIndex), and follows the
-- read model by the log events applied since it last looked: their versions
-- are found here by the log position that made them. Without this index
-- that read is a scan of every version.
CREATE INDEX timeline_versions_by_position ON timeline_event_versions (log_position);

-- A projection's checkpoint, and whether the log holds nothing of `p_types`
-- after it (the read model is current). The log is walked in its order from
-- the checkpoint and its first later event of those types is enough: a bare
-- EXISTS may be planned as a scan of the table. One definition for the
-- statements that ask it alone and beside the resolver's other reads.
CREATE FUNCTION parkline_checkpoint(p_name text, p_types text[])
RETURNS TABLE (tx_id xid8, "position" bigint, code_version text, current boolean)
LANGUAGE sql STABLE AS $$
    SELECT c.tx_id, c.position, c.code_version, later.global_position IS NULL
    FROM projection_checkpoints AS c
    LEFT JOIN LATERAL (
        SELECT e.global_position FROM events e
        WHERE (e.tx_id, e.global_position) > (c.tx_id, c.position) AND e.type = ANY(p_types)
        ORDER BY e.tx_id, e.global_position LIMIT 1
    ) AS later ON true
    WHERE c.name = p_name
$$;
