// Migration 8: RESERVED for issue #17 (coverage settings, 保密承诺书, 档案); filled before release.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const REGISTERS_SCHEMA = `
-- reserved
`;
