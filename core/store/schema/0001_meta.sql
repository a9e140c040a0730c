-- Store-wide settings that are not secrets (secrets live in the OS keychain, never here).
CREATE TABLE IF NOT EXISTS settings (
    key   TEXT PRIMARY KEY,
    value TEXT
);
