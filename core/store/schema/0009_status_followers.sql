-- The outbox follows delivery statuses from C++ (InboundStore, right after the statement that
-- stored the status), no longer from triggers on status_events and message_status: a trigger
-- costs SQLite a zeroed sub-program frame for every status row whether or not it is ours, which
-- was about a quarter of the parse worker's instructions (docs/performance.md). The rules are
-- unchanged and documented in docs/outbox.md: a status moves its outbox row forward (never back,
-- 'failed' except after 'read'), and a status echoing 'parley-outbox:<id>' in
-- biz_opaque_callback_data resolves an 'unknown' or 'sending' row that never learnt its wamid.
DROP TRIGGER IF EXISTS outbox_follow_status_insert;
DROP TRIGGER IF EXISTS outbox_follow_status_update;
DROP TRIGGER IF EXISTS outbox_resolve_by_callback;
