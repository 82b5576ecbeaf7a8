// 核对 (report.read) through dispatch: a file of this office compared with its record names every
// changed cell; any R2 is checked against its digest, 合计, rates, rules and row codes; the same
// findings come back after LibreOffice resaves it as .xlsx or .xls and after exceljs resaves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import type { OutputOf } from '../../core/api';
import { demoBackend, exportReport, metaOf, nowCtx, sheetsOf } from './helpers';
import { TAMPERINGS, edited, resaved, sofficeReady } from './verifyCases';

type Verified = OutputOf<'report.read'>;

let b: TestBackend;
let other: TestBackend;
let official: Buffer;
let draft: Buffer;
const files: Record<string, Buffer> = {};
let lo: ReturnType<typeof resaved> = {};

async function verify(backend: TestBackend, bytes: Buffer): Promise<Verified> {
  const r = await backend.dispatch('report.read', { base64: bytes.toString('base64') }, nowCtx);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data as Verified;
}

const named = (v: Verified) => v.findings.map((f) => [f.kind, f.sheet, f.cell]);
/** What a finding list says, for comparing two files' findings. */
const said = (v: Verified) => v.findings.map((f) => `${f.kind} ${f.message}`);

/** The variants of a file that must give the same findings. */
function variants(name: string): [string, Buffer][] {
  const out: [string, Buffer][] = [['原文件', files[name]]];
  if (lo[name]) out.push(['LibreOffice 另存 xlsx', lo[name].xlsx], ['LibreOffice 另存 xls', lo[name].xls]);
  return out;
}

beforeAll(async () => {
  b = await demoBackend();
  other = await demoBackend();
  official = (await exportReport(b, { reportId: 'R2', period: '2018-10', mode: 'official' })).bytes;
  draft = (await exportReport(b, { reportId: 'R2', period: '2018-10', mode: 'draft' })).bytes;
  // The other office: another county of the city, holding no record of this file.
  const office = (await other.ok('office.get', {}))! as Record<string, unknown>;
  const { id: _i, createdAt: _c, updatedAt: _u, ...profile } = office;
  await other.ok('office.save', { ...profile, countyCode: '511304', countyName: '嘉陵区' } as never);

  files.untouched = official;
  files.exceljs = await edited(official, () => {});
  for (const [name, t] of Object.entries(TAMPERINGS)) files[name] = await edited(official, t.edit);
  files.unreadable = await edited(official, (wb) => {
    wb.getWorksheet('经费情况')!.getCell('C6').value = '约五万';
    wb.getWorksheet('两员情况')!.getCell('D6').value = { formula: 'SUM(D7:D8)' } as never;
  });
  files.noMeta = await edited(official, (wb) => wb.removeWorksheet(wb.getWorksheet('_meta')!.id));
  files.noSheet = await edited(official, (wb) => wb.removeWorksheet(wb.getWorksheet('培训情况')!.id));
  if (sofficeReady) lo = resaved(files);
  else console.log('跳过 LibreOffice 另存后的核对：未安装 soffice');
}, 240_000);
afterAll(() => {
  b?.dispose();
  other?.dispose();
});

