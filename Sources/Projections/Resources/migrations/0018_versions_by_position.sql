-- The resolver keeps the candidate lookup's data for the parks it resolves
-- reports of in its process (Timeline's CandidateIndex), and follows the
-- read model by the log events applied since it last looked: their versions
-- are found here by the log position that made them. Without this index
-- that read is a scan of every version.
CREATE INDEX timeline_versions_by_position ON timeline_event_versions (log_position);
