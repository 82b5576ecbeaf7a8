// Disk full and read-only storage: the write fails with a clear message and the data stays as it
// was. Real file systems: a small tmpfs filled to the last byte, a tmpfs remounted read-only
// (root), or chmod (other users; root ignores permissions). Skipped, with the reason logged, where
// neither is possible.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/app';
import { createDispatch } from '../../backend/dispatch';
import { UserError } from '../../db/errors';
import { contentHash, idFor, staffWorkspace } from './fixtures';

const isRoot = process.getuid?.() === 0;

/** Mounts a tmpfs of `size` at a new folder, or says why it cannot. */
function mountTmpfs(size: string): { dir: string } | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-fs-'));
  if (!isRoot) return { skip: '需要 root 权限才能挂载 tmpfs' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `无法挂载 tmpfs：${(e as Error).message.split('\n')[0]}` };
  }
}
const mounted: string[] = [];
function unmountAll() {
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
afterEach(unmountAll);

const probe = mountTmpfs('1m');
if ('dir' in probe) {
  execFileSync('umount', [probe.dir]);
  rmSync(probe.dir, { recursive: true, force: true });
} else {
  console.warn(`[safety/faults] 磁盘已满测试跳过：${probe.skip}`);
}
const canMount = 'dir' in probe;

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Writes zeros until the file system says ENOSPC. */
function fillDisk(path: string) {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
}

describe('disk full', () => {
  it.runIf(canMount)(
    'a write, a backup and a data package fail with a clear message; the data stays as it was',
    async () => {
      const fs = mountTmpfs('3m');
      if (!('dir' in fs)) throw new Error(fs.skip);
      mounted.push(fs.dir);
      const dataPath = join(fs.dir, 'data', 'census.db');
      const backupDir = join(fs.dir, 'backups');
      let b: Backend = openBackend(dataPath, { backupDir });
      try {
        const { clerk, admin } = await staffWorkspace(b);
        await b.dispatch('township.create', { code: '511323100', name: '相如镇' }, { operator: clerk });
        // Every later write has to grow the -wal, so it needs space.
        b.db.pragma('wal_checkpoint(TRUNCATE)');
        const before = contentHash(b.db);
        fillDisk(join(fs.dir, 'filler'));

        const attempts: [string, unknown, typeof clerk][] = [
          ['township.create', { code: '511323101', name: '锦屏镇' }, clerk],
          [
            'person.create',
            { name: '张三', roles: ['普查员'], idNumber: idFor(1), note: '很长的备注'.repeat(90) },
            clerk,
          ],
        ];
        for (const [method, input, who] of attempts) {
          const r = await b.dispatch(method, input, { operator: who });
          expect(r.ok ? null : r.error, method).toEqual({
            code: 'DISK_FULL',
            message: '磁盘空间不足，本次操作未保存，数据保持原样',
            issues: [],
          });
          expect(contentHash(b.db)).toBe(before);
        }
        const backup = await b.dispatch('backup.now', {}, { operator: admin });
        expect(backup.ok ? null : backup.error.message).toBe(`磁盘空间不足，备份未完成（${backupDir}）`);
        const pkg = await b.dispatch('package.export', { path: join(fs.dir, 'move.cdpkg') }, { operator: admin });
        expect(pkg.ok ? null : pkg.error.code).toBe('DISK_FULL');
        // No half-written copy is left behind under any name.
        expect(readdirSync(backupDir).filter((f) => f.endsWith('.db') || f.endsWith('.partial'))).toEqual([]);
        expect(readdirSync(fs.dir).filter((f) => f.includes('cdpkg'))).toEqual([]);
        expect(contentHash(b.db)).toBe(before);

        // Space again: nothing was lost, nothing half-written, and work goes on.
        unlinkSync(join(fs.dir, 'filler'));
        expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');
        b.close();
        b = openBackend(dataPath, { backupDir });
        expect(contentHash(b.db)).toBe(before);
        expect(
          (await b.dispatch('township.create', { code: '511323101', name: '锦屏镇' }, { operator: clerk })).ok,
        ).toBe(true);
      } finally {
        b.close();
      }
    },
  );
});

describe('read-only storage', () => {
  /** A closed workspace; returns its data file. */
  async function closedWorkspace(root: string): Promise<string> {
    const dataPath = join(root, 'data', 'census.db');
    const b = openBackend(dataPath, { backupDir: join(root, 'backups') });
    await staffWorkspace(b);
    b.close();
    return dataPath;
  }

  it('a data file in a read-only folder is refused at start, byte-identical', async () => {
    let root: string;
    let makeReadOnly: () => void;
    if (canMount) {
      const fs = mountTmpfs('4m');
      if (!('dir' in fs)) throw new Error(fs.skip);
      mounted.push(fs.dir);
      root = fs.dir;
      makeReadOnly = () => execFileSync('mount', ['-o', 'remount,ro', root]);
    } else if (!isRoot) {
      root = mkdtempSync(join(tmpdir(), 'censusdesk-ro-'));
      makeReadOnly = () => {
        chmodSync(join(root, 'data', 'census.db'), 0o444);
        chmodSync(join(root, 'data'), 0o555);
      };
    } else {
      console.warn('[safety/faults] 只读测试跳过：root 用户不受文件权限限制，且无法挂载 tmpfs');
      return;
    }
    const dataPath = await closedWorkspace(root);
    makeReadOnly();
    const before = sha(dataPath);
    const files = readdirSync(join(root, 'data')).sort();
    let caught: unknown;
    try {
      openBackend(dataPath, { backupDir: join(root, 'backups') }).close();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('DB_READ_ONLY');
    expect((caught as UserError).message).toMatch(
      /^数据文件或其所在文件夹只读，无法保存任何修改：.+文件未作任何改动。$/,
    );
    expect(sha(dataPath)).toBe(before);
    expect(readdirSync(join(root, 'data')).sort()).toEqual(files);

    // A connection the file system only lets read: writes fail with a message, nothing changes.
    const ro = new Database(dataPath);
    const dispatch = createDispatch(ro);
    const admin = { operator: { id: null, name: '测试', role: '管理员' as const } };
    const r = await dispatch('township.create', { code: '511323100', name: '相如镇' }, admin);
    expect(r.ok ? null : r.error.code).toMatch(/^(READ_ONLY|DB_UNAVAILABLE)$/);
    expect(r.ok ? '' : r.error.message).toMatch(/本次操作未保存/);
    ro.close();
    expect(sha(dataPath)).toBe(before);
    if (!canMount) {
      chmodSync(join(root, 'data'), 0o755);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a write on a read-only connection is refused with a message, and nothing is written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'censusdesk-ro-'));
    try {
      const dataPath = await closedWorkspace(root);
      const before = sha(dataPath);
      const ro = new Database(dataPath, { readonly: true });
      const dispatch = createDispatch(ro);
      const r = await dispatch(
        'township.create',
        { code: '511323100', name: '相如镇' },
        { operator: { id: null, name: '测试', role: '管理员' } },
      );
      expect(r.ok ? null : r.error).toEqual({
        code: 'READ_ONLY',
        message: '数据文件只读，本次操作未保存，数据保持原样',
        issues: [],
      });
      ro.close();
      expect(sha(dataPath)).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
