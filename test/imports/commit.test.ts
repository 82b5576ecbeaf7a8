// Preview → commit: new / update / unchanged, the clerk's choice for existing records, a file
// imported twice, a database changed after the preview, remembered and corrected mappings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const A = makeId('19800101', '123');
const B = makeId('19850505', '246');
const C = makeId('19900909', '357');
const HEADER = ['姓名', '公民身份号码', '工作单位', '人员类别', '负责乡镇'];
const roster = (...rows: unknown[][]) => sheet([HEADER, ...rows]);

async function importNow(bytes: Buffer, onExisting: 'update' | 'skip' = 'update', name = '花名册.xlsx') {
  const up = await upload(b, 'person', name, bytes);
  const p = await b.ok('import.preview', { importId: up.importId });
  const done = await b.ok('import.commit', { importId: up.importId, onExisting, acceptDuplicateFile: true });
  return { up, p, done };
}
const person = async (idNumber: string) => (await b.ok('person.list', { q: idNumber })).rows[0];

describe('existing records: new, update, unchanged; update or skip', () => {
  beforeEach(async () => {
    await importNow(roster(['张三', A, '县统计局', '普查员', '锦屏镇'], ['李四', B, '县水务局', '普查员', '巨龙镇']));
  });

  it('shows what will change, and skip leaves stored people as they are', async () => {
    const bytes = roster(
      ['张三', A, '县生态环境局', '普查员', '锦屏镇'],
      ['李四', B, '县水务局', '普查员', '巨龙镇'],
      ['王五', C, '县统计局', '普查指导员', '锦屏镇'],
    );
    const up = await upload(b, 'person', '花名册-5月.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.counts).toMatchObject({ rows: 3, new: 1, update: 1, unchanged: 1, errors: 0 });
    expect(p.rows[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'employer', label: '工作单位', from: '县统计局', to: '县生态环境局' }],
    });
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'skip' });
    expect(done).toMatchObject({ created: 1, updated: 0, skipped: 1, unchanged: 1 });
    expect((await person(A)).employer).toBe('县统计局');
    expect((await person(C)).name).toBe('王五');
  });

  it('update writes the changed fields through person.update', async () => {
    const { done } = await importNow(roster(['张三', A, '县生态环境局', '普查员、普查指导员', '巨龙镇']));
    expect(done).toMatchObject({ created: 0, updated: 1 });
    const p = await person(A);
    expect(p).toMatchObject({ employer: '县生态环境局', roles: ['普查员', '普查指导员'], townshipName: '巨龙镇' });
  });

  it('an empty cell never clears a stored value', async () => {
    const { p } = await importNow(roster(['张三', A, null, '普查员', null]));
    expect(p.counts).toMatchObject({ unchanged: 1 });
    expect((await person(A)).employer).toBe('县统计局');
  });

  it('an update the area refuses is a row error in the preview (dry run through person.update)', async () => {
    const supervisor = await person(B);
    await b.ok('person.update', { id: supervisor.id, roles: ['普查指导员'] });
    const enumerator = await person(A);
    await b.ok('person.update', { id: enumerator.id, supervisorId: supervisor.id });
    // Dropping 普查指导员 from someone who still supervises 普查员 is refused by the handler.
    const up = await upload(b, 'person', 'x.xlsx', roster(['李四', B, '县水务局', '普查员', '巨龙镇']));
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.rows[0]).toMatchObject({
      action: 'error',
      errors: [
        { field: 'roles', column: 'D', message: '李四仍是1名普查员的所属普查指导员，不能取消其“普查指导员”类别' },
      ],
    });
  });
});

describe('the same file twice', () => {
  it('warns first (upload lists the earlier import), refuses without consent, imports with it', async () => {
    const bytes = roster(['张三', A, '县统计局', '普查员', '锦屏镇']);
    const first = await importNow(bytes);
    const up = await upload(b, 'person', '花名册(1).xlsx', bytes);
    expect(up.previousImports).toEqual([
      expect.objectContaining({ id: first.done.historyId, fileName: '花名册.xlsx', created: 1 }),
    ]);
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.previousImports).toHaveLength(1);
    const before = b.snapshot();
    const e = await b.err('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(e.code).toBe('DUPLICATE_FILE');
    expect(e.message).toMatch(/同一文件已于 .* 由测试管理员导入过（花名册\.xlsx，新增 1 条）/);
    expect(b.snapshot()).toEqual(before);
    const done = await b.ok('import.commit', {
      importId: up.importId,
      onExisting: 'update',
      acceptDuplicateFile: true,
    });
    expect(done).toMatchObject({ created: 0, unchanged: 1 });
    expect((await b.ok('import.history', {})).total).toBe(2);
  });

  it('one staged import commits once', async () => {
    const up = await upload(b, 'person', 'a.xlsx', roster(['张三', A, '县统计局', '普查员', '锦屏镇']));
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(
      (await b.err('import.commit', { importId: up.importId, onExisting: 'update', acceptDuplicateFile: true })).code,
    ).toBe('ALREADY_COMMITTED');
  });
});

