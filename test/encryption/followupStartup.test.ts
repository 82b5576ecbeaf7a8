// The start-up restore (npm run restore-backup, the desktop's 从备份恢复 when the data file will not
// open) of an encrypted office: the backup is checked, schema-gated and copied through the office's
// key (backend/backups/startup.ts), and the data file comes back encrypted with every row.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { restoreAtStartup, StartupError } from '../../backend/backups/startup';
import { backupNow } from '../../backend/backups/write';
import { isEncryptedFile } from '../../db/cipher';
import { dataHash, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, idsFoundIn } from './fixtures';

const KEY = Buffer.alloc(32, 9);
let box: Sandbox | null = null;
afterEach(() => {
  box?.dispose();
  box = null;
});

describe('restoring an encrypted office’s backup at start-up', () => {
  it('reads the backup through the key and leaves the data file encrypted, every row back', async () => {
    box = sandbox({ key: KEY });
    const { admin } = await staffWorkspace(box.b);
    const ids = await addPeople(box.b, admin, 10);
    const good = backupNow(box.b, '手动');
    expect(isEncryptedFile(good.path)).toBe(true);
    const data = dataHash(box.b.db);
    box.b.close();
    // The data file damaged past its first page.
    const fd = openSync(box.dataPath, 'r+');
    writeSync(fd, Buffer.alloc(statSync(box.dataPath).size - 8192, 0x5a), 0, undefined, 4096);
    closeSync(fd);

    let failure: unknown = null;
    try {
      openBackend(box.dataPath, { backupDir: box.backupDir, key: KEY }).close();
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as StartupError).latestBackup?.path).toBe(good.path);

    const keptAs = restoreAtStartup(box.dataPath, good.path, new Date(), KEY);
    expect(keptAs).not.toBeNull();
    expect(isEncryptedFile(box.dataPath)).toBe(true);
    expect(idsFoundIn(box.dataPath, ids)).toBe(0);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key: KEY });
    expect(dataHash(box.b.db)).toBe(data);
  });
});
