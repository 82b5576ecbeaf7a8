// Migration 10: the back-off after failed logins survives a restart (issue #15; backend/loginGuard.ts).
// One row per operator whose failures are being counted: how many in a row, when the last was and
// until when the next attempt must wait. Kept per operator id, never per name as typed (a password
// typed into the name box must not be stored); unknown names are counted in memory only. A success
// deletes the row, so the table holds only accounts someone is failing on now.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const LOGIN_FAILURES_SCHEMA = `
CREATE TABLE login_failures (
  operator_id INTEGER PRIMARY KEY REFERENCES operators(id) ON DELETE CASCADE,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_failed_at TEXT NOT NULL,
  wait_until TEXT NOT NULL
);
`;
