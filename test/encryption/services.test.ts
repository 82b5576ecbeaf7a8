// Encryption at rest through dispatch (issue #15, docs/encryption.md): the first run's 恢复码 step
// leaves an encrypted data file, people added afterwards leave no ID number as bytes in the file,
// its -wal, a backup or a package; the code (and only it) opens the file again; setup.unlock on an
// open file; an old plain office keeps every row and its audit chain when it encrypts.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import type { Operator } from '../../backend/context';
import { deriveKey, keyIdOf } from '../../backend/recoveryKey';
import { writeRestoreIntent } from '../../backend/backups/restoreIntent';
import { isEncryptedFile, openSqlite } from '../../db/cipher';
import { dataHash, OFFICE, PASSWORD, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, encrypt, idsFoundIn, ok, refused, someCode } from './fixtures';

let box: Sandbox;
afterEach(() => box.dispose());

describe('the first run: setup.init, then the 恢复码 step', () => {
  let admin: Operator;
  beforeEach(async () => {
    box = sandbox();
    admin = await ok<Operator>(box.b, null, 'setup.init', {
      office: OFFICE,
      admin: { name: 'admin', password: PASSWORD },
    });
  });

  it('leaves an encrypted file, with no backup (nothing to back up yet) and one audit entry naming the key by its id', async () => {
    expect(await ok(box.b, admin, 'safety.encryption', {})).toEqual({ encrypted: false, keyId: null });
    const { code, keyId, backupPath } = await encrypt(box.b, admin);
    expect(code).toMatch(/^\d{4}(-\d{4}){7}$/);
    expect(backupPath).toBeNull();
    expect(keyId).toBe(keyIdOf(await deriveKey(code)));
    expect(isEncryptedFile(box.dataPath)).toBe(true);
    expect(await ok(box.b, admin, 'safety.encryption', {})).toEqual({ encrypted: true, keyId });
    expect(await ok(box.b, null, 'setup.status', {})).toEqual({
      hasOffice: true,
      hasOperators: true,
      encrypted: true,
      locked: false,
    });
    const last = box.b.db
      .prepare(`SELECT action, entity, after_json AS after FROM audit_log ORDER BY id DESC LIMIT 1`)
      .get() as { action: string; entity: string; after: string };
    expect(last).toMatchObject({ action: 'encrypt', entity: 'safety' });
    expect(JSON.parse(last.after)).toEqual({ keyId, backup: null });
    const digits = code.replace(/-/g, '');
    const log = JSON.stringify(box.b.db.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain(digits);
    expect(log).not.toContain(code);
    expect(await ok(box.b, admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('takes back only a code this backend just issued, and refuses a file already encrypted', async () => {
    const other = await refused(box.b, admin, 'safety.encrypt', { recoveryCode: someCode() });
    expect(other.code).toBe('RECOVERY_CODE_NOT_ISSUED');
    expect(other.message).toContain('请使用刚生成的恢复码');
    expect(isEncryptedFile(box.dataPath)).toBe(false);
    await encrypt(box.b, admin);
    const { recoveryCode } = await ok<{ recoveryCode: string }>(box.b, admin, 'safety.newRecoveryCode', {});
    const again = await refused(box.b, admin, 'safety.encrypt', { recoveryCode });
    expect(again).toMatchObject({ code: 'ALREADY_ENCRYPTED', message: '数据文件已加密' });
  });

  it('is a 管理员’s: a 录入员 may neither issue a code nor encrypt', async () => {
    await ok(box.b, admin, 'operator.create', { name: 'clerk', role: '录入员', password: PASSWORD });
    const clerk = await ok<Operator>(box.b, null, 'session.login', { name: 'clerk', password: PASSWORD });
    expect((await refused(box.b, clerk, 'safety.newRecoveryCode', {})).code).toBe('FORBIDDEN');
    expect((await refused(box.b, clerk, 'safety.encrypt', { recoveryCode: someCode() })).code).toBe('FORBIDDEN');
    // Reading the state is anyone's.
    expect(await ok(box.b, clerk, 'safety.encryption', {})).toEqual({ encrypted: false, keyId: null });
  });

  it('people added afterwards leave no ID number as bytes in the file, its -wal, a backup or a package; the code opens it again', async () => {
    const { code } = await encrypt(box.b, admin);
    const ids = await addPeople(box.b, admin, 300);
    // While open, the -wal holds the latest pages: encrypted as well.
    expect(existsSync(`${box.dataPath}-wal`)).toBe(true);
    expect(idsFoundIn(box.dataPath, ids)).toBe(0);
    const backup = await ok<{ path: string }>(box.b, admin, 'backup.now', {});
    const pkg = await ok<{ path: string }>(box.b, admin, 'package.export', {});
    for (const f of [backup.path, pkg.path]) {
      expect(isEncryptedFile(f)).toBe(true);
      expect(idsFoundIn(f, ids)).toBe(0);
    }
    const before = dataHash(box.b.db);
    box.b.close();
    expect(idsFoundIn(box.dataPath, ids)).toBe(0);
    // Without its code the file does not open, and with another code neither.
    expect(() => openBackend(box.dataPath, { backupDir: box.backupDir })).toThrow(/恢复码/);
    expect(() => openBackend(box.dataPath, { backupDir: box.backupDir, key: Buffer.alloc(32, 7) })).toThrow(
      /恢复码不正确/,
    );
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key: await deriveKey(code) });
    expect(dataHash(box.b.db)).toBe(before);
  });

  it('the same check finds every ID in a plain store (the check itself works)', async () => {
    const ids = await addPeople(box.b, admin, 300);
    const backup = await ok<{ path: string }>(box.b, admin, 'backup.now', {});
    expect(idsFoundIn(backup.path, ids)).toBe(300);
    box.b.close();
    expect(idsFoundIn(box.dataPath, ids)).toBe(300);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
  });
});

describe('the dashboard’s 「数据未加密」 check', () => {
  it('is shown to a 管理员 while the file is plain, linking to 安全设置; never to others; gone once encrypted', async () => {
    box = sandbox();
    const { admin, clerk } = await staffWorkspace(box.b);
    type Checks = { checks: { id: string; title: string; severity: string; link: unknown }[] };
    const find = async (who: Operator) =>
      (await ok<Checks>(box.b, who, 'dashboard.checks', {})).checks.find((c) => c.id === 'dataNotEncrypted');
    expect(await find(admin)).toMatchObject({
      title: '数据未加密',
      severity: 'warning',
      link: { method: 'safety.encryption', filters: {} },
    });
    expect(await find(clerk)).toBeUndefined();
    await encrypt(box.b, admin);
    expect(await find(admin)).toBeUndefined();
  });
});

describe('setup.unlock on an open file', () => {
  it('answers ok for the file’s own code, RECOVERY_CODE_WRONG for another, and backs off after five wrong ones', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    const { code } = await encrypt(box.b, admin);
    expect(await ok(box.b, null, 'setup.unlock', { recoveryCode: code })).toEqual({ unlocked: true });
    const wrongCode = someCode();
    const call = { session: 'tab-1' };
    for (let i = 0; i < 5; i++) {
      const e = await refused(box.b, null, 'setup.unlock', { recoveryCode: wrongCode }, call);
      expect(e.code).toBe('RECOVERY_CODE_WRONG');
      expect(e.message).toBe('恢复码不正确：无法打开此数据文件（或备份、数据包）。未作任何改动。');
    }
    const throttled = await refused(box.b, null, 'setup.unlock', { recoveryCode: code }, call);
    expect(throttled.code).toBe('RECOVERY_CODE_THROTTLED');
    expect(throttled.message).toMatch(/^恢复码错误次数过多，请在\d+秒后再试$/);
    // A malformed code is the field's message, before any key is derived.
    const malformed = await refused(box.b, null, 'setup.unlock', { recoveryCode: '1234' });
    expect(malformed.code).toBe('INVALID_INPUT');
    expect(malformed.message).toContain('恢复码应为32位数字');
  });
});

describe('a plain office from an older version', () => {
  it('keeps every row and the audit chain when it encrypts, after a verified 加密前 backup', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    await ok(box.b, admin, 'township.create', { code: '511323100', name: '相如镇' });
    await addPeople(box.b, admin, 20);
    const before = dataHash(box.b.db);
    const entries = box.b.db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    const { code, keyId, backupPath } = await encrypt(box.b, admin);
    expect(backupPath).not.toBeNull();
    expect(isEncryptedFile(box.dataPath)).toBe(true);
    expect(dataHash(box.b.db)).toBe(before);
    const after = box.b.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { action: string }[];
    expect(after.slice(0, entries.length)).toEqual(entries);
    expect(after.slice(entries.length).map((e) => e.action)).toEqual(['encrypt']);
    expect(await ok(box.b, admin, 'audit.verify', {})).toMatchObject({ ok: true });
    // The backup is the data as it was, listed as 加密前 and always kept; once the background run
    // after the encrypt is done (the fixture waits for it), encrypted under the same key.
    const list = await ok<{ rows: { path: string; reason: string }[] }>(box.b, admin, 'backup.list', {});
    expect(list.rows.find((r) => r.path === backupPath)?.reason).toBe('加密前');
    expect(isEncryptedFile(backupPath!)).toBe(true);
    const copy = openSqlite(backupPath!, { readonly: true }, await deriveKey(code));
    expect(dataHash(copy)).toBe(before);
    copy.close();
    expect(keyId).toMatch(/^[0-9a-f]{8}$/);
  });

  it('restoring the 加密前 backup (made plain, encrypted afterwards) keeps the data file encrypted under its key', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    await addPeople(box.b, admin, 5);
    const { code, backupPath } = await encrypt(box.b, admin);
    const ids = await addPeople(box.b, admin, 5, 100);
    const file = backupPath!.split(/[\\/]/).pop();
    await ok(box.b, admin, 'backup.restore', { file });
    expect(isEncryptedFile(box.dataPath)).toBe(true);
    expect(await ok(box.b, admin, 'safety.encryption', {})).toMatchObject({ encrypted: true });
    expect(box.b.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 5 });
    box.b.close();
    expect(idsFoundIn(box.dataPath, ids)).toBe(0);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key: await deriveKey(code) });
    expect(box.b.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 5 });
  });
});

describe('a crash around the re-key', () => {
  it('is settled at the next start: a plain file rolled back, an encrypted one audited once', async () => {
    box = sandbox();
    const { admin } = await staffWorkspace(box.b);
    const key = await deriveKey(someCode());
    const intent = {
      action: 'encrypt',
      entity: 'safety',
      staged: '',
      after: { keyId: keyIdOf(key), backup: null },
    } as const;
    // Killed before the re-key landed: the file is plain, nothing to record.
    writeRestoreIntent(box.dataPath, intent);
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(box.b.settledRestore?.outcome).toBe('rolledBack');
    // Killed after the re-key and before the call's entry: the entry is written at start.
    writeRestoreIntent(box.dataPath, intent);
    box.b.rekey(key);
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir, key });
    expect(box.b.settledRestore?.outcome).toBe('audited');
    const last = box.b.db
      .prepare(`SELECT action, after_json AS after FROM audit_log ORDER BY id DESC LIMIT 1`)
      .get() as { action: string; after: string };
    expect(last.action).toBe('encrypt');
    expect(JSON.parse(last.after)).toMatchObject({ keyId: keyIdOf(key), recordedAtStart: true });
    expect(await ok(box.b, admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
