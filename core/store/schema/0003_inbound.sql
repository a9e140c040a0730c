-- Normalized inbound store, written by the webhook parser (core/webhook/InboundStore).
-- Times: "timestamp" columns are Meta's unix SECONDS, "*_at" columns ending in ms are noted,
-- received_at is the arrival time in unix MILLISECONDS (the journal row's received_at).
-- Every table keeps the raw JSON of the event it came from, and journal_id points at the
-- journal row (schema 0002) the event was first seen in.

-- People who wrote to (or were written by) a business number. Keyed for the BSUID era:
-- wa_id may be absent, user_id (the BSUID) may be absent, at least one of them is set.
-- When a payload shows both ids for what were two rows, the rows are merged into one.
CREATE TABLE IF NOT EXISTS contacts (
    id             INTEGER PRIMARY KEY,
    wa_id          TEXT,
    user_id        TEXT,
    parent_user_id TEXT,
    username       TEXT,
    profile_name   TEXT,
    created_at     INTEGER NOT NULL DEFAULT 0, -- ms
    updated_at     INTEGER NOT NULL DEFAULT 0  -- ms
);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_wa_id ON contacts(wa_id) WHERE wa_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS contacts_user_id ON contacts(user_id) WHERE user_id IS NOT NULL;

-- One conversation per business number x contact.
-- last_inbound_at: Meta timestamp (seconds) of the newest inbound message.
-- window_expires_at: seconds, when the customer-service window closes (last inbound + 24 h,
-- 72 h for a free entry point). Both only move forward.
CREATE TABLE IF NOT EXISTS conversations (
    id                   INTEGER PRIMARY KEY,
    phone_number_id      TEXT NOT NULL,
    contact_id           INTEGER NOT NULL,
    last_inbound_at      INTEGER,
    window_expires_at    INTEGER,
    last_message_at      INTEGER,   -- seconds, newest message in either direction
    last_message_id      TEXT,
    last_message_type    TEXT,
    last_message_preview TEXT,      -- short text for a list row (first 120 characters)
    last_direction       TEXT,
    unread_count         INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL DEFAULT 0, -- ms
    updated_at           INTEGER NOT NULL DEFAULT 0, -- ms
    UNIQUE (phone_number_id, contact_id)
);
CREATE INDEX IF NOT EXISTS conversations_last_message ON conversations(last_message_at);
CREATE INDEX IF NOT EXISTS conversations_contact ON conversations(contact_id);

-- Messages in both directions. Inbound rows come from webhooks (direction 'in'), outbound rows are
-- inserted by the outbox (direction 'out', outbox_id set, id 'local:<outbox_id>' until Meta
-- answers with the wamid).
CREATE TABLE IF NOT EXISTS messages (
    id                   TEXT PRIMARY KEY,   -- wamid
    conversation_id      INTEGER,
    direction            TEXT NOT NULL DEFAULT 'in' CHECK (direction IN ('in', 'out')),
    phone_number_id      TEXT,
    display_phone_number TEXT,
    from_wa_id           TEXT,               -- "from"
    from_user_id         TEXT,
    from_parent_user_id  TEXT,
    type                 TEXT,
    timestamp            INTEGER,            -- Meta's, unix seconds
    received_at          INTEGER,            -- arrival, ms
    journal_id           INTEGER,
    outbox_id            INTEGER,
    text                 TEXT,               -- text body, edited text, or a readable summary
    caption              TEXT,
    media_id             TEXT,
    mime_type            TEXT,
    sha256               TEXT,
    filename             TEXT,
    voice                INTEGER,            -- audio: 1 for a voice note
    animated             INTEGER,            -- sticker
    latitude             REAL,
    longitude            REAL,
    location_name        TEXT,
    location_address     TEXT,
    location_url         TEXT,
    reaction_to          TEXT,               -- reaction: the reacted-to wamid
    emoji                TEXT,               -- reaction: NULL or '' on removal
    reply_type           TEXT,               -- interactive: button_reply|list_reply|nfm_reply
    reply_id             TEXT,
    reply_title          TEXT,
    reply_description    TEXT,
    reply_json           TEXT,               -- nfm_reply.response_json
    button_payload       TEXT,               -- template quick-reply button
    button_text          TEXT,
    context_id           TEXT,               -- quoted message wamid
    context_from         TEXT,
    forwarded            INTEGER,
    frequently_forwarded INTEGER,
    referral_json        TEXT,               -- click-to-WhatsApp ad referral, raw
    edit_of              TEXT,               -- edit: the edited message's wamid
    system_type          TEXT,
    error_code           INTEGER,            -- first messages[].errors[] entry
    error_title          TEXT,
    error_details        TEXT,
    raw_json             TEXT
);
CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, timestamp);
CREATE INDEX IF NOT EXISTS messages_outbox ON messages(outbox_id) WHERE outbox_id IS NOT NULL;

