// R1 花名册, R3 经费, R4 培训 (+ 签到表), R5 合同 (+ 合同跟踪表) and R6 劳务报酬发放表, read back from
// the files: frame, totals that add up, IDs as text, sensitive columns masked unless a 管理员
// asks for them in full (and then one audit entry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestBackend } from '../helpers/backend';
import { demoBackend, excelOf, exportError, exportReport, metaOf, nowCtx, sheetsOf } from './helpers';
import { bodyRows, checkFrame, colLetter, fen, rowValues } from './frame';
import { PAY_SHEET, ROSTER, SIGN_IN } from '../../core/reports/layouts/people';
import { BUDGET, CONTRACTS, TRAINING, CONTRACT_NODES } from '../../core/reports/layouts/money';
import { toDaxie } from '../../core/money';
import type { CallCtx } from '../../backend/context';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

const TITLE = '蓬安县第二次全国污染源普查';
const clerk: CallCtx = { ...nowCtx, operator: { id: null, name: '录入员甲', role: '录入员' } };
const audits = (action: string) =>
  (b.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
const MASKED_ID = /^\d{4}\*{10}[\dX]{4}$/;

async function people() {
  const all = [];
  for (let page = 1; ; page++) {
    const r = await b.ok('person.list', { page, pageSize: 1000 });
    all.push(...r.rows);
    if (all.length >= r.total) return all;
  }
}

describe('R1 普查人员花名册', () => {
  it('lists everyone in the frame, IDs masked, codes and phones as text', async () => {
    const out = await exportReport(b, { reportId: 'R1' });
    expect(out.fileName).toBe('蓬安县_普查人员花名册_2018年11月30日.xlsx');
    expect(out.fullSensitive).toBe(false);
    const wb = await excelOf(out.bytes);
    const ws = checkFrame(wb, ROSTER, { title: `${TITLE}人员花名册` });
    const rows = bodyRows(ws, ROSTER).map((r) => rowValues(r, ROSTER));
    const everyone = await people();
    expect(rows).toHaveLength(everyone.length);
    expect(rows.map((r) => r.personCode)).toEqual(everyone.map((p) => p.personCode).sort());
    // 手机 is masked like an ID (domain.md §8): its first 3 and last 4 digits, the same length.
    const mobiles = new Map(everyone.map((p) => [p.personCode, p.mobile]));
    for (const r of rows) {
      expect(r.idNumber).toMatch(MASKED_ID);
      const mobile = mobiles.get(String(r.personCode));
      if (mobile) expect(r.mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
      else expect(r.mobile).toBeNull();
    }
    expect(rows.filter((r) => typeof r.mobile === 'string').length).toBeGreaterThan(everyone.length / 2);
    expect(metaOf(out.bytes)).toMatchObject({ reportId: 'R1', countyCode: '511323', period: '' });
  });

  it('exports IDs in full as 18-character text cells for a 管理员, with one audit entry', async () => {
    const before = audits('exportSensitive');
    const out = await exportReport(b, { reportId: 'R1', fullSensitive: true });
    expect(out.fullSensitive).toBe(true);
    expect(audits('exportSensitive')).toBe(before + 1);
    const byCode = new Map((await people()).map((p) => [p.personCode, p.idNumber]));
    const wb = await excelOf(out.bytes);
    const ws = wb.getWorksheet(ROSTER.sheetName)!;
    const col = ROSTER.columns.findIndex((c) => c.key === 'idNumber') + 1;
    for (const row of bodyRows(ws, ROSTER)) {
      const cell = row.getCell(col);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
      expect(String(cell.value)).toHaveLength(18);
      expect(cell.value).toBe(byCode.get(String(row.getCell(2).value)));
    }
    // 手机 in full too.
    const mobiles = new Map((await people()).map((p) => [p.personCode, p.mobile]));
    const mobileCol = ROSTER.columns.findIndex((c) => c.key === 'mobile') + 1;
    for (const row of bodyRows(ws, ROSTER))
      expect(row.getCell(mobileCol).value ?? null).toBe(mobiles.get(String(row.getCell(2).value)) ?? null);
    // SheetJS (what a city office reads with) sees text too, never a number.
    const { wb: sheet } = sheetsOf(out.bytes);
    expect(sheet.Sheets[ROSTER.sheetName][`${colLetter(col)}4`].t).toBe('s');
  });

  it('refuses full IDs to a 录入员 and writes nothing', async () => {
    const before = b.snapshot();
    const e = await exportError(b, { reportId: 'R1', fullSensitive: true }, clerk);
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('录入员');
    expect(b.snapshot()).toEqual(before);
    // The same clerk may export the masked roster.
    expect((await exportReport(b, { reportId: 'R1' }, clerk)).fullSensitive).toBe(false);
  });

  it('lets a 只读 operator export the roster but not send the monthly report', async () => {
    const viewer: CallCtx = { ...nowCtx, operator: { id: null, name: '查看员', role: '只读' } };
    expect((await exportReport(b, { reportId: 'R1' }, viewer)).fullSensitive).toBe(false);
    const before = b.snapshot();
    const e = await exportError(b, { reportId: 'R2', period: '2018-10', mode: 'official' }, viewer);
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('只读');
    expect(b.snapshot()).toEqual(before);
  });

  it('filters by role and says so in row 2', async () => {
    const out = await exportReport(b, { reportId: 'R1', role: '普查指导员', status: '在岗' });
    const wb = await excelOf(out.bytes);
    const ws = wb.getWorksheet(ROSTER.sheetName)!;
    const row2 = (ws.getRow(2).values as unknown[]).filter(Boolean).join('|');
    expect(row2).toContain('普查指导员·在岗');
    const rows = bodyRows(ws, ROSTER).map((r) => rowValues(r, ROSTER));
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => String(r.roles).includes('普查指导员'))).toBe(true);
  });
});

