-- Outbox (core/outbox): every outbound message, its attempts, and the media caches.
-- Times ending in _at are unix MILLISECONDS unless noted.

-- One row per outbound message. state: queued | sending | unknown | accepted | sent | delivered |
-- read | failed | dead | cancelled (docs/outbox.md). recipient_key is the E.164 number or the BSUID:
-- messages to one recipient leave in id order (FIFO), one at a time.
CREATE TABLE IF NOT EXISTS outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    phone_number_id TEXT NOT NULL,
    to_number       TEXT,                 -- E.164 with '+'
    recipient       TEXT,                 -- BSUID
    recipient_key   TEXT NOT NULL,
    type            TEXT NOT NULL,
    message_json    TEXT NOT NULL,        -- the message object (without to/recipient)
    state           TEXT NOT NULL DEFAULT 'queued',
    ready           INTEGER NOT NULL DEFAULT 0, -- 1: the head of its recipient's FIFO (see triggers)
    status_rank     INTEGER NOT NULL DEFAULT 0, -- message_status rank reached (sent 1 ... failed 5)
    wamid           TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    lease_owner     TEXT,
    lease_until     INTEGER,
    error_origin    TEXT,                 -- graph | webhook | network | local
    error_code      INTEGER,
    error_title     TEXT,
    error_details   TEXT,
    error_http      INTEGER,
    error_fbtrace   TEXT,
    error_action    TEXT,                 -- NULL: derived from error_code by ErrorTable
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    accepted_at     INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt_at);
-- The claim reads the heads of the recipients' queues in id order and stops at its LIMIT.
CREATE INDEX IF NOT EXISTS outbox_ready ON outbox(state, ready, id);

-- FIFO per recipient: a row is `ready` (may be claimed) when it is the head of its recipient's
-- queue. A new row is the head when nothing of that recipient is queued or in flight; when a row
-- leaves queued/sending (accepted, failed, dead, cancelled, unknown), the oldest queued row of its
-- recipient becomes the head unless another row of that recipient is in flight. A row that goes
-- back to queued for a retry keeps its place.
CREATE TRIGGER IF NOT EXISTS outbox_fifo_insert AFTER INSERT ON outbox
BEGIN
    UPDATE outbox SET ready = 1
    WHERE id = NEW.id AND NEW.state = 'queued'
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.phone_number_id = NEW.phone_number_id
                      AND p.recipient_key = NEW.recipient_key AND p.id <> NEW.id
                      AND p.state IN ('queued', 'sending'));
END;

CREATE TRIGGER IF NOT EXISTS outbox_fifo_release AFTER UPDATE OF state ON outbox
WHEN OLD.state IN ('queued', 'sending') AND NEW.state NOT IN ('queued', 'sending')
BEGIN
    UPDATE outbox SET ready = 0 WHERE id = NEW.id AND ready = 1;
    UPDATE outbox SET ready = 1
    WHERE id = (SELECT MIN(q.id) FROM outbox q WHERE q.phone_number_id = NEW.phone_number_id
                AND q.recipient_key = NEW.recipient_key AND q.state = 'queued')
      AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.phone_number_id = NEW.phone_number_id
                      AND s.recipient_key = NEW.recipient_key
                      AND (s.state = 'sending' OR (s.state = 'queued' AND s.ready = 1)));
END;

CREATE TRIGGER IF NOT EXISTS outbox_fifo_requeue AFTER UPDATE OF state ON outbox
WHEN OLD.state NOT IN ('queued', 'sending') AND NEW.state = 'queued'
BEGIN
    UPDATE outbox SET ready = 1
    WHERE id = NEW.id
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.phone_number_id = NEW.phone_number_id
                      AND p.recipient_key = NEW.recipient_key AND p.id <> NEW.id
                      AND p.state IN ('queued', 'sending'));
END;
CREATE INDEX IF NOT EXISTS outbox_fifo ON outbox(phone_number_id, recipient_key, id);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_wamid ON outbox(wamid) WHERE wamid IS NOT NULL;

-- Every HTTP attempt of every row.
CREATE TABLE IF NOT EXISTS outbox_attempts (
    id          INTEGER PRIMARY KEY,
    outbox_id   INTEGER NOT NULL,
    attempt     INTEGER NOT NULL,
    owner       TEXT,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    http_status INTEGER,
    error_code  INTEGER,
    error_title TEXT,
    fbtrace_id  TEXT,
    wamid       TEXT,
    latency_ms  INTEGER,
    outcome     TEXT                      -- accepted | retry | failed | dead
);
CREATE INDEX IF NOT EXISTS outbox_attempts_row ON outbox_attempts(outbox_id, attempt);

-- Processes draining the outbox announce themselves here; `send` only enqueues when another live
-- drainer exists.
CREATE TABLE IF NOT EXISTS outbox_drainers (
    owner        TEXT PRIMARY KEY,
    pid          INTEGER,
    heartbeat_at INTEGER NOT NULL
);

-- Uploaded media ids by content, reused until shortly before their 30-day expiry.
CREATE TABLE IF NOT EXISTS media_uploads (
    sha256          TEXT NOT NULL,
    phone_number_id TEXT NOT NULL,
    mime_type       TEXT NOT NULL,
    size            INTEGER NOT NULL,
    media_id        TEXT NOT NULL,
    uploaded_at     INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    PRIMARY KEY (sha256, phone_number_id)
);

-- Inbound media fetched into the content-addressed cache beside the store.
CREATE TABLE IF NOT EXISTS media_cache (
    media_id    TEXT PRIMARY KEY,
    sha256      TEXT,                     -- expected (from the webhook / GET /{media-id})
    mime_type   TEXT,
    size        INTEGER,
    path        TEXT,                     -- relative to the cache directory, by sha256
    state       TEXT NOT NULL DEFAULT 'pending', -- pending | fetched | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    error       TEXT,
    fetched_at  INTEGER,
    updated_at  INTEGER NOT NULL
);

