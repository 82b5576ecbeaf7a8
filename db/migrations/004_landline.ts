// Migration 4: a person's 固定电话 (landline) beside 手机. Rosters often give an office landline under
// 联系电话; without its own column such a person could not be stored at all. Stored normalised
// (`0838-1234567`, optional `-ext`); NULL for everyone recorded before.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const LANDLINE_SCHEMA = `
ALTER TABLE people ADD COLUMN landline TEXT;
`;
