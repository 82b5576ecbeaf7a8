// Backups and data packages under a key, through dispatch: restore on a fresh PC with the 恢复码
// (the package's data comes in, encrypted under its code), refused without it or with a wrong one
// (every file of the new workspace byte-identical), a malformed code refused by the field; a
// package from another office's key re-keyed to the local key; a plain package encrypted on its
// way in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import type { Operator, Workspace } from '../../backend/context';
import { createDispatch } from '../../backend/dispatch';
import { UserError } from '../../db/errors';
import { deriveKey, keyIdOf } from '../../backend/recoveryKey';
import { RECOVERY_CODE_CHECK_MESSAGE } from '../../core/recoveryCode';
import { isEncryptedFile } from '../../db/cipher';
import { dataHash, PASSWORD, sandbox, staffWorkspace, type Sandbox } from '../safety/fixtures';
import { addPeople, encrypt, filesOf, idsFoundIn, ok, refused, someCode } from './fixtures';

/** Office A: encrypted, with people, and its package exported to a path. */
let a: Sandbox;
let aCode: string;
let aIds: string[];
let pkg: string;
const opened: Sandbox[] = [];
const fresh = (opts: Parameters<typeof sandbox>[0] = {}) => {
  const s = sandbox(opts);
  opened.push(s);
  return s;
};

beforeEach(async () => {
  a = fresh();
  const { admin } = await staffWorkspace(a.b);
  aCode = (await encrypt(a.b, admin)).code;
  aIds = await addPeople(a.b, admin, 30);
  pkg = (await ok<{ path: string }>(a.b, admin, 'package.export', { path: join(a.dir, 'A.cdpkg') })).path;
});
afterEach(() => {
  for (const s of opened.splice(0)) s.dispose();
});

/** A wrong (well-formed) code: its check digits fit, its key opens nothing. */
const wrongCode = () => someCode();

describe('restore on a fresh workspace with the 恢复码 (setup.importPackage)', () => {
  it('brings A’s data in, encrypted under A’s code, reopenable with it; the shell is told the code', async () => {
    const told: string[] = [];
    const b = fresh({ onRecoveryCode: (c) => told.push(c) });
    await ok(b.b, null, 'setup.importPackage', { path: pkg, recoveryCode: aCode });
    expect(dataHash(b.b.db)).toBe(dataHash(a.b.db));
    expect(isEncryptedFile(b.dataPath)).toBe(true);
    expect(await ok(b.b, null, 'setup.status', {})).toMatchObject({ encrypted: true, locked: false });
    expect(told).toEqual([aCode]);
    const clerk = await ok<Operator>(b.b, null, 'session.login', { name: 'clerk', password: PASSWORD });
    expect(await ok(b.b, clerk, 'safety.encryption', {})).toEqual({
      encrypted: true,
      keyId: keyIdOf(await deriveKey(aCode)),
    });
    const hash = dataHash(b.b.db);
    b.b.close();
    expect(idsFoundIn(b.dataPath, aIds)).toBe(0);
    b.b = openBackend(b.dataPath, { backupDir: b.backupDir, key: await deriveKey(aCode) });
    expect(dataHash(b.b.db)).toBe(hash);
  });

  it('without the code: RECOVERY_CODE_NEEDED; with a wrong one: RECOVERY_CODE_WRONG in Chinese — every file byte-identical', async () => {
    const b = fresh();
    const before = filesOf(b.dir);
    const pkgBytes = filesOf(a.dir)[pkg];
    const none = await refused(b.b, null, 'setup.importPackage', { path: pkg });
    expect(none.code).toBe('RECOVERY_CODE_NEEDED');
    expect(none.message).toBe('此数据包已加密，请输入它的恢复码。当前数据未作任何改动。');
    expect(none.issues).toEqual([{ path: 'recoveryCode', message: '请输入此数据包的恢复码' }]);
    const wrong = await refused(b.b, null, 'setup.importPackage', { path: pkg, recoveryCode: wrongCode() });
    expect(wrong.code).toBe('RECOVERY_CODE_WRONG');
    expect(wrong.message).toBe('恢复码不正确：无法打开此数据文件（或备份、数据包）。未作任何改动。');
    expect(filesOf(b.dir)).toEqual(before);
    expect(filesOf(a.dir)[pkg]).toBe(pkgBytes);
    expect(isEncryptedFile(b.dataPath)).toBe(false);
    expect(await ok(b.b, null, 'setup.status', {})).toMatchObject({ hasOperators: false, encrypted: false });
  });

  it('a malformed code (bad check digits) is refused by the field, before any file is read', async () => {
    const b = fresh();
    const before = filesOf(b.dir);
    const digits = aCode.replace(/-/g, '');
    const bad = `${digits.slice(0, 31)}${(Number(digits[31]) + 1) % 10}`;
    const e = await refused(b.b, null, 'setup.importPackage', { path: pkg, recoveryCode: bad });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([{ path: 'recoveryCode', message: RECOVERY_CODE_CHECK_MESSAGE }]);
    expect(filesOf(b.dir)).toEqual(before);
  });

  it('an uploaded package (browser) asks for its code the same way and leaves no upload behind', async () => {
    const b = fresh();
    const before = filesOf(b.dir);
    const base64 = readFileSync(pkg).toString('base64');
    const e = await refused(b.b, null, 'setup.importPackage', { fileName: '旧电脑.cdpkg', base64 });
    expect(e.code).toBe('RECOVERY_CODE_NEEDED');
    expect(filesOf(b.dir)).toEqual(before);
    const r = await ok<{ restoredFrom: string }>(b.b, null, 'setup.importPackage', {
      fileName: '旧电脑.cdpkg',
      base64,
      recoveryCode: aCode,
    });
    expect(r.restoredFrom).toBe('旧电脑.cdpkg');
    expect(dataHash(b.b.db)).toBe(dataHash(a.b.db));
  });
});

