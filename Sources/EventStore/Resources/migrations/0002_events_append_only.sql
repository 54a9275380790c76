-- The database itself refuses to change history: UPDATE, DELETE and TRUNCATE
-- on events raise, whoever asks.
CREATE FUNCTION refuse_event_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'PL003',
              HINT = 'Append a TimelineEventCorrected or TimelineEventRetracted event instead.';
END
$$;

CREATE TRIGGER events_refuse_update_delete
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_event_changes();

CREATE TRIGGER events_refuse_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_changes();
