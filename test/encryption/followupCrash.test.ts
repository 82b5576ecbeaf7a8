// A crash in the middle of encrypting the data file in place (Workspace.rekey on a plain file: a
// DELETE-journal transaction) leaves a hot -journal and a first page that already looks encrypted.
// The next open rolls the journal back (db/open.ts), and so does the locked gate in front of it
// (backend/lockedStart.ts): the file is plain again with every row, as if the re-key never happened. The kill is real: a child process re-keying a ~60 MB file is sent
// SIGKILL as soon as its first page is encrypted on disk, its journal still beside it.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { openGated } from '../../backend/lockedStart';
import { deriveKey } from '../../backend/recoveryKey';
import { isEncryptedFile } from '../../db/cipher';
import { dataHash, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, idsFoundIn, ok } from './fixtures';

let box: Sandbox | null = null;
afterEach(() => {
  box?.dispose();
  box = null;
});

/** Runs the child's rekey and kills it once the file's first page is encrypted, its journal still there. */
function rekeyKilled(dataPath: string, backupDir: string): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('test/encryption/followupRekeyKillChild.ts'), dataPath, backupDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const journal = `${dataPath}-journal`;
  const watch = setInterval(() => {
    if (out.includes('rekeying') && existsSync(journal) && isEncryptedFile(dataPath)) {
      clearInterval(watch);
      child.kill('SIGKILL');
    }
  }, 2);
  return new Promise((ok, fail) =>
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal) ok(signal);
      else fail(new Error(`child exited ${code}: ${out}`));
    }),
  );
}

describe('a crash in the middle of encrypting the data file', () => {
  it('is rolled back at the next open: the plain file, every row, quick_check ok', async () => {
    box = sandbox();
    const staff = await staffWorkspace(box.b);
    const ids = await addPeople(box.b, staff.admin, 30);
    // Bulk the rekey needs time to write: 60 MB of rows outside the app's tables.
    box.b.db.exec('CREATE TABLE filler (b BLOB)');
    box.b.db
      .prepare(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) INSERT INTO filler SELECT randomblob(1048576) FROM n',
      )
      .run();
    const hash = dataHash(box.b.db);
    box.b.close();

    expect(await rekeyKilled(box.dataPath, box.backupDir)).toBe('SIGKILL');
    // What the kill left: a hot journal and a file whose first page is already encrypted.
    expect(existsSync(`${box.dataPath}-journal`)).toBe(true);
    expect(isEncryptedFile(box.dataPath)).toBe(true);

    // The same image for the locked gate (browser mode, the desktop's backend process).
    const gated = join(box.dir, 'gated', 'census.db');
    mkdirSync(dirname(gated));
    copyFileSync(box.dataPath, gated);
    copyFileSync(`${box.dataPath}-journal`, `${gated}-journal`);

    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(isEncryptedFile(box.dataPath)).toBe(false);
    expect(existsSync(`${box.dataPath}-journal`)).toBe(false);
    expect(box.b.key).toBeNull();
    expect(dataHash(box.b.db)).toBe(hash);
    expect(box.b.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(60);
    expect(box.b.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(idsFoundIn(box.dataPath, ids)).toBe(ids.length);
    const people = await ok<{ total: number }>(box.b, staff.admin, 'person.list', {});
    expect(people.total).toBe(30);

    // The gate does not start locked on it: rolled back, it is a plain file and opens at once.
    const gate = openGated({
      path: gated,
      open: (key) => openBackend(gated, { backupDir: join(box!.dir, 'gated-backups'), key }),
      deriveKey,
    });
    try {
      expect(gate.locked).toBe(false);
      expect(await ok(gate, null, 'setup.status', {})).toMatchObject({ encrypted: false, locked: false });
      expect(dataHash(gate.backend!.db)).toBe(hash);
    } finally {
      gate.close();
    }
  }, 60_000);
});