describe('核对 a workbook of this office', () => {
  it('finds nothing in an untouched file, resaved by LibreOffice or exceljs or not', async () => {
    for (const [how, bytes] of [...variants('untouched'), ['exceljs 另存', files.exceljs] as [string, Buffer]]) {
      const v = await verify(b, bytes);
      expect(v.findings, how).toEqual([]);
      expect(v.basis, how).toBe('record');
      expect(v.digest, how).toBe('match');
      expect(v.identity, how).toMatchObject({
        countyCode: '511323',
        countyName: '蓬安县',
        period: '2018-10',
        status: 'official',
        version: 1,
        source: 'meta',
      });
      expect(v.record?.version, how).toBe(1);
      expect(v.summary, how).toContain('未发现问题');
    }
  });

  it('names 进度调度表 C6 changed from 412 to 413, with the 合计 it breaks and the digest', async () => {
    for (const [how, bytes] of variants('figure')) {
      const v = await verify(b, bytes);
      const changed = v.findings.find((f) => f.kind === 'changed')!;
      expect(changed, how).toMatchObject({ sheet: '进度调度表', cell: 'C6', before: '412', after: '413' });
      expect(changed.message, how).toBe(
        '进度调度表!C6（02 工业企业和产业活动单位，名录库底册数）：报送时为 412，现为 413',
      );
      expect(named(v), how).toEqual([
        ['total', '进度调度表', 'C5'],
        ['changed', '进度调度表', 'C6'],
        ['digest', '_meta', expect.stringMatching(/^B\d+$/)],
      ]);
      expect(v.findings.at(-1)!.message, how).toContain('被修改的表：进度调度表');
    }
  });

  it.each(Object.keys(TAMPERINGS).filter((k) => k !== 'countyCode'))(
    'names each tampering (%s) by its cell, also after a LibreOffice resave',
    async (name) => {
      const first = await verify(b, files[name]);
      for (const [kind, sheet, cell] of TAMPERINGS[name].expect)
        expect(named(first), `${name}: ${kind} ${sheet}!${cell}`).toContainEqual([kind, sheet, cell]);
      expect(first.digest).toBe('mismatch');
      for (const [how, bytes] of variants(name).slice(1))
        expect(said(await verify(b, bytes)), how).toEqual(said(first));
    },
  );

  it('names the county code changed in the meta, by its cell, old and new', async () => {
    const keys = Object.keys(metaOf(official));
    const cell = `B${keys.indexOf('countyCode') + 2}`;
    for (const [how, bytes] of variants('countyCode')) {
      const v = await verify(b, bytes);
      expect(
        v.findings.find((f) => f.kind === 'meta'),
        how,
      ).toMatchObject({
        sheet: '_meta',
        cell,
        before: '511323',
        after: '511399',
      });
      expect(v.findings.find((f) => f.kind === 'digest')!.message, how).toContain('被修改的是标识信息');
      expect(
        v.findings.filter((f) => f.kind === 'changed'),
        how,
      ).toEqual([]);
    }
  });

  it('reports what it could not read: text in a number cell, a formula without a stored result', async () => {
    const v = await verify(b, files.unreadable);
    expect(v.findings.filter((f) => f.kind === 'unreadable').map((f) => f.message)).toEqual([
      '两员情况!D6：公式“=SUM(D7:D8)”没有保存计算结果，无法读取',
      '经费情况!C6：到位应为数字，实为“约五万”',
    ]);
    // An unreadable cell is named once, as unreadable: not also as changed or as a broken 合计.
    expect(v.findings.filter((f) => f.kind === 'changed' || f.kind === 'total')).toEqual([]);
    // LibreOffice computes the formula when it opens the file, so only the text cell stays unreadable.
    for (const [how, bytes] of variants('unreadable').slice(1)) {
      const again = await verify(b, bytes);
      expect(
        again.findings.filter((f) => f.kind === 'unreadable').map((f) => f.cell),
        how,
      ).toEqual(['C6']);
    }
  });

  it('names a title that no longer matches the meta, though the digest holds', async () => {
    const bytes = await edited(official, (wb) => {
      const cell = wb.getWorksheet('进度调度表')!.getCell('A1');
      cell.value = String(cell.value).replace('2018年10月', '2018年11月');
    });
    const v = await verify(b, bytes);
    expect(v.digest).toBe('match');
    expect(named(v)).toEqual([
      ['meta', '进度调度表', 'A1'],
      ['changed', '进度调度表', 'A1'],
    ]);
    expect(v.findings[0].message).toContain('与标识信息的报告期“2018年10月”不符');
    expect(named(await verify(other, bytes))).toEqual([['meta', '进度调度表', 'A1']]);
  });

  it('says a sheet is missing', async () => {
    for (const [how, bytes] of variants('noSheet')) {
      const v = await verify(b, bytes);
      expect(v.findings, how).toContainEqual(
        expect.objectContaining({ kind: 'unreadable', sheet: '培训情况', message: '培训情况：缺少“培训情况”工作表' }),
      );
    }
  });

  it('without its meta, says so and identifies the workbook by its titles', async () => {
    for (const [how, bytes] of variants('noMeta')) {
      const v = await verify(b, bytes);
      expect(v.identity, how).toMatchObject({
        source: 'title',
        countyName: '蓬安县',
        period: '2018-10',
        version: null,
      });
      expect(named(v), how).toEqual([['meta', '_meta', '']]);
      expect(v.summary, how).toContain('数字与本单位第1版报送记录一致');
    }
  });

  it('keeps the meta through a LibreOffice resave (a very hidden sheet becomes hidden, not lost)', async () => {
    if (!sofficeReady) return;
    for (const bytes of [lo.untouched.xlsx, lo.untouched.xls])
      expect((await verify(b, bytes)).identity.exportId).toBe(metaOf(official).exportId);
  });

  it('reads back exactly the figures it recorded as sent', async () => {
    const { rows } = await b.ok('report.history', { filters: { reportId: 'R2', period: '2018-10' } });
    const v = await verify(b, official);
    expect(v.figures).toEqual((rows[0].figures as { figures: unknown }).figures);
  });

  it('follows the office: 合计 last and money in 万元, a changed amount named in 万元', async () => {
    const backend = await demoBackend();
    try {
      const office = (await backend.ok('office.get', {}))! as Record<string, unknown>;
      const { id: _i, createdAt: _c, updatedAt: _u, ...profile } = office;
      await backend.ok('office.save', { ...profile, totalRowPosition: 'bottom', moneyUnit: '万元' } as never);
      const bytes = (await exportReport(backend, { reportId: 'R2', period: '2018-10', mode: 'official' })).bytes;
      expect((await verify(backend, bytes)).findings).toEqual([]);
      // 经费情况 row 5 is its first category (合计 is last): its 预算 in B5.
      const before = sheetsOf(bytes).grid('经费情况')[4][1] as number;
      const changed = await edited(bytes, (w) => (w.getWorksheet('经费情况')!.getCell('B5').value = before + 1));
      const v = await verify(backend, changed);
      expect(v.findings.find((f) => f.kind === 'changed')).toMatchObject({
        sheet: '经费情况',
        cell: 'B5',
        before: String(before),
        after: String(before + 1),
      });
      expect(named(v)).toContainEqual(['total', '经费情况', expect.stringMatching(/^B\d+$/)]);
    } finally {
      backend.dispose();
    }
  });

  it('holds a figure lowered since the period before, as sent, to the "never fall" rule', async () => {
    const backend = await demoBackend();
    try {
      await exportReport(backend, { reportId: 'R2', period: '2018-09', mode: 'official' });
      const bytes = (await exportReport(backend, { reportId: 'R2', period: '2018-10', mode: 'official' })).bytes;
      const lowered = await edited(bytes, (wb) => (wb.getWorksheet('进度调度表')!.getCell('C6').value = 400));
      const v = await verify(backend, lowered);
      expect(v.findings.find((f) => f.kind === 'rule')).toMatchObject({
        sheet: '进度调度表',
        cell: 'C6',
        message: expect.stringContaining('比上期（2018-09）减少（由412减为400），须在备注中说明'),
      });
      // Another office does not hold the period before: the rule cannot be judged there.
      expect((await verify(other, lowered)).findings.filter((f) => f.kind === 'rule')).toEqual([]);

      // A correction (an October payment entered late), v2 with its reason, checks clean against its own record.
      const item = (await backend.ok('budgetItem.list', { filters: { isCategory: false }, pageSize: 100 })).rows.find(
        (i) => (i.amount ?? 0) > 0,
      )!;
      await backend.ok('expenditure.create', {
        budgetItemId: item.id,
        date: '2018-10-20',
        amount: 30_000,
        summary: '补录',
      });
      const v2 = await exportReport(backend, {
        reportId: 'R2',
        period: '2018-10',
        mode: 'official',
        correctionReason: '更正02行',
      });
      const again = await verify(backend, v2.bytes);
      expect(again.findings).toEqual([]);
      expect(again.identity).toMatchObject({ version: 2, correctionReason: '更正02行', status: 'official' });
      expect(again.record).toMatchObject({ version: 2, correctionReason: '更正02行' });
    } finally {
      backend.dispose();
    }
  });

  it('takes a draft as a draft: no record, its digest and rules hold', async () => {
    const v = await verify(b, draft);
    expect(v.identity).toMatchObject({ status: 'draft', version: null, exportId: null });
    expect(v.basis).toBe('digest');
    expect(v.findings).toEqual([]);
    expect(v.summary).toContain('草稿');
  });

  it('refuses a workbook that is not a monthly report', async () => {
    const r1 = (await exportReport(b, { reportId: 'R1' })).bytes;
    const r = await b.dispatch('report.read', { base64: r1.toString('base64') }, nowCtx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'NOT_MONTHLY' });
    const junk = await b.dispatch('report.read', { base64: Buffer.from('not a workbook').toString('base64') }, nowCtx);
    expect(junk.ok).toBe(false);
  });
});