describe('R3 经费预算及执行情况表', () => {
  it('puts 合计 first; each category row is the 小计 of its items', async () => {
    const out = await exportReport(b, { reportId: 'R3' });
    const ws = checkFrame(await excelOf(out.bytes), BUDGET, { title: `${TITLE}经费预算及执行情况表` });
    const rows = bodyRows(ws, BUDGET).map((r) => rowValues(r, BUDGET));
    expect(rows[0].name).toBe('合计');
    const categories = rows.filter((r) => /^[一二三四五六七八九十]+、$/.test(String(r.seq)));
    for (const key of ['budget', 'allocated', 'spent', 'balance']) {
      expect(fen(rows[0][key]), key).toBe(categories.reduce((s, r) => s + fen(r[key]), 0));
    }
    const tree = await b.ok('budget.tree', {});
    expect(fen(rows[0].budget)).toBe(tree.total.budget);
    // 人员劳务 (一、) is the sum of its four items.
    const start = rows.findIndex((r) => r.seq === '一、');
    const items = rows.slice(start + 1, start + 5);
    expect(items.every((r) => String(r.name).startsWith('\u3000\u3000'))).toBe(true);
    expect(fen(rows[start].budget)).toBe(items.reduce((s, r) => s + fen(r.budget), 0));
    expect(rows[start].rate).toBe(tree.categories[0].executionRate);
  });
});

describe('R3 单价 × 数量 × 次数/天数', () => {
  const reconcile = (rows: Record<string, unknown>[], toFen: (budget: unknown) => number) => {
    const items = rows.filter((r) => /^\d+、$/.test(String(r.seq)) && r.unitPrice != null && r.quantity != null);
    expect(items.length).toBeGreaterThan(5);
    for (const r of items) {
      const basis = Math.round(fen(r.unitPrice) * Number(r.quantity) * Number(r.times ?? 1));
      expect(toFen(r.budget), String(r.name)).toBe(basis);
    }
    expect(items.some((r) => Number(r.times) > 1)).toBe(true);
  };

  it('shows each item’s 单价, 数量 and 次数/天数, which multiply to its 预算金额', async () => {
    const out = await exportReport(b, { reportId: 'R3' });
    const ws = (await excelOf(out.bytes)).getWorksheet(BUDGET.sheetName)!;
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['单价（元）', '数量', '次数/天数', '计量单位']));
    reconcile(
      bodyRows(ws, BUDGET).map((r) => rowValues(r, BUDGET)),
      fen,
    );
  });

  it('keeps 单价 in 元 (two decimals) when the office reports in 万元', async () => {
    const office = (await b.ok('office.get', {}))!;
    const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = office as Record<string, unknown>;
    await b.ok('office.save', { ...profile, moneyUnit: '万元' } as never);
    try {
      const out = await exportReport(b, { reportId: 'R3' });
      const ws = checkFrame(await excelOf(out.bytes), BUDGET, { title: `${TITLE}经费预算及执行情况表`, unit: '万元' });
      const body = bodyRows(ws, BUDGET);
      const col = (key: string) => BUDGET.columns.findIndex((c) => c.key === key) + 1;
      expect(body[1].getCell(col('unitPrice')).numFmt).toBe('#,##0.00');
      expect(body[1].getCell(col('budget')).numFmt).toBe('#,##0.0000');
      reconcile(
        body.map((r) => rowValues(r, BUDGET)),
        (v) => Math.round(Number(v) * 1_000_000),
      );
    } finally {
      await b.ok('office.save', profile as never);
    }
  });
});

