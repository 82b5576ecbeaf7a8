// R2 工作进度月报: six sheets in the common frame, totals that add up, the meta that identifies the
// workbook, reading it back exactly, versions in the history and a byte-identical re-export.
// (Drafts, gates, reasons and file names: submission.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestBackend } from '../helpers/backend';
import type { OutputOf } from '../../core/api';
import { at, demoBackend, excelOf, exportReport, metaOf, NOW, nowCtx } from './helpers';
import { bodyRows, checkFrame, fen, rowValues } from './frame';
import { MONTHLY_SHEETS, MONTHLY_SHEET_KEYS, type MonthlyFigures } from '../../core/reports/monthly';
import { sheetDigests, sheetDigestsValue, submissionDigest } from '../../backend/reports/digest';
import { PROGRESS } from '../../core/reports/layouts/work';
import { STAFF } from '../../core/reports/layouts/people';
import { BUDGET_SUMMARY, CONTRACTS, TRAINING } from '../../core/reports/layouts/money';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

const TITLE = '蓬安县第二次全国污染源普查';
const FOOTER =
  '单位负责人：李德明　　统计负责人：王秀英　　填表人：周文斌　　联系电话：0817-8621234　　报出日期：2018年11月30日';

async function read(base64: string) {
  const r = await b.dispatch('report.read', { base64 }, nowCtx);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as OutputOf<'report.read'>;
}

async function history(period: string) {
  return (
    await b.ok('report.history', { filters: { reportId: 'R2', period }, sort: { field: 'exportedAt', dir: 'asc' } })
  ).rows;
}

