// Migration 9: RESERVED for issue #17 (入户调查 detail, 宣传, 领导小组, devices and accounts); filled before release.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const FIELDWORK_SCHEMA = `
-- reserved
`;
