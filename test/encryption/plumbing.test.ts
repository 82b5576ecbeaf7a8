// Encryption plumbing (issue #15, docs/encryption.md): a workspace opened with a key keeps every
// byte of its people encrypted — the data file, its live -wal, a backup, a package — while the same
// flow without a key finds them all (so the check can find them); every other connection (the
// report worker, the dashboard worker, the backup worker's copy, check and audit walk, the start-up
// check) reads the encrypted file through the same key; a wrong or missing key is refused with the
// files untouched; Workspace.rekey encrypts a plain file in place, keeping every row and the chain.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { keyIdOf } from '../../backend/recoveryKey';
import { OFF_THREAD } from '../../backend/areas/dashboard/checks';
import { dashboardWorkerThreadId } from '../../backend/areas/dashboard/offThread';
import { AUDIT_OFF_THREAD } from '../../backend/auditCheck';
import { backupWorkerThreadId } from '../../backend/backups/offThread';
import { exportWorkerThreadId } from '../../backend/reports/pool';
import { isEncryptedFile } from '../../db/cipher';
import { migrations } from '../../db/migrations';
import type { BackupRecord } from '../../core/schemas/backups';
import { contentHash, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, idsFoundIn, ok } from './fixtures';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 9);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const idsIn = (bytes: Buffer, ids: string[]) => ids.filter((id) => bytes.includes(Buffer.from(id, 'latin1'))).length;

let box: Sandbox | null = null;
afterEach(() => {
  box?.dispose();
  box = null;
});

/** A workspace (keyed or not) with its staff and 300 people added through dispatch. */
async function office(key: Buffer | null) {
  box = sandbox({ key });
  const staff = await staffWorkspace(box.b);
  const ids = await addPeople(box.b, staff.admin, 300);
  return { b: box.b, admin: staff.admin, ids, box };
}

describe('ID numbers as bytes on disk', () => {
  for (const [label, key, expected] of [
    ['with a key: none', KEY, 0],
    ['without a key: all 300 (the check finds them)', null, 300],
  ] as const) {
    it(label, async () => {
      const { b, admin, ids, box } = await office(key);
      expect(isEncryptedFile(box.dataPath)).toBe(key !== null);
      // The live -wal, while the workspace is open: the people were written there first.
      const wal = `${box.dataPath}-wal`;
      expect(existsSync(wal) && statSync(wal).size > 0).toBe(true);
      if (key) {
        expect(idsIn(readFileSync(box.dataPath), ids)).toBe(0);
        expect(idsIn(readFileSync(wal), ids)).toBe(0);
      } else expect(idsFoundIn(box.dataPath, ids)).toBe(300);

      const backup = await ok<BackupRecord>(b, admin, 'backup.now', {});
      expect(idsIn(readFileSync(backup.path), ids)).toBe(expected);
      expect(isEncryptedFile(backup.path)).toBe(key !== null);
      const catalog = JSON.parse(readFileSync(join(box.backupDir, 'census_备份记录.json'), 'utf8'));
      expect(catalog[backup.file].keyId).toBe(key ? keyIdOf(key) : null);

      const pkg = await ok<{ base64: string }>(b, admin, 'package.export', { download: true });
      expect(idsIn(Buffer.from(pkg.base64, 'base64'), ids)).toBe(expected);
    });
  }
});

