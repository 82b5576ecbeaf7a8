// Migration 5: the audit log's head (count, last id and hash of the last entry) becomes part of the
// schema, created with its table here and never again at open: a head that is missing later is
// evidence (someone dropped it), not something to rebuild from whatever the log holds then. Files
// already had the table (earlier builds created it at open, with a row as soon as the log had an
// entry); the row is written with the first entry (appendAudit).
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const AUDIT_HEAD_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  hash TEXT NOT NULL
);
`;
