-- Message templates synced from Meta (GET /{WABA-ID}/message_templates), one row per template id,
-- i.e. one name in one language. definition_json is Meta's object as synced; the status,
-- quality and category columns are the current truth: sync writes them and the triggers below
-- keep them live from the webhooks the parser stores in template_events.
CREATE TABLE IF NOT EXISTS templates (
    id                TEXT PRIMARY KEY,          -- Meta's template (hsm) id
    waba_id           TEXT,
    name              TEXT NOT NULL,
    language          TEXT NOT NULL,
    status            TEXT NOT NULL,             -- APPROVED, PENDING, REJECTED, PAUSED, DISABLED, ...
    status_reason     TEXT,                      -- webhook reason / rejected_reason
    status_at         INTEGER NOT NULL DEFAULT 0,-- ms; older webhooks never overwrite newer state
    category          TEXT,
    previous_category TEXT,
    quality_score     TEXT,                      -- GREEN, YELLOW, RED, UNKNOWN
    parameter_format  TEXT NOT NULL DEFAULT 'positional',
    definition_json   TEXT NOT NULL,
    synced_at         INTEGER,                   -- ms
    UNIQUE (name, language)
);
CREATE INDEX IF NOT EXISTS templates_status ON templates(status);

-- Edits of templates made from Parley: Meta allows 10 per 30 days and 1 per 24 hours.
CREATE TABLE IF NOT EXISTS template_edits (
    id          INTEGER PRIMARY KEY,
    template_id TEXT NOT NULL,
    edited_at   INTEGER NOT NULL                 -- ms
);
CREATE INDEX IF NOT EXISTS template_edits_template ON template_edits(template_id, edited_at);

-- message_template_status_update: the event is the new status (REINSTATED means approved again;
-- DELETED removes the row). Matched by id, or by name+language when the id is missing. Webhook
-- timestamps are whole seconds: an event counts as at the end of its second, so an approval in
-- the same second as the create or sync that stored the row is not mistaken for an older one.
CREATE TRIGGER IF NOT EXISTS templates_status_event AFTER INSERT ON template_events
WHEN new.field = 'message_template_status_update' AND new.event IS NOT NULL
     AND upper(new.event) <> 'DELETED'
BEGIN
    UPDATE templates
       SET status = CASE upper(new.event) WHEN 'REINSTATED' THEN 'APPROVED' ELSE upper(new.event) END,
           status_reason = new.reason,
           status_at = coalesce(new.timestamp * 1000 + 999, new.received_at, status_at),
           category = coalesce(new.category, category)
     WHERE (id = new.template_id
            OR (new.template_id IS NULL AND name = new.template_name AND language = new.language))
       AND coalesce(new.timestamp * 1000 + 999, new.received_at, status_at) >= status_at;
END;

CREATE TRIGGER IF NOT EXISTS templates_deleted_event AFTER INSERT ON template_events
WHEN new.field = 'message_template_status_update' AND upper(new.event) = 'DELETED'
BEGIN
    DELETE FROM templates
     WHERE id = new.template_id
        OR (new.template_id IS NULL AND name = new.template_name AND language = new.language);
END;

CREATE TRIGGER IF NOT EXISTS templates_quality_event AFTER INSERT ON template_events
WHEN new.field = 'message_template_quality_update' AND new.new_quality IS NOT NULL
BEGIN
    UPDATE templates SET quality_score = upper(new.new_quality)
     WHERE id = new.template_id
        OR (new.template_id IS NULL AND name = new.template_name AND language = new.language);
END;

CREATE TRIGGER IF NOT EXISTS templates_category_event AFTER INSERT ON template_events
WHEN new.field = 'template_category_update' AND new.new_category IS NOT NULL
BEGIN
    UPDATE templates
       SET previous_category = coalesce(new.previous_category, category),
           category = upper(new.new_category)
     WHERE id = new.template_id
        OR (new.template_id IS NULL AND name = new.template_name AND language = new.language);
END;