describe('an encrypted workspace: every other connection reads through the key', () => {
  it('report exports, dashboard counts and the audit walk in their workers, backup.verify, audit.verify', async () => {
    const { b, admin } = await office(KEY);
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...profile
    } = await ok<Record<string, unknown>>(b, admin, 'office.get', {});
    await ok(b, admin, 'office.save', {
      ...profile,
      headName: '李德明',
      statsHeadName: '王芳',
      preparerName: '张敏',
      phone: '0817-8621234',
    });
    const r1 = await ok<{ fileName: string; base64: string }>(b, admin, 'report.export', { reportId: 'R1' });
    expect(r1.base64.length).toBeGreaterThan(0);
    expect(exportWorkerThreadId()).not.toBeNull();
    const r2 = await ok<{ base64: string }>(b, admin, 'report.export', {
      reportId: 'R2',
      period: '2018-10',
      mode: 'draft',
    });
    expect(r2.base64.length).toBeGreaterThan(0);

    const backup = await ok<BackupRecord>(b, admin, 'backup.now', {});
    expect(backupWorkerThreadId()).not.toBeNull();
    expect(await ok(b, admin, 'backup.verify', { file: backup.file })).toMatchObject({ status: '完好' });
    expect(await ok(b, admin, 'audit.verify', {})).toMatchObject({ ok: true });

    const people = OFF_THREAD.fromPeople;
    const entries = AUDIT_OFF_THREAD.fromEntries;
    OFF_THREAD.fromPeople = 1;
    AUDIT_OFF_THREAD.fromEntries = 1;
    try {
      // Counted in the dashboard worker (forced above), which could only answer by reading the
      // encrypted file through the key. Another file's test may have started that worker earlier
      // in this process (it lives a minute), so the thread is checked to be a worker, not a new one.
      const checks = await ok<{ checks: { id: string; severity: string }[] }>(b, admin, 'dashboard.checks', {});
      expect(dashboardWorkerThreadId()).not.toBeNull();
      expect(dashboardWorkerThreadId()).not.toBe(threadId);
      const auditLog = checks.checks.find((c) => c.id === 'auditLog');
      expect(auditLog?.severity).toBe('ok');
    } finally {
      OFF_THREAD.fromPeople = people;
      AUDIT_OFF_THREAD.fromEntries = entries;
    }
  });

  it('opens again with the key (the start-up check and the audit walk keyed), and is refused without it or with another, every file untouched', async () => {
    const { b, admin, box } = await office(KEY);
    await ok<BackupRecord>(b, admin, 'backup.now', {});
    const hash = contentHash(b.db);
    b.close();
    const dir = dirname(box.dataPath);
    const files = readdirSync(dir).sort();
    expect(files.some((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toBe(false);
    const before = sha(box.dataPath);

    for (const [key, code] of [
      [null, 'RECOVERY_CODE_NEEDED'],
      [OTHER, 'RECOVERY_CODE_WRONG'],
    ] as const) {
      let failure: { code?: string; message?: string } = {};
      try {
        openBackend(box.dataPath, { backupDir: box.backupDir, key }).close();
      } catch (e) {
        failure = e as typeof failure;
      }
      expect(failure.code).toBe(code);
      expect(failure.message).toMatch(code === 'RECOVERY_CODE_WRONG' ? /^恢复码不正确：.*未作任何改动。$/ : /已加密/);
      expect(sha(box.dataPath)).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(files);
    }

    const entries = AUDIT_OFF_THREAD.fromEntries;
    AUDIT_OFF_THREAD.fromEntries = 1;
    try {
      box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key: KEY });
      expect(box.b.key?.equals(KEY)).toBe(true);
      expect(contentHash(box.b.db)).toBe(hash);
      // The audit finding after this open: the chain walked in the backup worker, the log against
      // the head the encrypted backup recorded.
      const checks = await ok<{ checks: { id: string; severity: string; message?: string }[] }>(
        box.b,
        admin,
        'dashboard.checks',
        {},
      );
      expect(checks.checks.find((c) => c.id === 'auditLog')?.severity).toBe('ok');
    } finally {
      AUDIT_OFF_THREAD.fromEntries = entries;
    }
  });
});

describe('an encrypted file from an older version', () => {
  it('is copied before its migration under the same key, catalogued with the key id', async () => {
    box = sandbox({ key: KEY, migrations: migrations.slice(0, -1) });
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key: KEY });
    const catalog = JSON.parse(readFileSync(join(box.backupDir, 'census_备份记录.json'), 'utf8'));
    const [file, entry] = Object.entries(catalog)[0] as [string, { reason: string; keyId: string; status: string }];
    expect(entry).toMatchObject({ reason: '迁移前', keyId: keyIdOf(KEY), status: '完好' });
    expect(isEncryptedFile(join(box.backupDir, file))).toBe(true);
  });
});

describe('Workspace.rekey', () => {
  it('encrypts a plain file in place: every row kept, the audit chain verifies, and only the new key opens it', async () => {
    const { b, admin, ids, box } = await office(null);
    const hash = contentHash(b.db);
    expect(b.key).toBeNull();
    b.rekey(KEY);
    expect(b.key?.equals(KEY)).toBe(true);
    expect(isEncryptedFile(box.dataPath)).toBe(true);
    expect(contentHash(b.db)).toBe(hash);
    expect(await ok(b, admin, 'audit.verify', {})).toMatchObject({ ok: true });
    // Writing goes on under the key; nothing in the file or its -wal is readable.
    await addPeople(b, admin, 3, 500);
    expect(idsIn(readFileSync(box.dataPath), ids)).toBe(0);
    expect(idsIn(readFileSync(`${box.dataPath}-wal`), ids)).toBe(0);
    const after = contentHash(b.db);

    // Re-keying an encrypted file: the old key no longer opens it.
    b.rekey(OTHER);
    expect(contentHash(b.db)).toBe(after);
    b.close();
    const e = (() => {
      try {
        openBackend(box.dataPath, { backupDir: box.backupDir, key: KEY }).close();
      } catch (err) {
        return err as { code: string };
      }
      return null;
    })();
    expect(e?.code).toBe('RECOVERY_CODE_WRONG');
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key: OTHER });
    expect(contentHash(box.b.db)).toBe(after);
    expect(await ok(box.b, admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses while a -wal cannot be merged, the file as it was', async () => {
    const { b, box } = await office(null);
    const hash = contentHash(b.db);
    // Another reader keeps the -wal from being merged at close.
    const { openSqlite } = await import('../../db/cipher');
    const reader = openSqlite(box.dataPath, { readonly: true });
    reader.prepare('SELECT count(*) FROM people').get();
    const refusedRekey = (() => {
      try {
        b.rekey(KEY);
      } catch (err) {
        return err as { code: string; message: string };
      }
      return null;
    })();
    reader.close();
    expect(refusedRekey?.code).toBe('REKEY_FAILED');
    expect(refusedRekey?.message).toContain('数据文件保持原样');
    expect(isEncryptedFile(box.dataPath)).toBe(false);
    expect(b.key).toBeNull();
    expect(contentHash(b.db)).toBe(hash);
  });
});
