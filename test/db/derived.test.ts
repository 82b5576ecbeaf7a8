// The derived values defined once in db/views/derived.ts: training status (the view column, the
// list filter and the report probes agree for every combination of attendance rows) and
// insurance validity (the SQL rule and core's isInsuranceValid agree).
import type { Database as Db } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { insertPeople } from '../../db/entities/personnel';
import { insuranceValidSql, passedSql, trainedSql, trainingStatusIsSql } from '../../db/views/derived';
import { TRAINING_STATUSES } from '../../core/enums';
import { isInsuranceValid } from '../../core/schemas/personnel';
import { buildBefore } from './fixtures/before';
import { LANDLINE_SCHEMA } from '../../db/migrations/004_landline';

/** One attendance row: signed in, and the verdict (NULL: not examined). */
type Row = [signedIn: 0 | 1, passed: 0 | 1 | null];
const ROWS: Row[] = [
  [0, null],
  [0, 0],
  [0, 1],
  [1, null],
  [1, 0],
  [1, 1],
];
/** Every person's attendance: none, one row, or two rows (two sessions). */
const CASES: Row[][] = [[], ...ROWS.map((r) => [r]), ...ROWS.flatMap((a) => ROWS.map((b) => [a, b]))];

/** The rule as the people view had it before: the best verdict, then any sign-in. */
const expected = (rows: Row[]) =>
  rows.some((r) => r[1] === 1) ? '考核合格' : rows.some((r) => r[0] === 1) ? '已培训' : '未培训';

/** People with every combination of attendance rows; returns their ids, in CASES order. */
function fill(db: Db): number[] {
  const at = '2018-05-01T00:00:00.000Z';
  const ids = insertPeople(
    db,
    CASES.map((_, i) => ({
      personCode: `511323${String(i + 1).padStart(5, '0')}`,
      name: `人员${i}`,
      sex: '男' as const,
      birthDate: '1980-01-01',
      idNumber: `id-${i}`,
      roles: ['普查员'] as const,
    })),
    at,
  );
  const session = db.prepare(
    `INSERT INTO training_sessions (name, kind, host_level, start_date, end_date, created_at, updated_at)
     VALUES (?, '清查技术', '县', '2018-05-01', '2018-05-01', ?, ?)`,
  );
  const sessions = [1, 2].map((n) => Number(session.run(`第${n}期`, at, at).lastInsertRowid));
  const attend = db.prepare(
    `INSERT INTO training_attendance (session_id, person_id, signed_in, passed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  CASES.forEach((rows, i) => rows.forEach(([s, p], j) => attend.run(sessions[j], ids[i], s, p, at, at)));
  return ids;
}

describe('training status, defined once', () => {
  const { db } = openDatabase(':memory:', { seed: false });
  const ids = fill(db);
  const want = new Map(CASES.map((rows, i) => [ids[i], expected(rows)]));

  it('people_view.training_status follows the rule for every combination of rows', () => {
    const got = db.prepare('SELECT id, training_status AS s FROM people_view').all() as { id: number; s: string }[];
    expect(new Map(got.map((r) => [r.id, r.s]))).toEqual(want);
    // …and reads exactly what the view read before the change.
    const before = buildBefore();
    before.exec(LANDLINE_SCHEMA); // insertPeople writes every current column (migration 4 added 固定电话)
    before.exec('ALTER TABLE people ADD COLUMN pledge_status TEXT; ALTER TABLE people ADD COLUMN pledge_date TEXT;'); // and 8 保密承诺书
    fill(before);
    expect(got).toEqual(before.prepare('SELECT id, training_status AS s FROM people_view').all());
    before.close();
  });

  it.each(TRAINING_STATUSES)('the list filter for %s picks exactly the people with that status', (status) => {
    const got = db
      .prepare(`SELECT id FROM people_search_view WHERE ${trainingStatusIsSql('people_search_view.id', status)}`)
      .pluck()
      .all();
    expect(got).toEqual(ids.filter((id) => want.get(id) === status));
  });

  it('the report probes: trained is every status but 未培训, passed is 考核合格', () => {
    const got = db
      .prepare(`SELECT p.id, ${trainedSql('p.id')} AS trained, ${passedSql('p.id')} AS passed FROM people p`)
      .all() as { id: number; trained: number; passed: number }[];
    for (const r of got) {
      expect(r.trained, `person ${r.id}`).toBe(Number(want.get(r.id) !== '未培训'));
      expect(r.passed, `person ${r.id}`).toBe(Number(want.get(r.id) === '考核合格'));
    }
  });
});

describe('insurance validity, defined once', () => {
  const { db } = openDatabase(':memory:', { seed: false });
  const valid = db.prepare(`SELECT ${insuranceValidSql('@start', '@end', '@day')}`).pluck();
  const day = '2018-06-15';
  const cases: [string | null, string | null][] = [
    [null, null],
    ['2018-01-01', null],
    [null, '2018-12-31'],
    ['2018-01-01', '2018-12-31'],
    [day, day],
    [day, '2018-12-31'],
    ['2018-01-01', day],
    ['2018-06-16', '2018-12-31'],
    ['2018-01-01', '2018-06-14'],
    ['2017-01-01', '2017-12-31'],
  ];
  it.each(cases)('from %s to %s on 2018-06-15: SQL and core agree', (start, end) => {
    expect(valid.get({ start, end, day })).toBe(Number(isInsuranceValid(start, end, day)));
  });
});
