// Crashes leave full, unmasked copies under temporary names (issue 15 item 6): a backup being
// written, a restore's staged copy, a browser package on its way in or out. Opening the data file
// removes every one of them last written before the open; one that cannot be removed is listed
// (backup.leftovers, on the backups page) and tried again each time it is asked for.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import type { Operator } from '../../backend/context';
import { sandbox, staffWorkspace, type Sandbox } from './fixtures';

let box: Sandbox;
let admin: Operator;
const old = new Date(Date.now() - 60 * 60_000);

beforeEach(async () => {
  box = sandbox();
  ({ admin } = await staffWorkspace(box.b));
  box.b.close();
  mkdirSync(box.backupDir, { recursive: true });
});
afterEach(() => box.dispose());

/** A file with unmasked-looking content, last written an hour ago. */
function leave(path: string): string {
  writeFileSync(path, 'SQLite format 3\0 513323198001010011');
  utimesSync(path, old, old);
  return path;
}

const reopen = () => (box.b = openBackend(box.dataPath, { backupDir: box.backupDir }));

describe('leftovers of a crash', () => {
  it('are removed when the data file is opened; kept files and other data files’ files stay', () => {
    const d = box.dataPath;
    const leftovers = [
      `${d}.restoring`,
      `${d}.restoring.old-1528000000000`,
      `${d}.download.cdpkg`,
      `${d}.download.cdpkg.partial`,
      `${d}.upload.cdpkg`,
      `${d}.restore-intent.json.partial`,
      `${d}.backup.json.partial`,
      join(box.backupDir, 'census_20180601-090000_手动.db.partial'),
      join(box.backupDir, 'census_备份记录.json.partial'),
      join(box.backupDir, '蓬安县_数据包_20180601-090000.cdpkg.partial'),
    ].map(leave);
    const kept = [`${d}.损坏-1528000000000`, join(box.backupDir, 'other_20180601-090000_手动.db.partial')].map(leave);
    reopen();
    expect(leftovers.filter((f) => existsSync(f))).toEqual([]);
    expect(kept.filter((f) => existsSync(f))).toEqual(kept);
  });

  it('go with the SQLite journal, -wal and -shm a crash left beside them (a re-keyed copy’s plain pages)', () => {
    const d = box.dataPath;
    // A kill while a plain backup's copy is put under the key (snapshotJobs.ts rekeyBackupCopy)
    // leaves the copy's rollback journal: the backup's pages as they were, in the clear.
    const copy = join(box.backupDir, 'census_20180601-090000_手动.db.partial');
    const leftovers = [
      copy,
      `${copy}-journal`,
      `${copy}-wal`,
      `${copy}-shm`,
      `${d}.restoring`,
      `${d}.restoring-journal`,
      `${d}.restoring-wal`,
      `${d}.download.cdpkg.partial-journal`,
      `${d}.upload.cdpkg-journal`,
    ].map(leave);
    const kept = [join(box.backupDir, 'census_20180601-090000_手动.db-journal')].map(leave);
    reopen();
    expect(leftovers.filter((f) => existsSync(f))).toEqual([]);
    expect(kept.filter((f) => existsSync(f))).toEqual(kept);
  });

  it('written after the open (a copy in progress) are left alone', () => {
    reopen();
    const inProgress = join(box.backupDir, 'census_20180601-090000_手动.db.partial');
    writeFileSync(inProgress, 'x');
    box.b.close();
    // The next open is later than its last write: only then is it a leftover.
    utimesSync(inProgress, old, old);
    reopen();
    expect(existsSync(inProgress)).toBe(false);
  });
});

/** Makes `path` impossible to remove for this user; returns how to undo it, or null if it cannot. */
function pin(path: string): (() => void) | null {
  if (process.platform === 'win32') return null;
  if (process.getuid?.() === 0) {
    const r = spawnSync('chattr', ['+i', path]);
    return r.status === 0 ? () => void spawnSync('chattr', ['-i', path]) : null;
  }
  chmodSync(box.backupDir, 0o555);
  return () => chmodSync(box.backupDir, 0o755);
}

describe('a leftover that cannot be removed', () => {
  it('is listed for 管理员, tried again when asked, and gone from the list once removable', async (t) => {
    const stuck = leave(join(box.backupDir, 'census_20180601-090000_手动.db.partial'));
    const unpin = pin(stuck);
    if (!unpin) return t.skip();
    try {
      reopen();
      expect(existsSync(stuck)).toBe(true);
      const listed = await box.b.dispatch('backup.leftovers', {}, { operator: admin });
      expect(listed).toEqual({
        ok: true,
        data: { files: [{ path: stuck, size: 35, modifiedAt: expect.any(String) }] },
      });
      const [{ modifiedAt }] = (listed as { data: { files: { modifiedAt: string }[] } }).data.files;
      expect(Math.abs(Date.parse(modifiedAt) - old.getTime())).toBeLessThan(1000);
    } finally {
      unpin();
    }
    expect(await box.b.dispatch('backup.leftovers', {}, { operator: admin })).toEqual({
      ok: true,
      data: { files: [] },
    });
    expect(existsSync(stuck)).toBe(false);
  });
});
