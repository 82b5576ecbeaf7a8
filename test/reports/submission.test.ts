// R2 as a submission (submission.md §2), through dispatch: a draft is always possible, says 「草稿」
// on every sheet and records nothing; an official export passes the gates (progress table
// 已上报 with its rules, the period ended or in its reporting window, the office's rhythm), gets
// the next version and, from v2 on, needs a reason; two at once cannot both be v1; the file name
// carries the version; each sheet its own 表号; old history rows still re-export byte for byte.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { TestBackend } from '../helpers/backend';
import type { CallCtx } from '../../backend/context';
import { at, demoBackend, excelOf, exportError, exportReport, metaOf, nowCtx } from './helpers';
import { DRAFT_MARK, MONTHLY_SHEETS, MONTHLY_SHEET_KEYS } from '../../core/reports/monthly';
import { OFF_THREAD } from '../../backend/areas/dashboard/checks';
import { dashboardWorkerThreadId } from '../../backend/areas/dashboard/offThread';

let b: TestBackend;
beforeEach(async () => {
  b = await demoBackend();
}, 60_000);
afterEach(() => b?.dispose());

const history = async (period: string) =>
  (await b.ok('report.history', { filters: { reportId: 'R2', period }, sort: { field: 'exportedAt', dir: 'asc' } }))
    .rows;

/** The period's county table saved again with `change` applied to row 02 (a save makes it a draft again). */
async function saveRow02(period: string, change: (r: Record<string, number | null>) => Record<string, unknown>) {
  const table = await b.ok('progress.get', { period });
  const figures = table.rows
    .filter((r) => !r.computed)
    .map((r) => {
      const { rowCode, c1, c2, c3, c4, c5, c6, c7, c8, c10, c11, c13, c14, note } = r;
      const row = { rowCode, c1, c2, c3, c4, c5, c6, c7, c8, c10, c11, c13, c14, note };
      return rowCode === '02' ? { ...row, ...change(row as never) } : row;
    });
  await b.ok('progress.save', {
    period,
    figures: figures as never,
    mainWork: table.mainWork,
    problems: table.problems,
    nextPlan: table.nextPlan,
  });
}

/** Row 1 (the title line) and row 2 (填报单位 · period · 表号/单位) of every R2 sheet. */
async function frameLines(bytes: Buffer) {
  const wb = await excelOf(bytes);
  return MONTHLY_SHEET_KEYS.map((k) => {
    const ws = wb.getWorksheet(MONTHLY_SHEETS[k].layout.sheetName)!;
    const row2 = (ws.getRow(2).values as unknown[]).filter((v) => v != null).map(String);
    return { key: k, title: String(ws.getCell('A1').value), row2: row2.join('|') };
  });
}

const official = (period: string, correctionReason?: string) => ({
  reportId: 'R2' as const,
  period,
  mode: 'official' as const,
  ...(correctionReason ? { correctionReason } : {}),
});

describe('drafts', () => {
  it('are always possible, say 「草稿」 on every sheet and in the meta and name, and record nothing', async () => {
    await saveRow02('2018-10', (r) => ({ c7: (r.c6 ?? 0) + 5 })); // breaks a rule; 已上报 no more
    for (const [period, ctx] of [
      ['2018-10', nowCtx],
      ['2019-03', nowCtx], // a future period
      ['2018-10-上', nowCtx], // a half month in a monthly office
    ] as [string, CallCtx][]) {
      const before = b.snapshot();
      const out = await exportReport(b, { reportId: 'R2', period, mode: 'draft' }, ctx);
      expect(b.snapshot()).toEqual(before);
      expect(out).toMatchObject({ status: 'draft', version: null, exportId: null, exportUid: null });
      expect(out.fileName).toMatch(/^蓬安县_工作进度月报_\d{4}年\d{2}月(上半月)?_草稿\.xlsx$/);
      for (const line of await frameLines(out.bytes)) expect(line.title, line.key).toMatch(/「草稿」$/);
      expect(metaOf(out.bytes)).toMatchObject({ status: 'draft', version: '', exportId: '', correctionReason: '' });
    }
    // Without a mode, an export is a draft too: sending is never implied.
    const plain = await exportReport(b, { reportId: 'R2', period: '2018-09' });
    expect(plain.fileName).toBe('蓬安县_工作进度月报_2018年09月_草稿.xlsx');
    expect(await history('2018-09')).toEqual([]);
    expect(DRAFT_MARK).toBe('「草稿」');
  });
});

