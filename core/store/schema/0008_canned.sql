-- Canned replies: what an agent inserts by typing /shortcut in the composer (docs/console.md).
-- The console validates them (shortcut [a-z0-9_-]{1,32}, text up to 4096 characters), and the
-- checks here keep a hand-edited store from holding what the console would refuse.
CREATE TABLE IF NOT EXISTS canned_replies (
    id         INTEGER PRIMARY KEY,
    shortcut   TEXT NOT NULL UNIQUE CHECK (length(shortcut) BETWEEN 1 AND 32),
    text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
    created_at INTEGER NOT NULL,                 -- ms
    updated_at INTEGER NOT NULL                  -- ms
);
