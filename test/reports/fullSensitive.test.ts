// What the 完整敏感信息 option of the export form and the pay run (FullSensitiveOption) asks of the
// backend, through dispatch: R1 and R6 exported, and R6 printed, with 公民身份号码, 银行卡号 and 手机
// in full for a 管理员, each with one 操作日志 entry naming the report; refused to a 录入员 unless
// 安全设置 lets 录入员 reveal; the same calls without the option stay masked and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallCtx } from '../../backend/context';
import type { TestBackend } from '../helpers/backend';
import type { TableDoc } from '../../core/reports/doc';
import { PAY_SHEET } from '../../core/reports/layouts/people';
import { demoBackend, exportReport, nowCtx, sheetsOf } from './helpers';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

const as = (role: '管理员' | '录入员'): CallCtx => ({
  ...nowCtx,
  unmasked: false,
  operator: { id: null, name: `${role}甲`, role },
});

interface Entry {
  action: string;
  entity: string;
  who: string;
  after: Record<string, unknown>;
}
function entriesSince(id: number): Entry[] {
  const rows = b.db
    .prepare('SELECT action, entity, operator_name AS who, after_json FROM audit_log WHERE id > ? ORDER BY id')
    .all(id) as { action: string; entity: string; who: string; after_json: string | null }[];
  return rows.map((r) => ({ action: r.action, entity: r.entity, who: r.who, after: JSON.parse(r.after_json ?? '{}') }));
}
const lastId = () => (b.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;

const payLines = async () => (await b.ok('payRun.get', { id: 1 })).lines;
const FULL_ID = /^\d{17}[\dX]$/;

describe('full sensitive values from the UI, through dispatch', () => {
  it('a 管理员 exports R6 in full for the bank: full ID and card numbers, one audit entry naming R6 and the file', async () => {
    const from = lastId();
    const out = await exportReport(b, { reportId: 'R6', payRunId: 1, fullSensitive: true }, as('管理员'));
    expect(out.fullSensitive).toBe(true);
    const entries = entriesSince(from);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'exportSensitive',
      who: '管理员甲',
      after: { reportId: 'R6', reportName: '劳务报酬发放表', fileName: out.fileName, fileHash: out.sha256 },
    });
    const grid = sheetsOf(out.bytes).grid(PAY_SHEET.sheetName);
    const idCol = PAY_SHEET.columns.findIndex((c) => c.key === 'idNumber');
    const cardCol = PAY_SHEET.columns.findIndex((c) => c.key === 'bankAccount');
    const lines = await payLines();
    const body = grid.slice(3, 3 + lines.length);
    expect(body.map((r) => r[idCol])).toEqual(lines.map((l) => l.idNumber));
    expect(body.every((r) => FULL_ID.test(String(r[idCol])))).toBe(true);
    expect(body.map((r) => r[cardCol])).toEqual(lines.map((l) => l.bankAccount));
  });

  it('a 管理员 prints the pay sheet in full: audited as a print; without the option it is masked and writes nothing', async () => {
    let from = lastId();
    const r = await b.dispatch('print.paySheet', { payRunId: 1, fullSensitive: true }, as('管理员'));
    expect(r.ok).toBe(true);
    const doc = (r.ok ? r.data : null) as unknown as TableDoc;
    const idCol = PAY_SHEET.columns.findIndex((c) => c.key === 'idNumber');
    expect(FULL_ID.test(String(doc.rows[0].cells[idCol]))).toBe(true);
    expect(entriesSince(from)).toMatchObject([{ action: 'exportSensitive', after: { reportId: 'R6', print: true } }]);

    from = lastId();
    const masked = await b.dispatch('print.paySheet', { payRunId: 1 }, as('管理员'));
    const mdoc = (masked.ok ? masked.data : null) as unknown as TableDoc;
    expect(String(mdoc.rows[0].cells[idCol])).toContain('*');
    expect(entriesSince(from)).toEqual([]);
  });

  it('a 管理员 exports R1 in full: one audit entry; the masked export writes none', async () => {
    let from = lastId();
    const out = await exportReport(b, { reportId: 'R1', fullSensitive: true }, as('管理员'));
    expect(entriesSince(from)).toMatchObject([
      { action: 'exportSensitive', after: { reportId: 'R1', fileName: out.fileName } },
    ]);
    from = lastId();
    expect((await exportReport(b, { reportId: 'R1' }, as('管理员'))).fullSensitive).toBe(false);
    expect(entriesSince(from)).toEqual([]);
  });

  it('a 录入员 cannot export or print R1/R6 in full (nothing written), unless 安全设置 lets 录入员 reveal — then audited under their name', async () => {
    const before = b.snapshot();
    for (const input of [
      { reportId: 'R1', fullSensitive: true },
      { reportId: 'R6', payRunId: 1, fullSensitive: true },
    ]) {
      const r = await b.dispatch('report.export', input, as('录入员'));
      expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    }
    const print = await b.dispatch('print.paySheet', { payRunId: 1, fullSensitive: true }, as('录入员'));
    expect(print.ok ? null : print.error.code).toBe('FORBIDDEN');
    expect(b.snapshot()).toEqual(before);

    await b.ok('safety.saveSettings', { revealRoles: ['管理员', '录入员'] });
    try {
      const from = lastId();
      const out = await exportReport(b, { reportId: 'R6', payRunId: 1, fullSensitive: true }, as('录入员'));
      expect(out.fullSensitive).toBe(true);
      expect(entriesSince(from)).toMatchObject([
        { action: 'exportSensitive', who: '录入员甲', after: { reportId: 'R6' } },
      ]);
    } finally {
      await b.ok('safety.saveSettings', { revealRoles: ['管理员'] });
    }
  });
});