describe('official versions', () => {
  it('refuses a rule-breaking progress table with the broken rule, then sends v1 once it is fixed', async () => {
    await saveRow02('2018-10', (r) => ({ c7: (r.c6 ?? 0) + 5 }));
    const e = await exportError(b, official('2018-10'));
    expect(e.code).toBe('NOT_SENDABLE');
    expect(e.message).toContain('2018年10月的进度调度表有1处不符合填报规则，不能正式报送：第02行');
    expect(e.message).toContain('可先导出草稿');
    const status = await b.ok('report.status', { period: '2018-10' });
    expect(status).toMatchObject({ status: '草稿', officialAllowed: false, refusal: e.message, nextVersion: 1 });
    expect(await history('2018-10')).toEqual([]);

    // Fixed but not yet marked 已上报: still refused, and says so.
    await saveRow02('2018-10', (r) => ({ c7: r.c6 }));
    expect((await exportError(b, official('2018-10'))).message).toBe(
      '2018年10月的进度调度表尚未标记为已上报，不能正式报送；请核对后在“工作进度”中标记为已上报（可先导出草稿）',
    );
    await b.ok('progress.markReported', { period: '2018-10' });
    const v1 = await exportReport(b, official('2018-10'));
    expect(v1).toMatchObject({ status: 'official', version: 1, fileName: '蓬安县_工作进度月报_2018年10月_v1.xlsx' });
    for (const line of await frameLines(v1.bytes)) expect(line.title).not.toContain('草稿');
    expect(metaOf(v1.bytes)).toMatchObject({ status: 'official', version: '1', exportId: v1.exportUid });
    expect(v1.exportUid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await b.ok('report.status', { period: '2018-10' })).toMatchObject({
      status: '已报送',
      last: { version: 1, operatorName: '测试管理员', fileName: v1.fileName, correctionReason: null },
      nextVersion: 2,
      reasonRequired: true,
      officialAllowed: true,
      refusal: null,
    });
  });

  it('needs a correction reason from v2 on, and carries it in the meta and the history', async () => {
    await exportReport(b, official('2018-09'));
    const before = b.snapshot();
    const e = await exportError(b, official('2018-09'));
    expect(e).toMatchObject({
      code: 'REASON_REQUIRED',
      message: '2018年09月已报送第1版，再次正式报送为第2版（更正），须填写更正原因',
      issues: [{ path: 'correctionReason', message: e.message }],
    });
    expect(b.snapshot()).toEqual(before);
    // A "correction" with the figures as sent corrects nothing: refused, nothing recorded.
    expect(await exportError(b, official('2018-09', '重发'))).toMatchObject({
      code: 'NOTHING_CORRECTED',
      message: expect.stringContaining('2018年09月的数字与已报送的第1版完全相同，无需更正'),
    });
    expect(b.snapshot()).toEqual(before);
    const item = (await b.ok('budgetItem.list', { filters: { isCategory: false }, pageSize: 100 })).rows.find(
      (i) => (i.amount ?? 0) > 0,
    )!;
    await b.ok('expenditure.create', { budgetItemId: item.id, date: '2018-09-20', amount: 30_000, summary: '补录' });
    const v2 = await exportReport(b, official('2018-09', '培训情况漏报一期'), at('2018-12-02T09:00:00+08:00'));
    expect(v2).toMatchObject({ version: 2, fileName: '蓬安县_工作进度月报_2018年09月_v2.xlsx' });
    expect(metaOf(v2.bytes)).toMatchObject({ version: '2', correctionReason: '培训情况漏报一期' });
    const rows = await history('2018-09');
    expect(rows.map((r) => [r.version, r.correctionReason, r.status, r.exportUid !== null])).toEqual([
      [1, null, '已更正', true],
      [2, '培训情况漏报一期', '已报送', true],
    ]);
    // Each recorded version re-exports byte for byte.
    for (const r of rows) {
      const again = await b.ok('report.reexport', { exportId: r.id });
      expect(again.sha256).toBe(r.fileHash);
      expect(again.fileName).toBe(r.fileName);
    }
  });

  it('refuses a future period, a period outside its reporting window and a half month in a monthly office', async () => {
    expect((await exportError(b, official('2018-12'))).message).toBe(
      '报告期2018年12月尚未开始（今天是2018年11月30日），不能正式报送；可先导出草稿',
    );
    await b.ok('progress.markReported', { period: '2018-11' });
    // November's window is its last 5 days: 26 to 30 November.
    expect((await exportError(b, official('2018-11'), at('2018-11-25T18:00:00+08:00'))).message).toBe(
      '报告期2018年11月尚未结束，报告期最后5天（2018年11月26日起）才能正式报送（今天是2018年11月25日）；可先导出草稿',
    );
    const status = await b.dispatch('report.status', { period: '2018-11' }, at('2018-11-25T18:00:00+08:00'));
    expect(status.ok && (status.data as { officialAllowed: boolean }).officialAllowed).toBe(false);
    expect((await exportError(b, official('2018-10-上'))).message).toBe(
      '本单位上报频率为每月（单位信息），不能正式报送半月报告期2018年10月上半月；请按月报送，或由管理员在单位信息中把上报频率改为每两周',
    );
    expect(await history('2018-11')).toEqual([]);
    const v1 = await exportReport(b, official('2018-11'), at('2018-11-26T08:00:00+08:00'));
    expect(v1.version).toBe(1);
  });

  it('takes the reporting window from R2’s settings (0: only once the period has ended)', async () => {
    await b.ok('progress.markReported', { period: '2018-11' });
    const texts = (await b.ok('settings.get', { key: 'reportTexts' })).value;
    await b.ok('settings.set', { key: 'reportTexts', value: { R2: { ...texts.R2, windowDays: 0 } } });
    expect((await exportError(b, official('2018-11'))).message).toContain(
      '报告期结束后（2018年12月1日起）才能正式报送',
    );
    expect((await exportReport(b, official('2018-11'), at('2018-12-01T08:00:00+08:00'))).version).toBe(1);
  });

  it('lets a half-month office send a half month', async () => {
    const office = (await b.ok('office.get', {}))!;
    const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = office as Record<string, unknown>;
    await b.ok('office.save', { ...profile, reportRhythm: '每两周' } as never);
    const table = await b.ok('progress.get', { period: '2018-10' });
    await b.ok('progress.save', {
      period: '2018-10-下',
      figures: table.rows
        .filter((r) => !r.computed)
        .map(({ rowCode, c1, c2, c3, c4, c5, c6, c7, c8, c10, c11, c13, c14, note }) => ({
          ...{ rowCode, c1, c2, c3, c4, c5, c6, c7, c8, c10, c11, c13, c14, note },
        })),
      mainWork: null,
      problems: null,
      nextPlan: null,
    });
    await b.ok('progress.markReported', { period: '2018-10-下' });
    const v1 = await exportReport(b, official('2018-10-下'));
    expect(v1.fileName).toBe('蓬安县_工作进度月报_2018年10月下半月_v1.xlsx');
  });

  it('refuses the second of two official exports made at once, at its commit, recording only one', async () => {
    const [a, c] = await Promise.all([
      b.dispatch('report.export', official('2018-10'), nowCtx),
      b.dispatch('report.export', official('2018-10'), nowCtx),
    ]);
    const oks = [a, c].filter((r) => r.ok);
    const refused = [a, c].flatMap((r) => (r.ok ? [] : [r.error]));
    expect(oks).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].code).toBe('VERSION_CONFLICT');
    expect(refused[0].message).toBe(
      '导出期间2018年10月已由测试管理员正式报送了第1版，本次第1版未记录、文件未保存；请查看报送记录后重新正式报送',
    );
    expect((await history('2018-10')).map((r) => r.version)).toEqual([1]);
  });
});

