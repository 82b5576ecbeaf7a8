// After safety.encrypt the backups made before it (the 加密前 one included) are encrypted under the
// office's key in the backup worker (backend/backups/encryptBackups.ts): none holds any of the 300
// known ID numbers as bytes any more, each is catalogued with the key id, listed 完好 and restores
// with the office's 恢复码. A copy the catalogue does not name is left exactly as it was.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { backupsEncrypted } from '../../backend/backups/encryptBackups';
import { backgroundIdle } from '../../backend/backups/offThread';
import { startBackupSchedule } from '../../backend/backups/schedule';
import { cataloguedBackups, recordedKeyId } from '../../backend/backups/catalog';
import { dataBaseName } from '../../backend/backups/folder';
import { backupNow } from '../../backend/backups/write';
import { isEncryptedFile } from '../../db/cipher';
import { dataHash, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, encrypt, idsFoundIn, ok } from './fixtures';

let box: Sandbox | null = null;
afterEach(() => {
  box?.dispose();
  box = null;
});

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('the backups made before safety.encrypt', () => {
  it('are encrypted in the background, the 加密前 one too, and each still restores with the office’s code', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    const ids = await addPeople(box.b, admin, 300);
    const early = backupNow(box.b, '手动');
    await ok(box.b, admin, 'backup.now', {});
    // A user's own copy outside the catalogue: never touched.
    const mine = join(box.dir, 'my-copy.db');
    copyFileSync(early.path, mine);
    const mineHash = sha(mine);
    const base = dataBaseName(box.dataPath);
    const before = cataloguedBackups(box.backupDir, base);
    expect(before.length).toBeGreaterThanOrEqual(2);
    for (const r of before) expect(idsFoundIn(join(box.backupDir, r.file), ids)).toBe(300);
    const data = dataHash(box.b.db);

    // The fixture waits for the background run (backgroundIdle) before it returns.
    const { code, keyId, backupPath } = await encrypt(box.b, admin);
    expect(backupPath).toMatch(/加密前/);
    const after = cataloguedBackups(box.backupDir, base);
    expect(after.map((r) => r.reason)).toContain('加密前');
    expect(after.length).toBe(before.length + 1);
    for (const r of after) {
      const path = join(box.backupDir, r.file);
      expect(isEncryptedFile(path)).toBe(true);
      expect(idsFoundIn(path, ids)).toBe(0);
      expect(recordedKeyId(box.backupDir, base, r.file)).toBe(keyId);
    }
    // Listed as before: every one 完好 (its recorded size is the encrypted file's).
    const listed = await ok<{ rows: { file: string; status: string; problem: string | null }[] }>(
      box.b,
      admin,
      'backup.list',
      {},
    );
    for (const r of after) expect(listed.rows.find((b) => b.file === r.file)).toMatchObject({ status: '完好' });
    expect(sha(mine)).toBe(mineHash);
    expect(isEncryptedFile(mine)).toBe(false);

    for (const r of after) {
      await ok(box.b, admin, 'backup.restore', { file: r.file, recoveryCode: code });
      expect(dataHash(box.b.db)).toBe(data);
      expect(box.b.key).not.toBeNull();
      expect(isEncryptedFile(box.dataPath)).toBe(true);
    }
    await backgroundIdle();
    expect(idsFoundIn(box.dataPath, ids)).toBe(0);
  }, 120_000);

  it('leaves one that cannot be encrypted exactly as it was, says why beside its status, and encrypts the rest', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    const ids = await addPeople(box.b, admin, 300);
    const damaged = backupNow(box.b, '手动');
    const sound = backupNow(box.b, '手动', new Date(Date.now() + 1000));
    // Pages past the first overwritten: SQLite re-keys the bytes, then quick_check refuses the copy.
    const fd = openSync(damaged.path, 'r+');
    writeSync(fd, Buffer.alloc(statSync(damaged.path).size - 8192, 0xa5), 0, undefined, 4096);
    closeSync(fd);
    const damagedHash = sha(damaged.path);

    await encrypt(box.b, admin);
    expect(sha(damaged.path)).toBe(damagedHash);
    expect(isEncryptedFile(damaged.path)).toBe(false);
    expect(readdirSync(box.backupDir).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(idsFoundIn(sound.path, ids)).toBe(0);
    const listed = await ok<{ rows: { file: string; problem: string | null }[] }>(box.b, admin, 'backup.list', {});
    expect(listed.rows.find((r) => r.file === damaged.file)?.problem).toMatch(/^此备份未能加密，仍是未加密的文件/);
    expect(listed.rows.find((r) => r.file === sound.file)?.problem).toBeNull();
    expect(await ok(box.b, admin, 'safety.encryption', {})).toMatchObject({ encrypted: true });
  }, 60_000);

  it('still plain after a crash cut the run short are encrypted when the app next starts', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    const ids = await addPeople(box.b, admin, 50);
    backupNow(box.b, '手动');
    backupNow(box.b, '手动', new Date(Date.now() + 1000));
    // The data file encrypted, then the process gone before the background run touched a backup.
    const key = Buffer.alloc(32, 5);
    box.b.rekey(key);
    box.b.close();
    const base = dataBaseName(box.dataPath);
    const plain = cataloguedBackups(box.backupDir, base);
    for (const r of plain) expect(idsFoundIn(join(box.backupDir, r.file), ids)).toBe(50);

    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key });
    await startBackupSchedule(box.b, { background: true }).stop();
    await backupsEncrypted();
    for (const r of cataloguedBackups(box.backupDir, base)) {
      const path = join(box.backupDir, r.file);
      expect(isEncryptedFile(path)).toBe(true);
      expect(idsFoundIn(path, ids)).toBe(0);
    }
  }, 60_000);
});
