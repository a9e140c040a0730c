-- Status dedupe without a random-order index per status event (docs/webhooks.md,
-- docs/performance.md "Realistic traffic").
--
-- Message ids (wamids) arrive in no particular order, so every B-tree keyed by them takes each
-- new entry on a random page, and a random page is a whole page written to the WAL and again
-- by the checkpoint. Up to schema 0010 a status event wrote two: the UNIQUE (message_id, status)
-- index of status_events (half of all the store's WAL frames under realistic traffic) and
-- message_status (a rowid table plus the index of its TEXT primary key: one random page for an
-- update, two for an insert).
--
-- Now:
-- - message_status is WITHOUT ROWID (the row lives in its primary key's B-tree: one random
--   page per status, insert or update) and keeps `seen`, the statuses already received for the
--   message, one bit per known status (1 << rank: sent 2, delivered 4, read 8, played 16,
--   failed 32). A known status whose bit is set is a duplicate; InboundStore checks and sets the
--   bit in the same statement that moves the current status forward.
-- - status_events loses its UNIQUE (message_id, status): its rows are appended in arrival order.
--   Statuses this version does not know (no rank, no bit) are still deduplicated by a partial
--   unique index that holds only them.
-- The rows move as they are; `seen` is rebuilt from status_events.

CREATE TABLE message_status_0011 (
    message_id    TEXT PRIMARY KEY,
    status        TEXT NOT NULL,
    rank          INTEGER NOT NULL,
    seen          INTEGER NOT NULL DEFAULT 0, -- bit (1 << rank) for each known status received
    timestamp     INTEGER,
    error_code    INTEGER,
    error_title   TEXT,
    error_details TEXT,
    updated_at    INTEGER                     -- ms
) WITHOUT ROWID;

INSERT INTO message_status_0011(message_id, status, rank, seen, timestamp, error_code,
                                error_title, error_details, updated_at)
SELECT s.message_id, s.status, s.rank,
       (1 << s.rank) | coalesce((SELECT sum(CASE e.status WHEN 'sent' THEN 2 WHEN 'delivered' THEN 4
                                   WHEN 'read' THEN 8 WHEN 'played' THEN 16 WHEN 'failed' THEN 32
                                   ELSE 0 END)
                                 FROM status_events e WHERE e.message_id = s.message_id), 0),
       s.timestamp, s.error_code, s.error_title, s.error_details, s.updated_at
FROM message_status s;

DROP TABLE message_status;
ALTER TABLE message_status_0011 RENAME TO message_status;

CREATE TABLE status_events_0011 (
    id                       INTEGER PRIMARY KEY,
    message_id               TEXT NOT NULL,
    status                   TEXT NOT NULL,
    timestamp                INTEGER,        -- Meta's, unix seconds
    phone_number_id          TEXT,
    recipient_id             TEXT,
    recipient_user_id        TEXT,
    recipient_parent_user_id TEXT,
    error_code               INTEGER,
    error_title              TEXT,
    error_details            TEXT,
    pricing_model            TEXT,           -- PMP or legacy CBP
    pricing_category         TEXT,
    pricing_type             TEXT,
    billable                 INTEGER,
    meta_conversation_id     TEXT,
    conversation_origin      TEXT,
    conversation_expires_at  INTEGER,        -- seconds
    biz_opaque_callback_data TEXT,
    received_at              INTEGER,        -- ms
    journal_id               INTEGER,
    raw_json                 TEXT
);

INSERT INTO status_events_0011 SELECT id, message_id, status, timestamp, phone_number_id,
    recipient_id, recipient_user_id, recipient_parent_user_id, error_code, error_title,
    error_details, pricing_model, pricing_category, pricing_type, billable, meta_conversation_id,
    conversation_origin, conversation_expires_at, biz_opaque_callback_data, received_at,
    journal_id, raw_json
FROM status_events;

DROP TABLE status_events;
ALTER TABLE status_events_0011 RENAME TO status_events;

-- Statuses without a rank (not sent, delivered, read, played or failed) are rare; their dedupe
-- stays in an index that holds only them.
CREATE UNIQUE INDEX status_events_unranked ON status_events(message_id, status)
    WHERE status <> 'sent' AND status <> 'delivered' AND status <> 'read'
      AND status <> 'played' AND status <> 'failed';