const auditCount = () => (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('R2 工作进度月报', () => {
  it('has its six sheets in the common frame, the signature footer and a very hidden meta sheet', async () => {
    const out = await exportReport(b, { reportId: 'R2', period: '2018-10', mode: 'official' });
    expect(out.fileName).toBe('蓬安县_工作进度月报_2018年10月_v1.xlsx');
    const wb = await excelOf(out.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...MONTHLY_SHEET_KEYS.map((k) => MONTHLY_SHEETS[k].layout.sheetName),
      '_meta',
    ]);
    expect(wb.getWorksheet('_meta')!.state).toBe('veryHidden');
    for (const key of MONTHLY_SHEET_KEYS) {
      const sheet = MONTHLY_SHEETS[key];
      const title =
        key === 'milestones' ? `${TITLE}工作进度月报（2018年10月）` : `${TITLE}${sheet.title}（2018年10月）`;
      const ws = checkFrame(wb, sheet.layout, { title });
      const texts: string[] = [];
      ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
      expect(texts, sheet.layout.sheetName).toContain(FOOTER);
      if (sheet.layout.notes?.length)
        expect(texts.some((t) => t.startsWith(sheet.layout.notes!.length > 1 ? '说明：1. ' : '说明：'))).toBe(true);
    }
    const [recorded] = await history('2018-10');
    const figures = (recorded.figures as { figures: MonthlyFigures }).figures;
    const meta = metaOf(out.bytes);
    expect(meta).toEqual({
      app: '普查办工作台',
      appVersion: meta.appVersion,
      layoutVersion: '2',
      level: '县',
      countyCode: '511323',
      countyName: '蓬安县',
      cityCode: '5113',
      reportId: 'R2',
      reportName: '工作进度月报',
      period: '2018-10',
      status: 'official',
      version: '1',
      exportId: out.exportUid,
      correctionReason: '',
      generatedAt: NOW.toISOString(),
      moneyUnit: '元',
      digest: submissionDigest({ countyCode: '511323', period: '2018-10', version: 1, figures }),
      sheetDigests: sheetDigestsValue(sheetDigests({ countyCode: '511323', period: '2018-10', version: 1, figures })),
    });
    expect(Object.keys(meta)).toEqual([
      'app',
      'appVersion',
      'layoutVersion',
      'level',
      'countyCode',
      'countyName',
      'cityCode',
      'reportId',
      'reportName',
      'period',
      'status',
      'version',
      'exportId',
      'correctionReason',
      'generatedAt',
      'moneyUnit',
      'digest',
      'sheetDigests',
    ]);
    expect(recorded).toMatchObject({ exportUid: out.exportUid, digest: meta.digest, status: '已报送' });
  });

  it('puts 合计 first and makes it the sum of its rows; 其中 rows are indented', async () => {
    const out = await exportReport(b, { reportId: 'R2', period: '2018-10' });
    const wb = await excelOf(out.bytes);

    const progress = bodyRows(wb.getWorksheet(PROGRESS.sheetName)!, PROGRESS).map((r) => rowValues(r, PROGRESS));
    expect(progress[0]).toMatchObject({ name: '合计', rowCode: '01' });
    const counted = progress.filter((r) => ['02', '03', '04', '10', '11', '12', '13'].includes(String(r.rowCode)));
    for (const c of PROGRESS.columns.filter((c) => c.kind === 'int')) {
      expect(progress[0][c.key], c.label).toBe(counted.reduce((s, r) => s + Number(r[c.key] ?? 0), 0));
    }
    const total = progress[0];
    expect(total.c9).toBe(Math.round((Number(total.c8) / Number(total.c6)) * 1000) / 10);
    expect(progress.find((r) => r.rowCode === '05')!.name).toBe('其中：污水处理厂');
    expect(String(progress.find((r) => r.rowCode === '06')!.name)).toMatch(/^\u3000+生活垃圾处理场/);
    const stored = await b.ok('progress.get', { period: '2018-10' });
    expect(progress.find((r) => r.rowCode === '02')!.c7).toBe(stored.rows.find((r) => r.rowCode === '02')!.c7);

    for (const layout of [STAFF, BUDGET_SUMMARY, CONTRACTS]) {
      const rows = bodyRows(wb.getWorksheet(layout.sheetName)!, layout).map((r) => rowValues(r, layout));
      expect(Object.values(rows[0])).toContain('合计');
      for (const c of layout.columns.filter((c) => c.kind === 'int' || c.kind === 'money')) {
        expect(fen(rows[0][c.key]), `${layout.sheetName} ${c.label}`).toBe(
          rows.slice(1).reduce((s, r) => s + fen(r[c.key]), 0),
        );
      }
    }
    // 经费情况 is the budget as of the period's end: November's (which ends today) is today's tree.
    const tree = await b.ok('budget.tree', {});
    const nov = await excelOf((await exportReport(b, { reportId: 'R2', period: '2018-11' })).bytes);
    const budget = bodyRows(nov.getWorksheet(BUDGET_SUMMARY.sheetName)!, BUDGET_SUMMARY).map((r) =>
      rowValues(r, BUDGET_SUMMARY),
    );
    expect(fen(budget[0].budget)).toBe(tree.total.budget);
    expect(fen(budget[0].spent)).toBe(tree.total.spent);

    // 培训情况: 合计 of the period's sessions (none in October), 累计 of every session so far, then 无.
    const training = bodyRows(wb.getWorksheet(TRAINING.sheetName)!, TRAINING).map((r) => rowValues(r, TRAINING));
    const sessions = (await b.ok('training.list', { pageSize: 100 })).rows.filter((s) => s.startDate <= '2018-10-31');
    expect(training.map((r) => r.name)).toEqual(['合计', '累计（截至本期末）', '无']);
    expect(training[0]).toMatchObject({ batch: '0期', attendees: 0 });
    expect(training[1]).toMatchObject({
      batch: `${sessions.length}期`,
      attendees: sessions.reduce((s, x) => s + x.signedInCount, 0),
    });
  });

  it('reads back exactly the figures it recorded as sent', async () => {
    const out = await exportReport(b, { reportId: 'R2', period: '2018-09', mode: 'official' });
    const [recorded] = await history('2018-09');
    const back = await read(out.base64!);
    expect(back.findings).toEqual([]);
    expect(back.digest).toBe('match');
    expect(back.meta).toMatchObject({ reportId: 'R2', period: '2018-09', countyCode: '511323' });
    expect(back.figures).toEqual((recorded.figures as { figures: unknown }).figures);
  });

  it('names the cells it cannot read in a workbook edited by hand, and says it was edited', async () => {
    const out = await exportReport(b, { reportId: 'R2', period: '2018-09' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    const progress = wb.getWorksheet('进度调度表')!;
    const row02 = bodyRows(progress, PROGRESS).find((r) => r.getCell(2).value === '02')!;
    row02.getCell(9).value = 999; // 已入户数 (7)
    const budget = wb.getWorksheet('经费情况')!;
    budget.getCell('C6').value = '约五万';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const back = await read(edited.toString('base64'));
    expect(back.digest).toBe('mismatch');
    expect(back.findings.filter((f) => f.kind === 'unreadable')).toEqual([
      { sheet: '经费情况', cell: 'C6', kind: 'unreadable', message: '经费情况!C6：到位应为数字，实为“约五万”' },
    ]);
    const sheets = (back.figures as { sheets: Record<string, { values: Record<string, unknown> }[]> }).sheets;
    expect(sheets.progress.find((r) => r.values.rowCode === '02')!.values.c7).toBe(999);
  });

  it('records each official export as a version and re-exports any version byte for byte', async () => {
    await b.ok('progress.markReported', { period: '2018-11' });
    const before = auditCount();
    const v1 = await exportReport(
      b,
      { reportId: 'R2', period: '2018-11', mode: 'official' },
      at('2018-11-30T09:00:00+08:00'),
    );
    expect(auditCount()).toBe(before + 1);
    // A correction after sending: 已入户数 of 02 goes up.
    const table = await b.ok('progress.get', { period: '2018-11' });
    const figures = table.rows
      .filter((r) => !r.computed)
      .map((r) => ({
        rowCode: r.rowCode,
        c1: r.c1,
        c2: r.c2,
        c3: r.c3,
        c4: r.c4,
        c5: r.c5,
        c6: r.c6,
        c7: r.rowCode === '02' ? (r.c7 ?? 0) + 1 : r.c7,
        c8: r.c8,
        c10: r.c10,
        c11: r.c11,
        c13: r.c13,
        c14: r.c14,
        note: r.note,
      }));
    await b.ok('progress.save', {
      period: '2018-11',
      figures,
      mainWork: table.mainWork,
      problems: table.problems,
      nextPlan: table.nextPlan,
    });
    await b.ok('progress.markReported', { period: '2018-11' });
    const reason = '02行已入户数漏报1家，更正';
    const v2 = await exportReport(
      b,
      { reportId: 'R2', period: '2018-11', mode: 'official', correctionReason: reason },
      at('2018-12-01T10:30:00+08:00'),
    );
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.sha256).not.toBe(v1.sha256);

    const rows = await history('2018-11');
    expect(rows.map((r) => [r.version, r.fileHash, r.operatorName, r.correctionReason, r.status])).toEqual([
      [1, v1.sha256, '测试管理员', null, '已更正'],
      [2, v2.sha256, '测试管理员', reason, '已报送'],
    ]);
    expect(rows[0].exportedAt).toBe(new Date('2018-11-30T09:00:00+08:00').toISOString());

    const auditsBefore = auditCount();
    for (const v of [v1, v2]) {
      const again = await b.ok('report.reexport', { exportId: v.exportId! });
      const bytes = Buffer.from(again.base64!, 'base64');
      expect(again.fileName).toBe(v.fileName);
      expect(bytes.equals(v.bytes)).toBe(true);
    }
    expect(auditCount()).toBe(auditsBefore);

    // The same figures at the same moment give the same bytes: nothing in a file is random but the
    // export id an official version carries.
    const draftAt = at('2018-12-01T10:30:00+08:00');
    const d1 = await exportReport(b, { reportId: 'R2', period: '2018-11' }, draftAt);
    const d2 = await exportReport(b, { reportId: 'R2', period: '2018-11' }, draftAt);
    expect(d2.bytes.equals(d1.bytes)).toBe(true);
    expect([d1.version, d2.version, (await history('2018-11')).length]).toEqual([null, null, 2]);
  });

  it('keeps its frame for a period without data and says 无', async () => {
    const out = await exportReport(b, { reportId: 'R2', period: '2019-06' });
    const wb = await excelOf(out.bytes);
    const progress = bodyRows(wb.getWorksheet(PROGRESS.sheetName)!, PROGRESS);
    expect(progress.map((r) => r.getCell(1).value)).toEqual(['无']);
    const milestones = wb.getWorksheet('工作进度')!;
    const blocks: string[] = [];
    milestones.eachRow((r) => blocks.push(`${r.getCell(1).value}${r.getCell(3).value}`));
    expect(blocks).toContain('本期主要工作：无');
    const back = await read(out.base64!);
    expect(back.findings.filter((f) => f.kind === 'unreadable')).toEqual([]);
    expect((back.figures as unknown as { sheets: { progress: unknown[] } }).sheets.progress).toEqual([]);
  });

  it('follows the office: 合计 last and money in 万元 with four decimals, read back exactly', async () => {
    const office = (await b.ok('office.get', {}))!;
    const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = office as Record<string, unknown>;
    await b.ok('office.save', { ...profile, totalRowPosition: 'bottom', moneyUnit: '万元' } as never);
    try {
      const out = await exportReport(b, {
        reportId: 'R2',
        period: '2018-10',
        mode: 'official',
        correctionReason: '金额单位改为万元',
      });
      const wb = await excelOf(out.bytes);
      checkFrame(wb, BUDGET_SUMMARY, { title: `${TITLE}经费情况（2018年10月）`, unit: '万元' });
      const budget = bodyRows(wb.getWorksheet(BUDGET_SUMMARY.sheetName)!, BUDGET_SUMMARY).map((r) =>
        rowValues(r, BUDGET_SUMMARY),
      );
      expect(budget.at(-1)!.category).toBe('合计');
      const [recorded] = (await history('2018-10')).slice(-1);
      const sent = (recorded.figures as { figures: MonthlyFigures }).figures;
      expect(budget.at(-1)!.budget).toBe(Number(sent.sheets.budget.at(-1)!.values.budget) / 1_000_000);
      const progress = bodyRows(wb.getWorksheet(PROGRESS.sheetName)!, PROGRESS);
      expect(progress.at(-1)!.getCell(1).value).toBe('合计');
      const back = await read(out.base64!);
      expect(back.findings.filter((f) => f.kind === 'unreadable')).toEqual([]);
      expect(back.figures).toEqual((recorded.figures as { figures: unknown }).figures);
    } finally {
      await b.ok('office.save', profile as never);
    }
  });
});