-- Delivery statuses (written by the webhook parser into message_status, keyed by wamid) move the
-- outbox row forward: sent -> delivered -> read, or failed with Meta's error. The action of an
-- asynchronous failure is derived from error_code by ErrorTable when the row is read.
CREATE TRIGGER IF NOT EXISTS outbox_follow_status_insert AFTER INSERT ON message_status
BEGIN
    UPDATE outbox SET
        state = CASE WHEN NEW.status = 'failed' THEN 'failed'
                     WHEN NEW.rank >= 3 THEN 'read'
                     WHEN NEW.rank = 2 THEN 'delivered'
                     ELSE 'sent' END,
        status_rank = NEW.rank,
        error_origin = CASE WHEN NEW.status = 'failed' THEN 'webhook' ELSE error_origin END,
        error_code = CASE WHEN NEW.status = 'failed' THEN NEW.error_code ELSE error_code END,
        error_title = CASE WHEN NEW.status = 'failed' THEN NEW.error_title ELSE error_title END,
        error_details = CASE WHEN NEW.status = 'failed' THEN NEW.error_details ELSE error_details END,
        error_http = CASE WHEN NEW.status = 'failed' THEN NULL ELSE error_http END,
        error_fbtrace = CASE WHEN NEW.status = 'failed' THEN NULL ELSE error_fbtrace END,
        error_action = CASE WHEN NEW.status = 'failed' THEN NULL ELSE error_action END,
        updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
    WHERE wamid = NEW.message_id
      AND state IN ('sending', 'unknown', 'accepted', 'sent', 'delivered', 'read')
      AND ((NEW.status = 'failed' AND state <> 'read') OR (NEW.status <> 'failed' AND NEW.rank > status_rank));
END;

CREATE TRIGGER IF NOT EXISTS outbox_follow_status_update AFTER UPDATE ON message_status
BEGIN
    UPDATE outbox SET
        state = CASE WHEN NEW.status = 'failed' THEN 'failed'
                     WHEN NEW.rank >= 3 THEN 'read'
                     WHEN NEW.rank = 2 THEN 'delivered'
                     ELSE 'sent' END,
        status_rank = NEW.rank,
        error_origin = CASE WHEN NEW.status = 'failed' THEN 'webhook' ELSE error_origin END,
        error_code = CASE WHEN NEW.status = 'failed' THEN NEW.error_code ELSE error_code END,
        error_title = CASE WHEN NEW.status = 'failed' THEN NEW.error_title ELSE error_title END,
        error_details = CASE WHEN NEW.status = 'failed' THEN NEW.error_details ELSE error_details END,
        error_http = CASE WHEN NEW.status = 'failed' THEN NULL ELSE error_http END,
        error_fbtrace = CASE WHEN NEW.status = 'failed' THEN NULL ELSE error_fbtrace END,
        error_action = CASE WHEN NEW.status = 'failed' THEN NULL ELSE error_action END,
        updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
    WHERE wamid = NEW.message_id
      AND state IN ('sending', 'unknown', 'accepted', 'sent', 'delivered', 'read')
      AND ((NEW.status = 'failed' AND state <> 'read') OR (NEW.status <> 'failed' AND NEW.rank > status_rank));
END;

-- Crash safety: every send carries 'parley-outbox:<id>' in biz_opaque_callback_data. A row whose
-- HTTP answer was lost (state unknown after a crash, or still sending) learns its wamid from the
-- first status webhook that echoes it, and then takes the current status of that wamid.
CREATE TRIGGER IF NOT EXISTS outbox_resolve_by_callback AFTER INSERT ON status_events
WHEN NEW.biz_opaque_callback_data LIKE 'parley-outbox:%'
BEGIN
    UPDATE messages SET id = NEW.message_id
    WHERE id = 'local:' || CAST(substr(NEW.biz_opaque_callback_data, 15) AS INTEGER)
      AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = CAST(substr(NEW.biz_opaque_callback_data, 15) AS INTEGER)
                  AND o.wamid IS NULL AND o.state IN ('unknown', 'sending'))
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = NEW.message_id);
    UPDATE outbox SET
        wamid = NEW.message_id,
        state = 'accepted',
        status_rank = 0,
        lease_owner = NULL,
        lease_until = NULL,
        accepted_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
        updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
    WHERE id = CAST(substr(NEW.biz_opaque_callback_data, 15) AS INTEGER)
      AND wamid IS NULL AND state IN ('unknown', 'sending');
    UPDATE outbox SET
        state = (SELECT CASE WHEN s.status = 'failed' THEN 'failed' WHEN s.rank >= 3 THEN 'read'
                             WHEN s.rank = 2 THEN 'delivered' ELSE 'sent' END
                 FROM message_status s WHERE s.message_id = NEW.message_id),
        status_rank = (SELECT s.rank FROM message_status s WHERE s.message_id = NEW.message_id),
        error_origin = (SELECT CASE WHEN s.status = 'failed' THEN 'webhook' END FROM message_status s WHERE s.message_id = NEW.message_id),
        error_code = (SELECT s.error_code FROM message_status s WHERE s.message_id = NEW.message_id),
        error_title = (SELECT s.error_title FROM message_status s WHERE s.message_id = NEW.message_id),
        error_details = (SELECT s.error_details FROM message_status s WHERE s.message_id = NEW.message_id)
    WHERE wamid = NEW.message_id AND state = 'accepted'
      AND EXISTS (SELECT 1 FROM message_status s WHERE s.message_id = NEW.message_id);
END;
