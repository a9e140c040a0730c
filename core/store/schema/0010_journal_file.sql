-- The webhook journal moves to a file of its own, <store>-webhooks (Database::journalPath), with
-- its own WAL, write lock and fdatasync: the journal's group commits, which Meta's requests wait
-- for, no longer wait for the parse worker's transactions, and their fdatasync no longer flushes
-- the parser's pages (docs/webhooks.md, docs/performance.md). Database::open moves the rows of
-- the old `journal` table (0002) there and drops it, once, right after this step.
-- What the parser did with each body stays here, beside what it wrote, in the same transaction.
-- Owner: core/webhook (IngestPipeline).
CREATE TABLE IF NOT EXISTS journal_parse (
    journal_id INTEGER PRIMARY KEY,             -- webhooks.journal.id
    -- (two comparisons, not IN: an IN list makes SQLite build a temporary table per row)
    state      TEXT NOT NULL CHECK (state = 'parsed' OR state = 'failed'),
    error      TEXT,                            -- why, when state = 'failed'
    events     INTEGER NOT NULL DEFAULT 0,      -- events the parser found in the body
    parsed_at  INTEGER NOT NULL                 -- ms, last parse attempt
);
CREATE INDEX IF NOT EXISTS journal_parse_failed ON journal_parse(journal_id)
    WHERE state = 'failed';

-- Every journal row up to parsed_through has a journal_parse row: the parse worker goes on from
-- there. journal_uuid names the journal file the cursor belongs to (its journal_meta uuid), so a
-- journal file that was replaced is never taken as already parsed.
CREATE TABLE IF NOT EXISTS ingest_cursor (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    journal_uuid   TEXT,
    parsed_through INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO ingest_cursor (id) VALUES (1);
