-- The webhook journal: every authentic POST body, byte for byte, committed (fsync) before Meta
-- gets its 200. The parser works from here; `parleyctl replay` re-parses rows from here.
-- Owner: core/webhook (Journal, IngestPipeline).
CREATE TABLE IF NOT EXISTS journal (
    id          INTEGER PRIMARY KEY,            -- arrival order
    received_at INTEGER NOT NULL,               -- ms since the epoch, when the request was read
    size        INTEGER NOT NULL,               -- bytes of body
    body        BLOB NOT NULL,                  -- the raw request body, exactly as signed
    parse_state TEXT NOT NULL DEFAULT 'pending'
                CHECK (parse_state IN ('pending', 'parsed', 'failed')),
    parse_error TEXT,                           -- why, when parse_state = 'failed'
    events      INTEGER NOT NULL DEFAULT 0,     -- events the parser found in the body
    parsed_at   INTEGER                         -- ms, last parse attempt
);

-- The parse worker's queue and the replay --failed selection stay small and cheap to maintain.
CREATE INDEX IF NOT EXISTS journal_pending ON journal(id) WHERE parse_state = 'pending';
CREATE INDEX IF NOT EXISTS journal_failed ON journal(id) WHERE parse_state = 'failed';