describe('R4 培训情况统计表 and 培训签到表', () => {
  it('adds up sessions, attendances and cost in 合计', async () => {
    const out = await exportReport(b, { reportId: 'R4' });
    const ws = checkFrame(await excelOf(out.bytes), TRAINING, { title: `${TITLE}培训情况统计表` });
    const rows = bodyRows(ws, TRAINING).map((r) => rowValues(r, TRAINING));
    const sessions = (await b.ok('training.list', { pageSize: 100 })).rows;
    expect(rows).toHaveLength(sessions.length + 1);
    expect(rows[0]).toMatchObject({ name: '合计', batch: `${sessions.length}期` });
    for (const key of ['attendees', 'enumerators', 'supervisors', 'examined', 'passed', 'cost']) {
      expect(fen(rows[0][key]), key).toBe(rows.slice(1).reduce((s, r) => s + fen(r[key]), 0));
    }
    expect(fen(rows[0].cost)).toBe(sessions.reduce((s, x) => s + x.cost, 0));
    expect(rows[0].passRate).toBe(Math.round((Number(rows[0].passed) / Number(rows[0].examined)) * 1000) / 10);
  });

  it('takes only the sessions of a period when one is given', async () => {
    const out = await exportReport(b, { reportId: 'R4', period: '2018-05' });
    expect(out.fileName).toBe('蓬安县_培训情况统计表_2018年05月.xlsx');
    const ws = (await excelOf(out.bytes)).getWorksheet(TRAINING.sheetName)!;
    const names = bodyRows(ws, TRAINING).map((r) => r.getCell(2).value);
    expect(names).toEqual(['合计', '县级清查技术培训班（第一期）', '县级清查技术培训班（第二期）']);
  });

  it('prints a session’s sign-in sheet in portrait, phones masked', async () => {
    const out = await exportReport(b, { reportId: 'R4-signin', sessionId: 6 });
    const ws = checkFrame(await excelOf(out.bytes), SIGN_IN, {
      title: '普查软件系统操作培训班签到表',
      unitLine: /^培训时间：2018-08-06$/,
    });
    const rows = bodyRows(ws, SIGN_IN).map((r) => rowValues(r, SIGN_IN));
    expect(rows).toHaveLength(22);
    expect(rows.every((r) => /^1\d{2}\*{4}\d{4}$/.test(String(r.mobile)))).toBe(true);
    expect(rows.find((r) => r.name === '陈志明')).toMatchObject({ unit: '锦屏镇人民政府', signedIn: '✓' });
    const full = await exportReport(b, { reportId: 'R4-signin', sessionId: 6, fullSensitive: true });
    const fullRows = bodyRows((await excelOf(full.bytes)).getWorksheet(SIGN_IN.sheetName)!, SIGN_IN).map((r) =>
      rowValues(r, SIGN_IN),
    );
    expect(fullRows.find((r) => r.name === '陈志明')!.mobile).toBe('13908171234');
  });
});

