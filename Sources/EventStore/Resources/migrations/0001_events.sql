-- The append-only event log. Log order is (tx_id, global_position): see
-- DESIGN.md "Gapless reads". Never edit this file once applied; add a new one.
CREATE TABLE events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    stream_id       text        NOT NULL CHECK (stream_id ~ '^[a-z][a-z0-9_]*-[^\s]+$'),
    stream_version  bigint      NOT NULL CHECK (stream_version >= 1),
    type            text        NOT NULL CHECK (type ~ '^[A-Za-z][A-Za-z0-9_.]*$'),
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
);

-- Gapless readers scan in log order from a (tx_id, global_position) cursor.
CREATE INDEX events_log_order ON events (tx_id, global_position);
-- Category readers (e.g. every document-* stream) in log order.
CREATE INDEX events_category_log_order
    ON events ((split_part(stream_id, '-', 1)), tx_id, global_position);
