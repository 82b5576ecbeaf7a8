// The demo county loads through dispatch, every row validated, one audit entry per write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../backend/demo';
import { verifyAudit } from '../../db/audit';
import { tempBackend, type TestBackend } from '../helpers/backend';

let b: TestBackend;
let writes = 0;
beforeAll(async () => {
  b = tempBackend();
  writes = (await loadDemo(b, new Date('2026-11-30T09:00:00'))).writes;
}, 120_000);
afterAll(() => b.dispose());

const count = (table: string) => (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the demo county', () => {
  it('has the size the README promises', () => {
    expect(count('townships')).toBe(10);
    expect(count('villages')).toBe(100);
    expect(count('census_districts')).toBe(150);
    expect(count('people')).toBe(300);
    expect(count('agencies')).toBe(4);
    expect(count('contracts')).toBe(4);
    expect(count('contract_nodes')).toBe(12);
    expect(count('training_sessions')).toBe(6);
    expect(count('progress_reports')).toBe(3);
    expect(count('pay_runs')).toBe(1);
  });

  it('wrote exactly one audit entry per write, and the chain verifies', () => {
    expect(count('audit_log')).toBe(writes);
    expect(verifyAudit(b.db)).toEqual({ ok: true, count: writes });
  });

  it('leaves a consistent database', () => {
    expect(b.db.pragma('foreign_key_check')).toEqual([]);
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses to load into a workspace that is already in use', async () => {
    await expect(loadDemo(b)).rejects.toThrow('示例数据只能载入全新的数据文件');
  });
});
