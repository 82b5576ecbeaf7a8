// Restoring a plain backup into an encrypted office: the staged copy is put under the office's key
// in the backup worker (snapshotJobs.ts 'rekey'), not on the thread that answers the clerk (seconds
// for a big file). The request thread's rekeyConnection is watched: the restore never calls it.
// Also here (the same mock): safety.encrypt when the file is re-keyed but the quick_check after it
// fails — the file is under the new code from then on, so the shell keeps that code and the restore
// intent stays for the next start to write the audit entry the failed call could not.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../backend/app';
import { backupWorkerThreadId } from '../../backend/backups/offThread';
import { intentPathOf } from '../../backend/backups/restoreIntent';
import { backupNow } from '../../backend/backups/write';
import * as cipher from '../../db/cipher';
import { dataHash, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, idsFoundIn, ok } from './fixtures';

vi.mock('../../db/cipher', async (original) => {
  const real = await original<typeof cipher>();
  return { ...real, rekeyConnection: vi.fn(real.rekeyConnection) };
});

const KEY = Buffer.alloc(32, 5);
const boxes: Sandbox[] = [];
afterEach(() => {
  for (const b of boxes.splice(0)) b.dispose();
});

describe('a plain backup restored into an encrypted office', () => {
  it('has its staged copy re-keyed in the backup worker, and the office stays encrypted with its rows', async () => {
    const plain = sandbox();
    boxes.push(plain);
    const staff = await staffWorkspace(plain.b);
    const ids = await addPeople(plain.b, staff.admin, 20);
    const made = backupNow(plain.b, '手动');
    const data = dataHash(plain.b.db);
    expect(idsFoundIn(made.path, ids)).toBe(20);

    const office = sandbox({ key: KEY });
    boxes.push(office);
    const { admin } = await staffWorkspace(office.b);
    // The plain backup, as if brought over from elsewhere, in the office's backup folder.
    mkdirSync(office.backupDir, { recursive: true });
    copyFileSync(made.path, join(office.backupDir, made.file));
    vi.mocked(cipher.rekeyConnection).mockClear();

    await ok(office.b, admin, 'backup.restore', { file: made.file });
    expect(vi.mocked(cipher.rekeyConnection)).not.toHaveBeenCalled();
    expect(backupWorkerThreadId()).not.toBeNull();
    expect(backupWorkerThreadId()).not.toBe(threadId);
    expect(office.b.key?.equals(KEY)).toBe(true);
    expect(cipher.isEncryptedFile(office.dataPath)).toBe(true);
    expect(dataHash(office.b.db)).toBe(data);
    office.b.close(); // dispose closes it again: a no-op
    expect(idsFoundIn(office.dataPath, ids)).toBe(0);
  }, 60_000);
});

describe('safety.encrypt whose check after the re-key fails', () => {
  it('keeps the code for the shell and leaves the intent, so the next start opens and records it', async () => {
    const kept: string[] = [];
    const box = sandbox({ onRecoveryCode: (code) => kept.push(code) });
    boxes.push(box);
    const { admin } = await staffWorkspace(box.b);
    const { recoveryCode } = await ok<{ recoveryCode: string }>(box.b, admin, 'safety.newRecoveryCode', {});
    const real = await vi.importActual<typeof cipher>('../../db/cipher');
    vi.mocked(cipher.rekeyConnection).mockImplementationOnce((db, next) => {
      real.rekeyConnection(db, next);
      throw new Error('quick_check after rekey: simulated');
    });
    const r = await box.b.dispatch('safety.encrypt', { recoveryCode }, { operator: admin });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('REKEY_FAILED');
    expect(cipher.isEncryptedFile(box.dataPath)).toBe(true);
    expect(kept).toEqual([recoveryCode]);
    expect(existsSync(intentPathOf(box.dataPath))).toBe(true);

    const key = box.b.key!;
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key });
    const entries = box.b.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'encrypt'`).get() as {
      n: number;
    };
    expect(entries.n).toBe(1);
    expect(existsSync(intentPathOf(box.dataPath))).toBe(false);
  }, 60_000);
});
