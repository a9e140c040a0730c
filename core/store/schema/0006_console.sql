-- The desktop console: full-text search over every message (FTS5, kept in step with `messages`
-- by triggers) and per-conversation UI state.
--
-- messages_fts keeps its own copy of the searchable text under the rowid of the message row.
-- messages has a TEXT primary key, so its rowid is implicit and a VACUUM may renumber it: after a
-- VACUUM, empty messages_fts and refill it with the INSERT ... SELECT below.
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO messages_fts(rowid, body)
SELECT rowid, trim(coalesce(text, '') || ' ' || coalesce(caption, '') || ' ' || coalesce(filename, '')
                   || ' ' || coalesce(reply_title, '') || ' ' || coalesce(button_text, '')
                   || ' ' || coalesce(location_name, '') || ' ' || coalesce(location_address, ''))
FROM messages WHERE type IS NULL OR type <> 'reaction';

CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages
WHEN new.type IS NULL OR new.type <> 'reaction'
BEGIN
    INSERT INTO messages_fts(rowid, body) VALUES (new.rowid,
        trim(coalesce(new.text, '') || ' ' || coalesce(new.caption, '') || ' ' || coalesce(new.filename, '')
             || ' ' || coalesce(new.reply_title, '') || ' ' || coalesce(new.button_text, '')
             || ' ' || coalesce(new.location_name, '') || ' ' || coalesce(new.location_address, '')));
END;

CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM messages_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER IF NOT EXISTS messages_fts_update
AFTER UPDATE OF text, caption, filename, reply_title, button_text, location_name, location_address, type
ON messages
BEGIN
    DELETE FROM messages_fts WHERE rowid = old.rowid;
    INSERT INTO messages_fts(rowid, body)
    SELECT new.rowid,
        trim(coalesce(new.text, '') || ' ' || coalesce(new.caption, '') || ' ' || coalesce(new.filename, '')
             || ' ' || coalesce(new.reply_title, '') || ' ' || coalesce(new.button_text, '')
             || ' ' || coalesce(new.location_name, '') || ' ' || coalesce(new.location_address, ''))
    WHERE new.type IS NULL OR new.type <> 'reaction';
END;

-- Per-conversation console state: the unsent draft, when the agent last read it.
CREATE TABLE IF NOT EXISTS console_conversation_state (
    conversation_id INTEGER PRIMARY KEY,
    draft           TEXT,
    last_read_at    INTEGER, -- ms
    pinned          INTEGER NOT NULL DEFAULT 0
);

-- The thread view folds reactions and edits into the bubble they belong to.
CREATE INDEX IF NOT EXISTS messages_reaction_to ON messages(reaction_to) WHERE reaction_to IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_edit_of ON messages(edit_of) WHERE edit_of IS NOT NULL;