describe('a database changed after the preview', () => {
  it('refuses when the outcome would differ, and commits when it would not', async () => {
    const up = await upload(
      b,
      'person',
      'a.xlsx',
      roster(['张三', A, '县统计局', '普查员', '锦屏镇'], ['李四', B, '县水务局', '普查员', '巨龙镇']),
    );
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('township.create', { code: '511323300', name: '新设乡' }); // unrelated
    await b.ok('person.create', { name: '张三', idNumber: A, roles: ['普查员'] }); // the preview said “new”
    const before = b.snapshot();
    const e = await b.err('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(e).toMatchObject({ code: 'PREVIEW_STALE', message: expect.stringMatching(/请重新预览/) });
    expect(b.snapshot()).toEqual(before);

    const again = await upload(b, 'person', 'b.xlsx', roster(['王五', C, '县统计局', '普查员', '锦屏镇']));
    await b.ok('import.preview', { importId: again.importId });
    await b.ok('township.create', { code: '511323301', name: '另设乡' });
    expect((await b.ok('import.commit', { importId: again.importId, onExisting: 'update' })).created).toBe(1);
  });
});

describe('mapping', () => {
  const odd = sheet([
    ['姓名', '证号', '岗位类别', '工作单位', '备用'],
    ['张三', A, '普查员', '县统计局', '13800000000'],
  ]);

  it('the clerk corrects the guess; the preview runs again; the mapping is remembered for that header', async () => {
    const up = await upload(b, 'person', 'a.xlsx', odd);
    const guess = await b.ok('import.preview', { importId: up.importId });
    expect(guess.mappingSource).toBe('guess');
    expect(guess.columns.map((c) => c.field)).toEqual(['name', null, null, 'employer', null]);
    expect(guess.problems).toEqual([
      '缺少“公民身份号码”列：请在列对应中指定哪一列是公民身份号码',
      '缺少“人员类别”列：请在列对应中指定哪一列是人员类别',
    ]);
    expect((await b.err('import.commit', { importId: up.importId, onExisting: 'update' })).code).toBe('IMPORT_BLOCKED');

    const mapping = { A: 'name', B: 'idNumber', C: 'roles', D: 'employer', E: 'mobile' };
    const fixed = await b.ok('import.preview', { importId: up.importId, mapping });
    expect(fixed).toMatchObject({ mappingSource: 'given', problems: [], counts: { valid: 1 } });
    expect(fixed.rows[0].values).toMatchObject({ idNumber: A, mobile: '13800000000' });
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });

    const next = await upload(
      b,
      'person',
      'b.xlsx',
      sheet([
        ['姓名', '证号', '岗位类别', '工作单位', '备用'],
        ['李四', B, '普查员', '县统计局', '13800000001'],
      ]),
    );
    const remembered = await b.ok('import.preview', { importId: next.importId });
    expect(remembered).toMatchObject({ mappingSource: 'remembered', problems: [], counts: { valid: 1 } });
  });

  it('a mapping that cannot be used is refused with the reason', async () => {
    const up = await upload(b, 'person', 'a.xlsx', odd);
    const e = await b.err('import.preview', { importId: up.importId, mapping: { A: 'name', B: 'name', C: 'roles' } });
    expect(e).toMatchObject({ code: 'BAD_MAPPING', message: '“姓名”同时对应了A、B列，只能对应一列' });
  });

  it('the clerk names the header rows when the guess is wrong', async () => {
    const bytes = sheet([['说明：本表供核对'], ['姓名', '公民身份号码', '人员类别'], ['张三', A, '普查员']]);
    const up = await upload(b, 'person', 'a.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId, headerRows: { first: 2, last: 2 } });
    expect(p.header).toEqual({ first: 2, last: 2 });
    expect(p.counts.valid).toBe(1);
  });
});

