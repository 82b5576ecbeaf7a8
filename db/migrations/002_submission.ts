// Migration 2: the monthly report as a submission (docs/spec/submission.md §2). Each official
// export gets an id written into the workbook's meta (export_uid, so a file names its own record
// before the record exists), the reason for a correction (v2 on) and the digest the file carries.
// Rows recorded before this migration keep NULL in all three: they have no such meta.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const SUBMISSION_SCHEMA = `
ALTER TABLE report_exports ADD COLUMN export_uid TEXT;
ALTER TABLE report_exports ADD COLUMN correction_reason TEXT;
ALTER TABLE report_exports ADD COLUMN digest TEXT;
CREATE UNIQUE INDEX report_exports_uid ON report_exports (export_uid);
`;