describe('表号 per sheet', () => {
  it('prints each sheet’s own 表号 from R2’s settings, and none where it is empty', async () => {
    const texts = (await b.ok('settings.get', { key: 'reportTexts' })).value;
    expect(texts.R2).not.toHaveProperty('tableNo');
    await b.ok('settings.set', {
      key: 'reportTexts',
      value: { R2: { ...texts.R2, tableNoProgress: '川污普月2表', tableNoBudget: '川污普月4表' } },
    });
    const lines = await frameLines((await exportReport(b, { reportId: 'R2', period: '2018-10' })).bytes);
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l.row2]));
    expect(byKey.progress).toContain('表\u3000\u3000号：川污普月2表');
    expect(byKey.budget).toContain('表\u3000\u3000号：川污普月4表');
    for (const key of ['milestones', 'staff', 'training', 'contracts']) expect(byKey[key]).not.toContain('表　　号');
  });

  it('gives every sheet the one 表号 an office saved for the whole workbook before', async () => {
    const texts = (await b.ok('settings.get', { key: 'reportTexts' })).value;
    const { tableNoMilestones: _a, tableNoProgress: _b, tableNoStaff: _c, ...rest } = texts.R2;
    const { tableNoBudget: _d, tableNoTraining: _e, tableNoContracts: _f, windowDays: _g, ...old } = rest;
    b.db
      .prepare(`INSERT OR REPLACE INTO settings (key, value_json, updated_at) VALUES ('reportTexts', ?, ?)`)
      .run(JSON.stringify({ R2: { ...old, tableNo: '污普月报表' } }), '2018-06-01T00:00:00.000Z');
    const lines = await frameLines((await exportReport(b, { reportId: 'R2', period: '2018-10' })).bytes);
    for (const l of lines) expect(l.row2, l.key).toContain('表\u3000\u3000号：污普月报表');
    expect((await b.ok('settings.get', { key: 'reportTexts' })).value.R2).toMatchObject({
      tableNoProgress: '污普月报表',
      windowDays: 5,
    });
  });
});

