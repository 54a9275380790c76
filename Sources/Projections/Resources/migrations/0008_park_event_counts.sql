-- Each park's number of current, unretracted events, kept by the projector
-- in the same transaction as the rows it counts. Counting them per request
-- cost O(events of the park): parkline-bench saw a park's timeline page
-- fall to 313 req/s at 1M events, the busiest park having 130k events.
ALTER TABLE park_directory ADD COLUMN event_count bigint NOT NULL DEFAULT 0;

UPDATE park_directory d
SET event_count = (
    SELECT count(*) FROM timeline_event_versions v
    WHERE v.park_id = d.park_id AND v.valid_to IS NULL AND NOT v.retracted
);