describe('R5 合同履约情况汇总表 and 合同跟踪表', () => {
  it('sums amounts and nodes in 合计', async () => {
    const out = await exportReport(b, { reportId: 'R5' });
    const ws = checkFrame(await excelOf(out.bytes), CONTRACTS, { title: `${TITLE}第三方合同履约情况汇总表` });
    const rows = bodyRows(ws, CONTRACTS).map((r) => rowValues(r, CONTRACTS));
    expect(rows[0].contractNo).toBe('合计');
    for (const key of ['amount', 'paid', 'unpaid', 'overdue'])
      expect(fen(rows[0][key]), key).toBe(rows.slice(1).reduce((s, r) => s + fen(r[key]), 0));
    const [done, all] = rows.slice(1).reduce(
      ([d, a], r) => {
        const [x, y] = String(r.nodes).split('/').map(Number);
        return [d + x, a + y];
      },
      [0, 0],
    );
    expect(rows[0].nodes).toBe(`${done}/${all}`);
  });

  it('lays out one contract’s tracking sheet as an A4 portrait form', async () => {
    const out = await exportReport(b, { reportId: 'R5-tracking', contractId: 1 });
    expect(out.fileName).toBe('蓬安县_合同跟踪表_PAWP-2018-001.xlsx');
    const ws = (await excelOf(out.bytes)).getWorksheet(CONTRACT_NODES.sheetName)!;
    expect(ws.getCell('A1').value).toBe('第二次全国污染源普查第三方服务合同履约跟踪表');
    expect(ws.model.merges).toContain('A1:K1');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    });
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const label of [
      '合同名称',
      '统一社会信用代码',
      '合同金额（大写）',
      '肆拾贰万元整',
      '¥420,000.00',
      '验收组成员签字',
      '合计',
    ])
      expect(texts).toContain(label);
    expect(texts.some((t) => t.startsWith('经办人：'))).toBe(true);
    const detail = await b.ok('contract.detail', { id: 1 });
    const header = texts.indexOf('履约节点/工作内容');
    expect(header).toBeGreaterThan(0);
    let totalRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === '合计') totalRow = row;
    });
    expect(fen(totalRow!.getCell(8).value)).toBe(detail.nodes.reduce((s, n) => s + n.paidAmount, 0));
  });
});

describe('R6 劳务报酬发放表', () => {
  it('ends with 合计 in 大写 and 小写 equal to the sum of the lines', async () => {
    const out = await exportReport(b, { reportId: 'R6', payRunId: 1 });
    expect(out.fileName).toBe('蓬安县_劳务报酬发放表_普查员劳动报酬_2018年10月.xlsx');
    const wb = await excelOf(out.bytes);
    const ws = checkFrame(wb, PAY_SHEET, { title: `${TITLE}劳务报酬发放表（2018年10月）` });
    const rows = bodyRows(ws, PAY_SHEET);
    const lines = rows.slice(0, -1).map((r) => rowValues(r, PAY_SHEET));
    const total = rows.at(-1)!;
    expect(lines).toHaveLength(60);
    const sum = lines.reduce((s, r) => s + fen(r.amount), 0);
    expect(fen(total.getCell(9).value)).toBe(sum);
    expect(total.getCell(1).value).toBe('合计');
    expect(String(total.getCell(2).value)).toBe(
      `人民币（大写）：${toDaxie(sum)}\u3000\u3000（小写）：¥${(sum / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    expect(ws.model.merges).toContain(`B${total.number}:F${total.number}`);
    expect(
      lines.every((r) => MASKED_ID.test(String(r.idNumber)) && /^\d{4}\*+\d{4}$/.test(String(r.bankAccount))),
    ).toBe(true);
    const run = await b.ok('payRun.get', { id: 1 });
    expect(sum).toBe(run.totalAmount);
  });

  it('gives the bank the full ID and card number as text when a 管理员 asks', async () => {
    const out = await exportReport(b, { reportId: 'R6', payRunId: 1, fullSensitive: true });
    const ws = (await excelOf(out.bytes)).getWorksheet(PAY_SHEET.sheetName)!;
    const run = await b.ok('payRun.get', { id: 1 });
    const lines = bodyRows(ws, PAY_SHEET).slice(0, -1);
    lines.forEach((row, i) => {
      expect(row.getCell(4).value).toBe(run.lines[i].idNumber);
      expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(6).value).toBe(run.lines[i].bankAccount);
      expect(row.getCell(6).numFmt).toBe('@');
    });
  });
});
