// Ages at the dates of a person's working life (issue 13), through dispatch: a hire past 65 is a
// warning in the import preview (never a refusal), and a roster person younger than 16 at a
// training session's start is refused by the attendance import, attendance.save and
// attendance.addPeople alike (hire and certificate dates before 16: test/imports/faithful.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, preview, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const HEADER = ['姓名', '公民身份号码', '人员类别', '聘用开始日期'];
const OLD = makeId('19500101', '011'); // 68 on 2018-03-05
const SIXTY_FIVE = makeId('19530305', '013'); // 65 that very day: not past 65
const ADULT = makeId('19800101', '015');
const CHILD = makeId('20050101', '017'); // 13 on 2018-07-01

const warningsOf = (p: Awaited<ReturnType<typeof preview>>, row: number) =>
  p.rows.find((r) => r.row === row)!.warnings.map((w) => [w.header, w.message]);

describe('a hire past 65', () => {
  it('is a warning of the preview on a new row, and the row is still imported', async () => {
    const bytes = sheet([
      HEADER,
      ['老张', OLD, '普查员', '2018-03-05'],
      ['老李', SIXTY_FIVE, '普查员', '2018-03-05'],
      ['小王', ADULT, '普查员', '2018-03-05'],
    ]);
    const up = await upload(b, 'person', '花名册.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
    expect(p.counts).toMatchObject({ new: 3, errors: 0 });
    expect(warningsOf(p, 2)).toEqual([['聘用开始日期', '聘用开始日期（2018-03-05）时已68周岁，超过65周岁，请核对']]);
    expect(warningsOf(p, 3)).toEqual([]);
    expect(warningsOf(p, 4)).toEqual([]);
    expect(p.warningCount).toBe(1);
    expect(p.warnings[0]).toMatchObject({ row: 2, field: 'hireStart' });
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(done.created).toBe(3);
  });

  it('on an update that sets the hire date; not again when the row changes nothing', async () => {
    await b.ok('person.create', { name: '老张', idNumber: OLD, roles: ['普查员'] });
    const bytes = sheet([HEADER, ['老张', OLD, '普查员', '2018-03-05']]);
    const up = await upload(b, 'person', '花名册.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
    expect(p.rows[0].action).toBe('update');
    expect(warningsOf(p, 2)).toEqual([['聘用开始日期', '聘用开始日期（2018-03-05）时已68周岁，超过65周岁，请核对']]);
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });

    const again = await preview(b, 'person', '花名册2.xlsx', bytes);
    expect(again.rows[0].action).toBe('unchanged');
    expect(again.warningCount).toBe(0);
  });
});

describe('a roster person younger than 16 at a training session', () => {
  async function setup() {
    const training = await b.ok('training.create', {
      name: '清查培训',
      kind: '清查技术',
      hostLevel: '县',
      startDate: '2018-07-01',
      endDate: '2018-07-02',
    });
    const child = await b.ok('person.create', { name: '小明', idNumber: CHILD, roles: ['普查员'] });
    const adult = await b.ok('person.create', { name: '张三', idNumber: ADULT, roles: ['普查员'] });
    return { training, child, adult };
  }
  const TOO_YOUNG =
    '小明（出生日期 2005-01-01，据公民身份号码）在培训开始日期 2018-07-01 时未满16周岁：请核对该人员的公民身份号码或培训日期';

  it('is a row error of the attendance import naming the person, the birth date and the session date', async () => {
    const { training } = await setup();
    const bytes = sheet([
      ['姓名', '身份证号', '签到'],
      ['张三', ADULT, '√'],
      ['小明', CHILD, '√'],
    ]);
    const up = await upload(b, 'attendance', '签到.xlsx', bytes, { trainingId: training.id });
    const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
    expect(p.errors.map((e) => [e.row, e.header, e.message])).toEqual([[3, '身份证号', TOO_YOUNG]]);
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(done).toMatchObject({ created: 1, rejected: 1 });
    const rows = (await b.ok('attendance.list', { filters: { sessionId: training.id } })).rows;
    expect(rows.map((r) => r.name)).toEqual(['张三']);
  });

  it('is refused by attendance.save and attendance.addPeople; guests (no birth date) are not checked', async () => {
    const { training, child, adult } = await setup();
    const row = {
      id: null,
      guestName: null,
      guestUnit: null,
      guestPhone: null,
      signedIn: true,
      score: null,
      passed: null,
      makeupScore: null,
      makeupPassed: null,
      note: null,
    };
    const e = await b.err('attendance.save', {
      sessionId: training.id,
      rows: [
        { ...row, personId: adult.id },
        { ...row, personId: child.id },
      ],
    });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: `第2行：${TOO_YOUNG}` });
    expect(e.issues).toEqual([{ path: 'rows.1.personId', message: `第2行：${TOO_YOUNG}` }]);
    const added = await b.err('attendance.addPeople', { sessionId: training.id, personIds: [adult.id, child.id] });
    expect(added).toMatchObject({ code: 'INVALID_INPUT', message: TOO_YOUNG });
    expect((await b.ok('attendance.list', { filters: { sessionId: training.id } })).total).toBe(0);

    await b.ok('attendance.save', {
      sessionId: training.id,
      rows: [
        { ...row, personId: adult.id },
        { ...row, personId: null, guestName: '王镇长', guestUnit: '锦屏镇人民政府' },
      ],
    });
    expect((await b.ok('attendance.list', { filters: { sessionId: training.id } })).total).toBe(2);
  });
});