describe('rows and pages', () => {
  it('pages and filters the rows; the error list names rows and columns', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `人${i}`,
      i % 10 === 0 ? 'bad' : makeId('19800101', String(100 + i)),
      '县统计局',
      '普查员',
      '锦屏镇',
    ]);
    const up = await upload(b, 'person', 'a.xlsx', roster(...rows));
    const p = await b.ok('import.preview', { importId: up.importId, show: 'errors', page: 1, pageSize: 2 });
    expect(p).toMatchObject({
      total: 3,
      page: 1,
      pageSize: 2,
      counts: { rows: 30, valid: 27, errors: 3 },
      errorCount: 3,
    });
    expect(p.rows.map((r) => r.row)).toEqual([2, 12]);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'B'],
      [12, 'B'],
      [22, 'B'],
    ]);
    const valid = await b.ok('import.preview', { importId: up.importId, show: 'valid', page: 2, pageSize: 20 });
    expect(valid.rows).toHaveLength(7);
  });

  it('nothing to import when every row is refused', async () => {
    const up = await upload(b, 'person', 'a.xlsx', roster(['张三', 'bad', null, '普查员', null]));
    await b.ok('import.preview', { importId: up.importId });
    expect((await b.err('import.commit', { importId: up.importId, onExisting: 'update' })).code).toBe(
      'NOTHING_TO_IMPORT',
    );
  });

  it('without an office profile, 人员编号 cannot be generated: a problem of the import, not 1000 row errors', async () => {
    const bare = (await import('../helpers/backend')).tempBackend();
    try {
      const up = await upload(
        bare,
        'person',
        'a.xlsx',
        sheet([
          ['姓名', '公民身份号码', '人员类别'],
          ['张三', A, '普查员'],
        ]),
      );
      const p = await bare.ok('import.preview', { importId: up.importId });
      expect(p.problems).toEqual([
        '尚未填写单位信息，无法生成人员编号：请先在“单位信息”中填写县级区划代码，或手工填写人员编号',
      ]);
    } finally {
      bare.dispose();
    }
  });
});

describe('所属普查指导员', () => {
  it('may be stored already or be someone in the same sheet, for new and stored people alike', async () => {
    const stored = await b.ok('person.create', {
      name: '赵指导',
      idNumber: makeId('19700101', '111'),
      roles: ['普查指导员'],
    });
    await b.ok('person.create', { name: '钱普查', idNumber: C, roles: ['普查员'] });
    const header = ['姓名', '公民身份号码', '人员类别', '所属普查指导员'];
    const bytes = sheet([
      header,
      ['张三', A, '普查员', B], // B is further down the same sheet
      ['李指导', B, '普查指导员', null],
      ['钱普查', C, '普查员', '赵指导'], // stored person, stored supervisor: an update
    ]);
    const up = await upload(b, 'person', 'a.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.rows.map((r) => r.action)).toEqual(['new', 'new', 'update']);
    expect(p.rows[2].changes).toEqual([expect.objectContaining({ field: 'supervisorId', to: stored.id })]);
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    expect((await person(A)).supervisorName).toBe('李指导');
    expect((await person(C)).supervisorName).toBe('赵指导');
  });

  it("someone in the sheet who is not 普查指导员 is refused in person.create's words", async () => {
    const bytes = sheet([
      ['姓名', '公民身份号码', '人员类别', '所属普查指导员'],
      ['张三', A, '普查员', '李四'],
      ['李四', B, '普查员', null],
    ]);
    const up = await upload(b, 'person', 'a.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.rows[0].errors.map((e) => e.message)).toEqual(['李四不是普查指导员，不能作为所属普查指导员']);
  });
});

describe('a refused 普查指导员 row', () => {
  it('takes the people who report to them along', async () => {
    const bytes = sheet([
      ['姓名', '公民身份号码', '人员类别', '所属普查指导员', '人员编号'],
      ['张三', A, '普查员', '李指导', null],
      ['李指导', B, '普查指导员', null, '51132410001'], // another county's code: refused
    ]);
    const up = await upload(b, 'person', 'a.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [2, '所属普查指导员（第3行）有误，本行一并未导入'],
      [3, '人员编号 51132410001 应以本县区划代码 511323 开头'],
    ]);
  });
});

describe('a verified backup before every import', () => {
  it('writes one, of the data as it was, before the import commits', async () => {
    const ofImport = async () =>
      (await b.ok('backup.list', { pageSize: 1000 })).rows.filter((r) => r.reason === '导入前');
    const n = (await ofImport()).length;
    await importNow(roster(['张三', A, '县统计局', '普查员', '锦屏镇']));
    const after = await ofImport();
    expect(after).toHaveLength(n + 1);
    expect(after.every((r) => r.status === '完好')).toBe(true);
  });
});
