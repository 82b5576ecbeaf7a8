// Migration 7: RESERVED for issue #17 (质量核查 and the 审核/督办 ledger); filled before release.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const QUALITY_PROBLEMS_SCHEMA = `
-- reserved
`;
