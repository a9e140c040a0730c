-- Ingest performance: the FTS5 index of 0006_console is no longer filled row by row for messages
-- the webhook parser inserts. Those rows (journal_id IS NOT NULL) are indexed in batches by the
-- parse worker after its transactions (core/webhook/MessageIndex), outside the parse
-- transaction, up to a watermark. Every other insert (the outbox, tools, tests) still goes
-- through the trigger. Console search catches the index up before it matches, so every message
-- is found.
--
-- message_index_progress.indexed_rowid: every parser-inserted message with a rowid at or below
-- it is in messages_fts. Rows above it are indexed by MessageIndex::catchUp (INSERT OR REPLACE,
-- so a row that the update trigger already indexed is simply rewritten).
CREATE TABLE IF NOT EXISTS message_index_progress (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_rowid INTEGER NOT NULL
);

-- Everything present now was indexed by 0006 (its backfill and its insert trigger).
INSERT OR IGNORE INTO message_index_progress(id, indexed_rowid)
SELECT 1, coalesce(max(rowid), 0) FROM messages;

DROP TRIGGER IF EXISTS messages_fts_insert;

CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages
WHEN (new.type IS NULL OR new.type <> 'reaction') AND new.journal_id IS NULL
BEGIN
    INSERT INTO messages_fts(rowid, body) VALUES (new.rowid,
        trim(coalesce(new.text, '') || ' ' || coalesce(new.caption, '') || ' ' || coalesce(new.filename, '')
             || ' ' || coalesce(new.reply_title, '') || ' ' || coalesce(new.button_text, '')
             || ' ' || coalesce(new.location_name, '') || ' ' || coalesce(new.location_address, '')));
END;

-- SQLite hands out max(rowid) + 1, so rowids above the largest remaining one can be reused
-- after a delete: keep the watermark at or below that largest rowid, so that a newer row under
-- a reused rowid is indexed too. Deleting older rows (retention, erasure) does not move it.
DROP TRIGGER IF EXISTS messages_fts_delete;

CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM messages_fts WHERE rowid = old.rowid;
    UPDATE message_index_progress SET indexed_rowid = (SELECT coalesce(max(rowid), 0) FROM messages)
    WHERE indexed_rowid > (SELECT coalesce(max(rowid), 0) FROM messages);
END;
