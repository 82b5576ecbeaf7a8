// The stored schema is frozen (db/migrations), but the enums and the progress table's columns live
// in core/. This pins them together: changing an enum, or a column list, without a migration that
// changes the stored CHECK (or the table) fails here instead of at a clerk's first save.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import * as e from '../../core/enums';
import { ON_EXISTING } from '../../core/schemas/imports';
import { ENTERED_COLUMNS } from '../../core/progressRules';
import { SURVEY_ITEMS } from '../../core/fieldwork';
import * as org from '../../core/organisation';
import { QUALITY_SOURCES, QUALITY_STAGES } from '../../core/schemas/quality';
import { PROBLEM_KINDS, PROBLEM_STATUSES } from '../../core/schemas/problems';

/** Every column whose CHECK lists an enum's values: table.column → the values in core/. */
const ENUM_COLUMNS: Record<string, readonly string[]> = {
  'office_profile.report_rhythm': e.REPORT_RHYTHMS,
  'office_profile.money_unit': e.MONEY_UNITS,
  'operators.role': e.OPERATOR_ROLES,
  'census_districts.basis': e.DISTRICT_BASES,
  'census_districts.status': e.DISTRICT_STATUSES,
  'district_assignments.role': e.DISTRICT_ROLES,
  'people.sex': e.SEXES,
  'people.political_status': e.POLITICAL_STATUSES,
  'people.education': e.EDUCATION_LEVELS,
  'people.source': e.PERSON_SOURCES,
  'people.status': e.PERSON_STATUSES,
  'people.pay_basis': e.PAY_BASES,
  'person_roles.role': e.PERSON_ROLES,
  'contracts.procurement_method': e.PROCUREMENT_METHODS,
  'contracts.status': e.CONTRACT_STATUSES,
  'contract_acceptances.conclusion': e.ACCEPTANCE_CONCLUSIONS,
  'budget_items.funding_level': e.FUNDING_LEVELS,
  'budget_allocations.source': e.FUNDING_LEVELS,
  'pay_runs.status': e.PAY_RUN_STATUSES,
  'training_sessions.kind': e.TRAINING_KINDS,
  'training_sessions.host_level': e.HOST_LEVELS,
  'training_sessions.exam_method': e.EXAM_METHODS,
  'milestones.status': e.MILESTONE_SET_STATUSES,
  'progress_reports.status': e.PROGRESS_REPORT_STATUSES,
  'import_history.on_existing': ON_EXISTING,
  // import_history.kind and import_mappings.kind: any short name since migration 8 (the list is IMPORT_KINDS).
  'people.pledge_status': e.PLEDGE_STATUSES,
  'archive_records.retention': e.ARCHIVE_RETENTIONS,
  'survey_figures.item': SURVEY_ITEMS,
  'publicity_items.kind': org.PUBLICITY_KINDS,
  'group_members.group_post': org.GROUP_POSTS,
  'devices.kind': org.DEVICE_KINDS,
  'devices.state': org.DEVICE_STATES,
  'quality_checks.stage': QUALITY_STAGES,
  'quality_period_sources.source': QUALITY_SOURCES,
  'problems.kind': PROBLEM_KINDS,
  'problems.status': PROBLEM_STATUSES,
};

/** `CHECK (col IS NULL OR col IN ('a', 'b'))` in each table's stored SQL: table.column → values. */
function storedChecks(): Record<string, string[]> {
  const { db } = openDatabase(':memory:', { seed: false });
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as {
    name: string;
    sql: string;
  }[];
  db.close();
  const found: Record<string, string[]> = {};
  for (const t of tables) {
    for (const m of t.sql.matchAll(/CHECK \((\w+) IS NULL OR \1 IN \(((?:'(?:[^']|'')*'(?:, )?)+)\)\)/g)) {
      found[`${t.name}.${m[1]}`] = [...m[2].matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1].replace(/''/g, "'"));
    }
  }
  return found;
}

describe('the stored schema and core/ agree', () => {
  it('every enum CHECK lists exactly the enum values core/ declares', () => {
    const stored = storedChecks();
    expect(Object.keys(stored).sort(), 'a CHECK this test does not know: add it to ENUM_COLUMNS').toEqual(
      Object.keys(ENUM_COLUMNS).sort(),
    );
    for (const [column, values] of Object.entries(ENUM_COLUMNS)) {
      expect(
        stored[column],
        `${column}: core/ and the stored CHECK differ. The stored schema is frozen: a changed enum needs a ` +
          `new migration in db/migrations that rebuilds the table with the new CHECK.`,
      ).toEqual([...values]);
    }
  });

  it('progress_figures has a column for every entered progress column', () => {
    const { db } = openDatabase(':memory:', { seed: false });
    const columns = db.prepare(`SELECT name FROM pragma_table_info('progress_figures')`).pluck().all();
    db.close();
    expect(columns, 'a new progress column needs a migration that adds it').toEqual(
      expect.arrayContaining([...ENTERED_COLUMNS]),
    );
  });
});
