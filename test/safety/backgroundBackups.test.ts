// Backups made off the request thread (issue 18): the copy and its integrity_check run in the
// backup worker while dispatch keeps answering, and a backup made ahead of a write is used only if
// it is exactly the data the write starts from.
import { existsSync, readdirSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../core/schemas/backups';
import { backupWorkerThreadId } from '../../backend/backups/offThread';
import { startBackupSchedule } from '../../backend/backups/schedule';
import { backupAheadOfWrite, exactBackup } from '../../backend/backups/write';
import { dataHash, sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
});
afterEach(() => box.dispose());

async function call<T = Record<string, unknown>>(method: string, input: unknown): Promise<T> {
  const r = await box.b.dispatch(method, input, { operator: staff.admin, checkOutput: true });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
const addTownship = (n: number) =>
  call('township.create', { code: `5113231${String(n).padStart(2, '0')}`, name: `镇${n}` });
const hashOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return dataHash(db);
  } finally {
    db.close();
  }
};

describe('backup.now', () => {
  it('is made in the backup worker while dispatch answers other calls', async () => {
    await addTownship(1);
    const order: string[] = [];
    const backup = call<BackupRecord>('backup.now', {}).then((r) => (order.push('backup'), r));
    const status = call('setup.status', {}).then(() => order.push('status'));
    const [made] = await Promise.all([backup, status]);
    expect(order).toEqual(['status', 'backup']);
    expect(isMainThread).toBe(true);
    expect(backupWorkerThreadId()).not.toBeNull();
    expect(made).toMatchObject({ reason: '手动', status: '完好', problem: null });
    expect(hashOf(made.path)).toBe(dataHash(box.b.db));
  });

  it('of two at once gives each its own file', async () => {
    const [a, b] = await Promise.all([call<BackupRecord>('backup.now', {}), call<BackupRecord>('backup.now', {})]);
    expect(a.file).not.toBe(b.file);
    expect(existsSync(a.path) && existsSync(b.path)).toBe(true);
    expect(readdirSync(box.backupDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('the schedule in the background', () => {
  it('returns before the start backup is made, and stop() waits for it', async () => {
    const made: BackupRecord[] = [];
    const s = startBackupSchedule(box.b, { background: true, onBackup: (r) => made.push(r) });
    expect(made).toEqual([]);
    await s.stop();
    expect(made.map((m) => [m.reason, m.status])).toEqual([['启动', '完好']]);
    expect(hashOf(made[0].path)).toBe(dataHash(box.b.db));
  });

  it('reports a failed backup and carries on', async () => {
    const errors: unknown[] = [];
    const memory = { ...box.b, path: ':memory:' } as typeof box.b;
    const s = startBackupSchedule(memory, { background: true, onError: (e) => errors.push(e) });
    await s.stop();
    expect(errors).toHaveLength(1);
  });
});

describe('a backup ahead of a write', () => {
  it('is the copy used when nothing was written since it was started', async () => {
    await addTownship(1);
    const ahead = await backupAheadOfWrite(box.b, '导入前');
    const used = box.b.db.transaction(() => exactBackup(box.b, ahead, '导入前')).immediate();
    expect(used).toEqual(ahead.record);
    expect(hashOf(used.path)).toBe(dataHash(box.b.db));
  });

  it('is replaced by a copy made now when something was written meanwhile', async () => {
    await addTownship(1);
    const ahead = await backupAheadOfWrite(box.b, '导入前');
    await addTownship(2);
    const used = box.b.db.transaction(() => exactBackup(box.b, ahead, '导入前')).immediate();
    expect(used.file).not.toBe(ahead.record.file);
    expect(hashOf(used.path)).toBe(dataHash(box.b.db));
    expect(hashOf(ahead.record.path)).not.toBe(dataHash(box.b.db));
  });

  it('notices a write that started before the copy did', async () => {
    await addTownship(1);
    // The mark is taken first; a write landing before the worker copies makes the copy newer than
    // the mark, which must not pass for "exactly the data before the write".
    const pending = backupAheadOfWrite(box.b, '导入前');
    await addTownship(2);
    const ahead = await pending;
    const used = box.b.db.transaction(() => exactBackup(box.b, ahead, '导入前')).immediate();
    expect(used.file).not.toBe(ahead.record.file);
    expect(hashOf(used.path)).toBe(dataHash(box.b.db));
  });
});

describe('restore in the background', () => {
  it('makes its safety copy of exactly the data it replaces, with the swap on this thread', async () => {
    await addTownship(1);
    const backup = await call<BackupRecord>('backup.now', {});
    await addTownship(2);
    const before = dataHash(box.b.db);
    const r = await call<{ safetyCopy: BackupRecord }>('backup.restore', { file: backup.file });
    expect(hashOf(r.safetyCopy.path)).toBe(before);
    expect(dataHash(box.b.db)).toBe(hashOf(backup.path));
    expect(existsSync(`${box.dataPath}.restoring`)).toBe(false);
  });
});