-- Every distinct status event, deduplicated by (message_id, status).
CREATE TABLE IF NOT EXISTS status_events (
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
    raw_json                 TEXT,
    UNIQUE (message_id, status)
);

-- The current (furthest) state of any message id: sent 1 < delivered 2 < read 3 < played 4,
-- failed 5 is terminal and keeps its error. No foreign key: a status may come before the send's
-- HTTP answer.
CREATE TABLE IF NOT EXISTS message_status (
    message_id    TEXT PRIMARY KEY,
    status        TEXT NOT NULL,
    rank          INTEGER NOT NULL,
    timestamp     INTEGER,
    error_code    INTEGER,
    error_title   TEXT,
    error_details TEXT,
    updated_at    INTEGER                    -- ms
);

-- Errors from value.errors[] (scope 'value'), messages[].errors[] ('message') and
-- statuses[].errors[] ('status').
CREATE TABLE IF NOT EXISTS webhook_errors (
    id              INTEGER PRIMARY KEY,
    scope           TEXT NOT NULL,
    waba_id         TEXT,
    phone_number_id TEXT,
    message_id      TEXT,
    code            INTEGER,
    title           TEXT,
    message         TEXT,
    details         TEXT,
    href            TEXT,
    received_at     INTEGER,
    journal_id      INTEGER,
    raw_json        TEXT,
    dedupe_key      TEXT NOT NULL UNIQUE
);

-- message_template_status_update, message_template_quality_update, template_category_update
-- (and message_template_components_update), one row per change value.
CREATE TABLE IF NOT EXISTS template_events (
    id               INTEGER PRIMARY KEY,
    field            TEXT NOT NULL,
    waba_id          TEXT,
    template_id      TEXT,
    template_name    TEXT,
    language         TEXT,
    event            TEXT,
    reason           TEXT,
    category         TEXT,
    previous_quality TEXT,
    new_quality      TEXT,
    previous_category TEXT,
    new_category     TEXT,
    timestamp        INTEGER,                -- entry.time when present, seconds
    received_at      INTEGER,
    journal_id       INTEGER,
    raw_json         TEXT,
    dedupe_key       TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS template_events_template ON template_events(template_id);

-- phone_number_quality_update, account_update, and any other (unknown) field, kept raw.
CREATE TABLE IF NOT EXISTS account_events (
    id              INTEGER PRIMARY KEY,
    field           TEXT NOT NULL,
    waba_id         TEXT,
    phone_number_id TEXT,
    display_phone_number TEXT,
    event           TEXT,
    detail          TEXT,                    -- current_limit / ban state / ...
    timestamp       INTEGER,
    received_at     INTEGER,
    journal_id      INTEGER,
    known           INTEGER NOT NULL DEFAULT 1, -- 0: a field this version does not understand
    raw_json        TEXT,
    dedupe_key      TEXT NOT NULL UNIQUE
);

-- user_preferences (marketing message opt-out/in), one row per preference entry.
CREATE TABLE IF NOT EXISTS user_preferences (
    id              INTEGER PRIMARY KEY,
    waba_id         TEXT,
    phone_number_id TEXT,
    wa_id           TEXT,
    user_id         TEXT,
    category        TEXT,
    value           TEXT,
    detail          TEXT,
    timestamp       INTEGER,
    received_at     INTEGER,
    journal_id      INTEGER,
    raw_json        TEXT,
    dedupe_key      TEXT NOT NULL UNIQUE
);