describe('package.import into a workspace under another key', () => {
  it('asks for the package’s code, then re-keys it: afterwards the local code still opens everything', async () => {
    const told: string[] = [];
    const c = fresh({ onRecoveryCode: (code) => told.push(code) });
    const { admin } = await staffWorkspace(c.b);
    const { code: cCode, keyId } = await encrypt(c.b, admin);
    told.length = 0;
    const before = filesOf(c.dir);
    const asked = await refused(c.b, admin, 'package.import', { path: pkg });
    expect(asked.code).toBe('RECOVERY_CODE_NEEDED');
    expect(asked.message).toBe('此数据包由其他恢复码加密，请输入它的恢复码。当前数据未作任何改动。');
    expect((await refused(c.b, admin, 'package.import', { path: pkg, recoveryCode: cCode })).code).toBe(
      'RECOVERY_CODE_WRONG',
    );
    expect(filesOf(c.dir)).toEqual(before);
    await ok(c.b, admin, 'package.import', { path: pkg, recoveryCode: aCode });
    expect(dataHash(c.b.db)).toBe(dataHash(a.b.db));
    // Still C's key: nothing for the shell to store anew.
    expect(await ok(c.b, admin, 'safety.encryption', {})).toEqual({ encrypted: true, keyId });
    expect(told).toEqual([]);
    const backup = await ok<{ path: string }>(c.b, admin, 'backup.now', {});
    const hash = dataHash(c.b.db);
    c.b.close();
    expect(idsFoundIn(c.dataPath, aIds)).toBe(0);
    expect(() => openBackend(c.dataPath, { backupDir: c.backupDir, key: Buffer.alloc(32, 1) })).toThrow(/恢复码不正确/);
    c.b = openBackend(c.dataPath, { backupDir: c.backupDir, key: await deriveKey(cCode) });
    expect(dataHash(c.b.db)).toBe(hash);
    // The backup made after the import opens with C's code as well (a restore of it needs no code).
    const file = backup.path.split(/[\\/]/).pop();
    const clerk = await ok<Operator>(c.b, null, 'session.login', { name: 'admin', password: PASSWORD });
    await ok(c.b, clerk, 'backup.restore', { file });
    expect(dataHash(c.b.db)).toBe(hash);
  });

  it('a plain package into an encrypted workspace is encrypted under the local key on its way in', async () => {
    const plain = fresh();
    const { admin: plainAdmin } = await staffWorkspace(plain.b);
    const plainIds = await addPeople(plain.b, plainAdmin, 10, 500);
    const plainPkg = (
      await ok<{ path: string }>(plain.b, plainAdmin, 'package.export', { path: join(plain.dir, 'P.cdpkg') })
    ).path;
    expect(isEncryptedFile(plainPkg)).toBe(false);
    const c = fresh();
    const { admin } = await staffWorkspace(c.b);
    const { code, keyId } = await encrypt(c.b, admin);
    await ok(c.b, admin, 'package.import', { path: plainPkg });
    expect(dataHash(c.b.db)).toBe(dataHash(plain.b.db));
    expect(await ok(c.b, admin, 'safety.encryption', {})).toEqual({ encrypted: true, keyId });
    c.b.close();
    expect(isEncryptedFile(c.dataPath)).toBe(true);
    expect(idsFoundIn(c.dataPath, plainIds)).toBe(0);
    c.b = openBackend(c.dataPath, { backupDir: c.backupDir, key: await deriveKey(code) });
    expect(c.b.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 10 });
  });

  it('a package under the local key opens as today, without a code', async () => {
    const admin = await ok<Operator>(a.b, null, 'session.login', { name: 'admin', password: PASSWORD });
    await addPeople(a.b, admin, 3, 900);
    await ok(a.b, admin, 'package.import', { path: pkg });
    expect(a.b.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 30 });
  });
});

describe('a swap that fails in an encrypted office', () => {
  it('puts the data back from the safety copy, still encrypted under the office’s key', async () => {
    const admin = await ok<Operator>(a.b, null, 'session.login', { name: 'admin', password: PASSWORD });
    const backup = await ok<{ file: string }>(a.b, admin, 'backup.now', {});
    await addPeople(a.b, admin, 3, 700);
    const before = dataHash(a.b.db);
    // The swapped-in file "will not open" once: the workspace must go back to the data as it was.
    let failOnce = true;
    const ws: Workspace = {
      get db() {
        return a.b.db;
      },
      path: a.b.path,
      get backupDir() {
        return a.b.backupDir;
      },
      get key() {
        return a.b.key;
      },
      rekey: (k) => a.b.rekey(k),
      reopen: (swap) => {
        a.b.reopen(swap);
        if (failOnce) {
          failOnce = false;
          throw new UserError('DB_CORRUPT', '换入的文件无法打开');
        }
      },
    };
    const r = await createDispatch(ws)('backup.restore', { file: backup.file }, { operator: admin });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('恢复失败（换入的文件无法打开），已回到恢复前的数据。');
    expect(dataHash(a.b.db)).toBe(before);
    a.b.close();
    expect(isEncryptedFile(a.dataPath)).toBe(true);
    a.b = openBackend(a.dataPath, { backupDir: a.backupDir, key: await deriveKey(aCode) });
    expect(dataHash(a.b.db)).toBe(before);
  });
});
