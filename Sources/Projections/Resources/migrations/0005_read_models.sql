-- Read models projected from the log. Every row of timeline_event_versions
-- is one state an event was known in: [valid_from, valid_to) in recording
-- time, so "what did the log say at T" is a range query. The current state
-- is the row with valid_to IS NULL.
CREATE TABLE timeline_event_versions (
    event_id     uuid        NOT NULL,
    version      int         NOT NULL,
    park_id      text        NOT NULL,
    type         text        NOT NULL,
    date_text    text        NOT NULL,
    precision    text        NOT NULL,
    lower_date   date        NOT NULL,
    upper_date   date        NOT NULL,
    title        text        NOT NULL,
    document     text,
    retracted    boolean     NOT NULL DEFAULT false,
    payload      jsonb       NOT NULL,
    valid_from   timestamptz NOT NULL,
    valid_to     timestamptz,
    log_position bigint      NOT NULL,
    PRIMARY KEY (event_id, version)
);

CREATE INDEX timeline_current_by_park_date
    ON timeline_event_versions (park_id, lower_date, event_id) WHERE valid_to IS NULL;
CREATE INDEX timeline_current_by_date
    ON timeline_event_versions (lower_date, event_id) WHERE valid_to IS NULL;
CREATE INDEX timeline_versions_by_park_time
    ON timeline_event_versions (park_id, valid_from);

-- Every park named by an event, with its names for resolving user input.
CREATE TABLE park_directory (
    park_id  text PRIMARY KEY,
    name     text NOT NULL,
    aliases  jsonb NOT NULL DEFAULT '[]'::jsonb,
    city     text
);

CREATE TABLE documents (
    document_hash     text PRIMARY KEY,
    name              text NOT NULL,
    source            text,
    published         date NOT NULL,
    title             text NOT NULL,
    extractor_version text NOT NULL,
    event_count       int  NOT NULL,
    ingested_at       timestamptz NOT NULL,
    log_position      bigint NOT NULL
);

-- Where each projection has read the log up to, moved in the same
-- transaction as the rows it wrote.
CREATE TABLE projection_checkpoints (
    name         text PRIMARY KEY,
    tx_id        xid8   NOT NULL DEFAULT '0'::xid8,
    position     bigint NOT NULL DEFAULT 0,
    code_version text   NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
