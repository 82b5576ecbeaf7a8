// Report exports are ordinary audited writes (two-phase handlers, backend/phases.ts): who may make
// one, and which ones write, the contract's rules say from the input; the workbook is built outside
// the transaction, and the save and the record land together or not at all.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallCtx } from '../../backend/context';
import type { TestBackend } from '../helpers/backend';
import { demoBackend, nowCtx } from '../reports/helpers';

let b: TestBackend;
let dir: string;
beforeAll(async () => {
  b = await demoBackend();
  dir = mkdtempSync(join(tmpdir(), 'censusdesk-export-'));
}, 60_000);
afterAll(() => {
  b?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const as = (role: '管理员' | '录入员' | '只读'): CallCtx => ({ ...nowCtx, operator: { id: null, name: role, role } });
const history = () => (b.db.prepare('SELECT count(*) AS n FROM report_exports').get() as { n: number }).n;
const lastAudit = () =>
  b.db.prepare('SELECT action, entity, operator_name AS who FROM audit_log ORDER BY id DESC LIMIT 1').get();

describe('who may export what: the contract’s rules', () => {
  it('refuses sending the monthly report to 只读, pointing to drafts and the history, and writes nothing', async () => {
    const before = b.snapshot();
    const r = await b.dispatch('report.export', { reportId: 'R2', period: '2018-10', mode: 'official' }, as('只读'));
    expect(r.ok ? null : r.error).toEqual({
      code: 'FORBIDDEN',
      message:
        '当前角色（只读）不能正式报送工作进度月报：需要录入员或管理员权限；可导出草稿，或在报送记录中重新导出已报送的版本',
      issues: [],
    });
    expect(b.snapshot()).toEqual(before);
  });

  it('lets 只读 export the monthly report as a draft, which writes nothing (not even an audit entry)', async () => {
    const before = b.snapshot();
    const r = await b.dispatch('report.export', { reportId: 'R2', period: '2018-10', mode: 'draft' }, as('只读'));
    const data = r.ok ? (r.data as { status: string; version: number | null }) : null;
    expect(data ? { status: data.status, version: data.version } : r).toEqual({
      status: 'draft',
      version: null,
    });
    expect(b.snapshot()).toEqual(before);
  });

  it('refuses full sensitive values to a 录入员 by default, even for a report without such columns', async () => {
    for (const input of [
      { reportId: 'R1', fullSensitive: true },
      { reportId: 'R3', fullSensitive: true },
    ]) {
      const r = await b.dispatch('report.export', input, as('录入员'));
      expect(r.ok ? null : r.error.message).toBe(
        '当前角色（录入员）不能导出或打印完整的公民身份号码、银行卡号和手机号码：需要管理员权限',
      );
    }
    const print = await b.dispatch('print.paySheet', { payRunId: 1, fullSensitive: true }, as('录入员'));
    expect(print.ok ? null : print.error.code).toBe('FORBIDDEN');
  });

  it('checks the input before the rules: an invalid input is INVALID_INPUT, whoever asks', async () => {
    const r = await b.dispatch('report.export', { reportId: 'R2' }, as('只读'));
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT');
  });
});

describe('which exports write', () => {
  it('a plain export writes nothing; one in full on a report without sensitive columns neither', async () => {
    for (const input of [{ reportId: 'R1' }, { reportId: 'R3', fullSensitive: true }]) {
      const before = b.snapshot();
      const r = await b.dispatch('report.export', input, as('管理员'));
      expect(r.ok).toBe(true);
      expect(b.snapshot()).toEqual(before);
    }
  });

  it('the monthly report by a 录入员: one history entry and its one audit entry', async () => {
    const before = history();
    const r = await b.dispatch('report.export', { reportId: 'R2', period: '2018-10', mode: 'official' }, as('录入员'));
    expect(r.ok).toBe(true);
    expect(history()).toBe(before + 1);
    expect(lastAudit()).toEqual({ action: 'export', entity: 'reportExport', who: '录入员' });
  });

  it('a save that fails records nothing: the clerk never has a “sent” report they did not get', async () => {
    const before = b.snapshot();
    // /proc exists but takes no new files: the save fails inside the commit, which rolls back.
    const r = await b.dispatch(
      'report.export',
      { reportId: 'R2', period: '2018-09', mode: 'official', savePath: '/proc/工作进度月报.xlsx' },
      as('录入员'),
    );
    expect(r.ok ? null : r.error.code).toMatch(/^(TARGET_LOCKED|SAVE_FAILED)$/);
    expect(b.snapshot()).toEqual(before);
  });

  it('a saved monthly report is recorded with the file’s hash', async () => {
    const path = join(dir, '月报.xlsx');
    const r = await b.dispatch(
      'report.export',
      { reportId: 'R2', period: '2018-09', mode: 'official', savePath: path },
      as('管理员'),
    );
    if (!r.ok) throw new Error(r.error.message);
    const out = r.data as { savedPath: string; sha256: string; exportId: number; base64: string | null };
    expect(out).toMatchObject({ savedPath: path, base64: null });
    const row = b.db.prepare('SELECT file_hash AS hash FROM report_exports WHERE id = ?').get(out.exportId) as {
      hash: string;
    };
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(row.hash);
    expect(row.hash).toBe(out.sha256);
  });
});
