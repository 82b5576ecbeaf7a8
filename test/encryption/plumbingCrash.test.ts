// An encrypted data file left with its -wal by a crash (the copy of a live file and its -wal is
// what a power cut leaves): the start-up probe reads through the -wal with the key, so the rows in
// it are there after the open; without the key or with another it is refused and the file, its
// -wal and the folder stay exactly as they were.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { contentHash, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, idsFoundIn } from './fixtures';

const KEY = Buffer.alloc(32, 3);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
/** The folder's files but the writer lock's (a file of its own, holding no data, left for the next open). */
const listing = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith('.lock'))
    .sort();

let box: Sandbox | null = null;
afterEach(() => {
  box?.dispose();
  box = null;
});

describe('an encrypted file with a crash’s -wal', () => {
  it('is refused without its key or with another, every file untouched; with it, the -wal’s rows are there', async () => {
    box = sandbox({ key: KEY });
    const staff = await staffWorkspace(box.b);
    const ids = await addPeople(box.b, staff.admin, 20);
    const hash = contentHash(box.b.db);
    // The crash image: the file and its live -wal, copied while the workspace is open.
    const dir = join(box.dir, 'crashed');
    mkdirSync(dir);
    const data = join(dir, 'census.db');
    copyFileSync(box.dataPath, data);
    copyFileSync(`${box.dataPath}-wal`, `${data}-wal`);
    expect(idsFoundIn(data, ids)).toBe(0);
    const files = listing(dir);
    const before = [sha(data), sha(`${data}-wal`)];

    for (const [key, code] of [
      [null, 'RECOVERY_CODE_NEEDED'],
      [Buffer.alloc(32, 4), 'RECOVERY_CODE_WRONG'],
    ] as const) {
      let failure: { code?: string } = {};
      try {
        openBackend(data, { backupDir: join(box.dir, 'crash-backups'), key }).close();
      } catch (e) {
        failure = e as { code?: string };
      }
      expect(failure.code).toBe(code);
      expect([sha(data), sha(`${data}-wal`)]).toEqual(before);
      expect(listing(dir)).toEqual(files);
      expect(existsSync(join(box.dir, 'crash-backups'))).toBe(false);
    }

    const reopened = openBackend(data, { backupDir: join(box.dir, 'crash-backups'), key: KEY });
    try {
      expect(contentHash(reopened.db)).toBe(hash);
    } finally {
      reopened.close();
    }
  });
});
