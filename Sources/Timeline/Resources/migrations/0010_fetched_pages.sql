-- Every address Parkline has fetched (a page given to ingest, a watched feed
-- or list, an article found in one): when, with what answer, and the
-- validators for a conditional GET next time. A watcher restarting reads
-- this instead of fetching everything again. Not part of the log: it says
-- how pages were fetched, not what they report.
CREATE TABLE fetched_pages (
    url            text        PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('page', 'feed', 'list')),
    fetched_at     timestamptz NOT NULL,
    -- The HTTP status of the last answer (304 when unchanged); NULL when no answer came.
    status         int,
    -- The last failure, as the user was told it; NULL after a success.
    error          text,
    etag           text,
    last_modified  text,
    -- The document ingested from the page, when one was.
    document_hash  text
);
