-- A wake-up for live readers, sent at commit. It carries no data: listeners
-- read the log from their own cursor, so a lost notification only delays.
CREATE FUNCTION notify_events_appended() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('parkline_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER events_notify_appended
    AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