describe('核对 a workbook of another office (no record)', () => {
  it('finds nothing in an untouched file, checked by its digest', async () => {
    for (const [how, bytes] of variants('untouched')) {
      const v = await verify(other, bytes);
      expect(v.basis, how).toBe('digest');
      expect(v.record, how).toBeNull();
      expect(v.findings, how).toEqual([]);
      expect(v.summary, how).toContain('本单位没有该导出编号的报送记录');
    }
  });

  it('names what the digest and the rules can: the 合计 a changed figure breaks, a missing or extra row code', async () => {
    for (const name of ['figure', 'deletedRow', 'insertedRow', 'total']) {
      const expected = TAMPERINGS[name].expect.filter(
        ([kind]) => kind !== 'changed' && kind !== 'missingRow' && kind !== 'extraRow',
      );
      for (const [how, bytes] of variants(name)) {
        const v = await verify(other, bytes);
        expect(v.basis).toBe('digest');
        for (const e of expected) expect(named(v), `${name} ${how}`).toContainEqual(e);
        expect(v.findings.find((f) => f.kind === 'digest')?.message, `${name} ${how}`).toMatch(
          /数据摘要与工作簿内容不符.*合计或比率已不一致的表：(进度调度表|两员情况)/,
        );
      }
    }
    const county = await verify(other, files.countyCode);
    expect(named(county)).toEqual([['digest', '_meta', expect.stringMatching(/^B\d+$/)]]);
    // A code outside the city the meta names is named at its cell even without a record.
    const elsewhere = await edited(official, (wb) =>
      wb.getWorksheet('_meta')!.eachRow((row) => {
        if (row.getCell(1).value === 'countyCode') row.getCell(2).value = '510104';
      }),
    );
    const cell = `B${Object.keys(metaOf(official)).indexOf('countyCode') + 2}`;
    expect((await verify(other, elsewhere)).findings[0]).toMatchObject({
      kind: 'meta',
      cell,
      message: `_meta!${cell}：县级区划代码510104不在标识信息的市级代码5113之下`,
    });
  });
});