describe('versions recorded before drafts and digests', () => {
  it('refuses to re-export a version recorded under the old layout, and counts it as the period’s v1', async () => {
    const row = JSON.parse(
      readFileSync(new URL('../fixtures/reports/r2-v1-legacy-row.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const id = Number(
      b.db
        .prepare(
          `INSERT INTO report_exports (report_id, period, version, exported_at, operator_id, operator_name, file_name,
             file_hash, figures_json, layout_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.report_id,
          row.period,
          row.version,
          row.exported_at,
          row.operator_id,
          row.operator_name,
          row.file_name,
          row.file_hash,
          JSON.stringify(row.figures),
          row.layout_version,
        ).lastInsertRowid,
    );
    // The R2 layout changed with #12 (A4 widths, the submission meta), so the old file cannot be made
    // again byte for byte: refused, saying why, rather than a look-alike passed off as that version.
    const e = await b.err('report.reexport', { exportId: id });
    expect(e).toMatchObject({
      code: 'LAYOUT_CHANGED',
      message:
        '该版本按第1版报表格式导出，当前程序为第2版格式，无法重现与原文件完全相同的工作簿；报送的数据仍可在导出记录中查看',
    });
    // The old row counts as v1: the next official export of the period is v2 and needs a reason.
    const status = await b.ok('report.status', { period: '2018-09' });
    expect(status).toMatchObject({ status: '已报送', nextVersion: 2, reasonRequired: true });
    expect((await history('2018-09'))[0]).toMatchObject({ exportUid: null, digest: null, status: '已报送' });
  });
});

describe('the dashboard’s “changed since sent”', () => {
  const periodCheck = async (ctx: CallCtx = nowCtx) => {
    const r = await b.dispatch('dashboard.checks', {}, ctx);
    if (!r.ok) throw new Error(r.error.message);
    return (r.data as { checks: { id: string; title: string; severity: string; items?: string[] }[] }).checks.find(
      (c) => c.id === 'periodReport',
    )!;
  };

  it('notices a change in any of the six sheets dated in the period, and none dated after it', async () => {
    expect(await periodCheck()).toMatchObject({ title: '本期（2018-11）月报尚未正式报送', severity: 'warning' });
    await b.ok('progress.markReported', { period: '2018-11' });
    await exportReport(b, official('2018-11'));
    expect(await periodCheck()).toMatchObject({ title: '本期（2018-11）月报已报送第1版', severity: 'ok' });

    // A payment dated after the period (written in December) leaves November's report as sent.
    const item = (await b.ok('budgetItem.list', { filters: { isCategory: false }, pageSize: 100 })).rows.find(
      (i) => (i.amount ?? 0) > 0,
    )!;
    const december = at('2018-12-03T10:00:00+08:00');
    const late = await b.dispatch(
      'expenditure.create',
      { budgetItemId: item.id, date: '2018-12-02', amount: 50_000, summary: '十二月办公用品' },
      december,
    );
    expect(late.ok).toBe(true);
    expect(await periodCheck()).toMatchObject({ severity: 'ok' });

    // One dated in the period changes 经费情况 only (the progress table was not touched).
    await b.ok('expenditure.create', { budgetItemId: item.id, date: '2018-11-20', amount: 30_000, summary: '补录' });
    expect(await periodCheck()).toMatchObject({
      title: '本期（2018-11）月报报送第1版后数据又有修改',
      severity: 'error',
      items: ['经费情况'],
    });
  });

  it('names a changed 培训情况 too, and is quiet again once v2 is sent', async () => {
    await b.ok('progress.markReported', { period: '2018-11' });
    await exportReport(b, official('2018-11'));
    await b.ok('training.create', {
      name: '十一月补训班',
      kind: '清查技术',
      hostLevel: '县',
      startDate: '2018-11-28',
      endDate: '2018-11-28',
      hours: 4,
    } as never);
    const check = await periodCheck();
    expect(check.severity).toBe('error');
    expect(check.items).toContain('培训情况');
    await exportReport(b, official('2018-11', '补录十一月培训班'));
    expect(await periodCheck()).toMatchObject({ title: '本期（2018-11）月报已报送第2版', severity: 'ok' });
  });

  it('gives the same answer when the checks run in the dashboard worker (a big county)', async () => {
    await b.ok('progress.markReported', { period: '2018-11' });
    await exportReport(b, official('2018-11'));
    await b.ok('expenditure.create', {
      budgetItemId: (await b.ok('budgetItem.list', { filters: { isCategory: false }, pageSize: 1 })).rows[0].id,
      date: '2018-11-21',
      amount: 10_000,
      summary: '补录',
    });
    const here = await periodCheck();
    const from = OFF_THREAD.fromPeople;
    OFF_THREAD.fromPeople = 0;
    try {
      // A write dated after the period, so the kept answer is not reused and November is unchanged.
      await b.ok('expenditure.create', {
        budgetItemId: (await b.ok('budgetItem.list', { filters: { isCategory: false }, pageSize: 1 })).rows[0].id,
        date: '2018-12-05',
        amount: 10_000,
        summary: '十二月',
      });
      expect(await periodCheck()).toEqual(here);
      expect(dashboardWorkerThreadId()).not.toBeNull();
    } finally {
      OFF_THREAD.fromPeople = from;
    }
    expect(here).toMatchObject({ severity: 'error', items: ['经费情况'] });
  });
});
