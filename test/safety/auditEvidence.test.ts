// Evidence that holds (issue 15): the audit chain is verified after every open and a broken one is
// shown to every operator on the dashboard (blocking nothing else); the head recorded with each
// backup catches a tail cut with its new last hash copied into audit_head; backups of tampered
// data are never listed 完好.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { AUDIT_OFF_THREAD } from '../../backend/auditCheck';
import type { Operator } from '../../backend/context';
import { sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
let reopened: ReturnType<typeof openBackend> | null = null;
beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
  for (let i = 0; i < 4; i++) await call(staff.clerk, 'township.create', { code: `5113231${i}0`, name: `镇${i}` });
});
afterEach(() => {
  reopened?.close();
  reopened = null;
  AUDIT_OFF_THREAD.fromEntries = 20_000;
  box.dispose();
});

const b = () => reopened ?? box.b;
async function call<T = Record<string, unknown>>(operator: Operator | null, method: string, input: unknown = {}) {
  const r = await b().dispatch(method, input, { operator });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
interface Check {
  id: string;
  severity: string;
  count: number;
  hint: string;
}
const auditCheck = async (operator: Operator) =>
  (await call<{ checks: Check[] }>(operator, 'dashboard.checks')).checks.find((c) => c.id === 'auditLog')!;
/** The app closed and started again on the same file. */
function restart() {
  box.b.close();
  reopened?.close();
  reopened = openBackend(box.dataPath, { backupDir: box.backupDir });
}
const lastId = () => b().db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
/** The attack of the issue: delete the last rows and copy the new last hash into audit_head. */
function cutTail(keep: number) {
  const db = b().db;
  db.exec('DROP TRIGGER audit_log_no_delete');
  db.prepare('DELETE FROM audit_log WHERE id > ?').run(keep);
  const last = db.prepare('SELECT id, hash FROM audit_log WHERE id = ?').get(keep) as { id: number; hash: string };
  db.prepare('UPDATE audit_head SET count = ?, last_id = ?, hash = ?').run(last.id, last.id, last.hash);
}

describe('the chain verified after start, on the dashboard for everyone', () => {
  it('intact: an ok check with the number of entries', async () => {
    restart();
    expect(await auditCheck(staff.viewer)).toMatchObject({ severity: 'ok', count: 0 });
    expect((await auditCheck(staff.viewer)).hint).toMatch(/共 \d+ 条/);
  });

  it('a dropped head and a cut log: an error for 只读 too, and everything else still works', async () => {
    const db = box.b.db;
    db.exec('DROP TRIGGER audit_log_no_delete; DROP TABLE audit_head');
    db.prepare('DELETE FROM audit_log WHERE id > 6').run();
    restart();
    const check = await auditCheck(staff.viewer);
    expect(check).toMatchObject({ id: 'auditLog', severity: 'error', count: 1 });
    expect(check.hint).toContain('操作日志校验未通过：操作日志的校验记录已被删除');
    await call(staff.clerk, 'township.create', { code: '511323190', name: '镇X' });
    expect((await call<{ total: number }>(staff.viewer, 'township.list', {})).total).toBeGreaterThan(0);
  });

  it('a big log is walked in the backup worker with the same finding', async () => {
    AUDIT_OFF_THREAD.fromEntries = 1;
    box.b.db.exec('DROP TRIGGER audit_log_no_update');
    box.b.db.prepare(`UPDATE audit_log SET operator_name = '别人' WHERE id = 5`).run();
    restart();
    expect((await auditCheck(staff.admin)).hint).toContain('操作日志校验未通过：第 5 条日志内容与校验值不符');
  });
});

describe('a cut tail with its head fixed is caught against the last backup', () => {
  it('audit.verify alone says intact; after a restart the dashboard names the backup, and a new backup is not 完好', async () => {
    await call(staff.admin, 'backup.now');
    const inBackup = lastId() - 1; // backup.now's own entry is written after the copy
    await call(staff.clerk, 'township.create', { code: '511323180', name: '镇Y' });
    cutTail(inBackup - 2);
    // What the attacker aimed for: the chain and head agree.
    expect(await call(staff.viewer, 'audit.verify')).toMatchObject({ ok: true });
    restart();
    const check = await auditCheck(staff.viewer);
    expect(check.severity).toBe('error');
    expect(check.hint).toMatch(/的备份（census_.+_手动\.db，当时共 \d+ 条）不符：缺少第 \d+ 条/);
    const made = await call<{ status: string; problem: string }>(staff.admin, 'backup.now');
    expect(made.status).toBe('日志不符');
    expect(made.problem).toMatch(/^操作日志校验未通过：与 .+ 的备份（census_.+）相比缺少第 \d+ 条$/);
  });

  it('a restore of an older backup is no finding (the backups before it hold another data’s log)', async () => {
    const first = await call<{ file: string }>(staff.admin, 'backup.now');
    for (let i = 0; i < 3; i++) await call(staff.clerk, 'township.create', { code: `51132317${i}`, name: `新${i}` });
    await call(staff.admin, 'backup.now');
    await call(staff.admin, 'backup.restore', { file: first.file });
    restart();
    expect(await auditCheck(staff.admin)).toMatchObject({ severity: 'ok' });
    expect((await call<{ status: string }>(staff.admin, 'backup.now')).status).toBe('完好');
  });
});

describe('backups of tampered data are never 完好', () => {
  it('a dropped head: the backup is listed 日志不符 with the reason', async () => {
    box.b.db.exec('DROP TABLE audit_head');
    // The app that was running keeps working (the finding waits for the next open).
    await call(staff.clerk, 'township.create', { code: '511323160', name: '镇Z' });
    const made = await call<{ file: string; status: string; problem: string }>(staff.admin, 'backup.now');
    expect(made).toMatchObject({ status: '日志不符' });
    expect(made.problem).toContain('操作日志的校验记录已被删除');
    const listed = await call<{ rows: { file: string; status: string }[] }>(staff.admin, 'backup.list', {});
    expect(listed.rows.find((r) => r.file === made.file)?.status).toBe('日志不符');
  });

  it('an entry edited in the middle: 校验 walks the whole chain and lists it 日志不符', async () => {
    box.b.db.exec('DROP TRIGGER audit_log_no_update');
    box.b.db.prepare(`UPDATE audit_log SET operator_name = '别人' WHERE id = 4`).run();
    const made = await call<{ file: string; status: string }>(staff.admin, 'backup.now');
    // The copy's own check is the O(1) one (head against last entry): it cannot see a middle edit.
    expect(made.status).toBe('完好');
    const checked = await call<{ status: string; problem: string }>(staff.admin, 'backup.verify', { file: made.file });
    expect(checked).toMatchObject({ status: '日志不符', problem: '操作日志校验未通过：第 4 条日志内容与校验值不符' });
  });
});
