// The data package as a browser moves it (downloaded and uploaded as base64), and the first run on
// a new PC: a package opened before anyone can log in, allowed only while the data has no operators.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../core/schemas/backups';
import type { Operator } from '../../backend/context';
import { startBackupSchedule } from '../../backend/backups/schedule';
import { contentHash, dataHash, sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
  await box.b.dispatch('township.create', { code: '511323100', name: '相如镇' }, { operator: staff.admin });
});
afterEach(() => box.dispose());

interface Exported {
  path: string | null;
  fileName: string;
  size: number;
  base64: string | null;
}

async function as<T = Record<string, unknown>>(
  b: Sandbox['b'],
  operator: Operator | null,
  method: string,
  input: unknown,
): Promise<T> {
  const r = await b.dispatch(method, input, { operator, checkOutput: true });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
async function refused(b: Sandbox['b'], operator: Operator | null, method: string, input: unknown) {
  const r = await b.dispatch(method, input, { operator });
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}
const packageFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cdpkg')) : []);

describe('a package for the browser to download', () => {
  it('comes back as base64, is the verified workspace, and leaves no copy on disk', async () => {
    const pkg = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
    expect(pkg.path).toBeNull();
    expect(pkg.fileName).toMatch(/^蓬安县_数据包_\d{8}-\d{6}\.cdpkg$/);
    const bytes = Buffer.from(pkg.base64!, 'base64');
    expect(bytes.length).toBe(pkg.size);
    const file = join(box.dir, 'downloaded.cdpkg');
    writeFileSync(file, bytes);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dataHash(copy)).toBe(dataHash(box.b.db));
    copy.close();
    // The temporary copy is written beside the data file (never the system temp folder) and removed.
    expect(
      readdirSync(dirname(box.dataPath)).filter((f) => f !== 'census.db' && !/^census\.db(-wal|-shm|\.lock)$/.test(f)),
    ).toEqual([]);
    expect(packageFiles(box.backupDir)).toEqual([]);
    const audit = box.b.db
      .prepare('SELECT action, entity, after_json AS a FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as { action: string; a: string };
    expect(audit.action).toBe('export');
    expect(JSON.parse(audit.a)).toMatchObject({ path: `（下载）${pkg.fileName}`, size: pkg.size });
  });

  it('never goes through the system temp folder, where a crash would leave the unmasked data behind', async () => {
    const saved = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
    // A temp folder that does not exist: any copy made there fails the download.
    const gone = join(box.dir, '没有的临时文件夹');
    Object.assign(process.env, { TMPDIR: gone, TEMP: gone, TMP: gone });
    try {
      expect(tmpdir()).toBe(gone);
      const pkg = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
      expect(Buffer.from(pkg.base64!, 'base64').length).toBe(pkg.size);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(existsSync(gone)).toBe(false);
  });

  it('left behind by a crash (download or upload) is removed when the backend starts', async () => {
    const leftovers = [
      `${box.dataPath}.download.cdpkg`,
      `${box.dataPath}.download.cdpkg.partial`,
      `${box.dataPath}.upload.cdpkg`,
    ];
    for (const f of leftovers) writeFileSync(f, '完整的数据');
    const unrelated = join(dirname(box.dataPath), '别的.cdpkg');
    writeFileSync(unrelated, '留着');
    const s = startBackupSchedule(box.b, { startDelayMs: 60_000 });
    s.stop();
    expect(leftovers.filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(unrelated)).toBe(true);
  });

  it('cannot be both downloaded and saved to a path', async () => {
    const e = await refused(box.b, staff.admin, 'package.export', { download: true, path: join(box.dir, 'x.cdpkg') });
    expect(e.issues).toEqual([{ path: 'download', message: '下载数据包与指定数据包保存位置只能选择一种' }]);
  });
});

describe('a package uploaded by a browser', () => {
  it('replaces the data like a restore, named by the uploaded file, and leaves no upload behind', async () => {
    const pkg = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
    const there = sandbox();
    try {
      const newAdmin = (await staffWorkspace(there.b)).admin;
      const r = await as<{ restoredFrom: string; safetyCopy: { reason: string } }>(
        there.b,
        newAdmin,
        'package.import',
        { fileName: '迁移.cdpkg', base64: pkg.base64 },
      );
      expect(r).toMatchObject({ restoredFrom: '迁移.cdpkg', safetyCopy: { reason: '恢复前' } });
      expect(dataHash(there.b.db)).toBe(dataHash(box.b.db));
      expect(readdirSync(dirname(there.dataPath)).filter((f) => f.includes('upload'))).toEqual([]);
    } finally {
      there.dispose();
    }
  });

  it('opened twice at once (a double click, two tabs) goes in one after the other, each with its own data', async () => {
    const first = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
    await as(box.b, staff.admin, 'township.create', { code: '511323101', name: '锦屏镇' });
    const second = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
    await as(box.b, staff.admin, 'township.create', { code: '511323102', name: '巨龙镇' });
    const townships = () => box.b.db.prepare('SELECT name FROM townships ORDER BY code').pluck().all();
    const [a, b] = await Promise.all([
      as<{ restoredFrom: string }>(box.b, staff.admin, 'package.import', {
        fileName: '甲.cdpkg',
        base64: first.base64,
      }),
      as<{ restoredFrom: string }>(box.b, staff.admin, 'package.import', {
        fileName: '乙.cdpkg',
        base64: second.base64,
      }),
    ]);
    expect([a.restoredFrom, b.restoredFrom]).toEqual(['甲.cdpkg', '乙.cdpkg']);
    // The later one went in last, over the earlier one's data: the second package's townships.
    expect(townships()).toEqual(['相如镇', '锦屏镇']);
    const last = box.b.db.prepare('SELECT after_json FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string;
    expect(last).toContain('乙.cdpkg');
  });

  it('that is not CensusDesk data is refused by the name the clerk chose, data unchanged, upload removed', async () => {
    const before = contentHash(box.b.db);
    const junk = Buffer.from('这不是数据包'.repeat(400)).toString('base64');
    const e = await refused(box.b, staff.admin, 'package.import', { fileName: '随便.cdpkg', base64: junk });
    expect(e.code).toBe('SOURCE_DAMAGED');
    expect(e.message).toMatch(/^数据包无法使用：.+。当前数据未作任何改动。$/);
    expect(e.message).not.toContain('upload');
    expect(contentHash(box.b.db)).toBe(before);
    expect(readdirSync(dirname(box.dataPath)).filter((f) => f.includes('upload'))).toEqual([]);
  });

  it('is checked before anything happens: one source, a name, base64, and at most the upload limit', async () => {
    const before = contentHash(box.b.db);
    expect((await refused(box.b, staff.admin, 'package.import', {})).issues).toEqual([
      { path: 'path', message: '请选择数据包文件' },
    ]);
    expect((await refused(box.b, staff.admin, 'package.import', { base64: 'AAAA' })).issues).toEqual([
      { path: 'fileName', message: '数据包文件名不能为空' },
    ]);
    expect(
      (await refused(box.b, staff.admin, 'package.import', { fileName: 'a.cdpkg', base64: '不是base64' })).issues,
    ).toEqual([{ path: 'base64', message: '数据包内容应为 base64 文本' }]);
    const both = await refused(box.b, staff.admin, 'package.import', {
      path: join(box.dir, 'a.cdpkg'),
      fileName: 'a.cdpkg',
      base64: 'AAAA',
    });
    expect(both.issues).toEqual([{ path: 'base64', message: '数据包文件与上传内容只能选择一种' }]);
    const tooBig = 'A'.repeat(Math.ceil(MAX_PACKAGE_UPLOAD_BYTES / 3) * 4 + 4);
    const big = await refused(box.b, staff.admin, 'package.import', { fileName: '大.cdpkg', base64: tooBig });
    expect(big.message).toContain('数据包文件过大：浏览器上传最大 14 MB');
    expect(contentHash(box.b.db)).toBe(before);
  });
});

describe('first run on a new PC: setup.importPackage', () => {
  it("opens the old PC's package before anyone can log in; the old operators log in afterwards", async () => {
    const pkg = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
    const fresh = sandbox();
    try {
      const r = await as<{ restoredFrom: string }>(fresh.b, null, 'setup.importPackage', {
        fileName: '旧电脑.cdpkg',
        base64: pkg.base64,
      });
      expect(r.restoredFrom).toBe('旧电脑.cdpkg');
      expect(dataHash(fresh.b.db)).toBe(dataHash(box.b.db));
      expect(await as(fresh.b, null, 'setup.status', {})).toEqual({
        hasOffice: true,
        hasOperators: true,
        encrypted: false,
        locked: false,
      });
      const login = await as<Operator>(fresh.b, null, 'session.login', { name: 'clerk', password: 'secret123' });
      expect(login).toMatchObject({ name: 'clerk', role: '录入员' });
      // Audited into the data it brought in, by nobody in particular, and the chain still holds.
      const last = fresh.b.db
        .prepare(
          `SELECT operator_name AS who, action, entity FROM audit_log WHERE action <> 'login' ORDER BY id DESC LIMIT 1`,
        )
        .get();
      expect(last).toEqual({ who: '系统', action: 'import', entity: 'package' });
      expect(await as(fresh.b, login, 'audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      fresh.dispose();
    }
  });

  it('is refused once operators exist — anonymous, 录入员 and 管理员 alike — and the data stays as it was', async () => {
    const pkg = await as<Exported>(box.b, staff.admin, 'package.export', { download: true });
    await box.b.dispatch('township.create', { code: '511323101', name: '锦屏镇' }, { operator: staff.admin });
    const before = contentHash(box.b.db);
    for (const who of [null, staff.clerk, staff.admin]) {
      const e = await refused(box.b, who, 'setup.importPackage', { fileName: 'a.cdpkg', base64: pkg.base64 });
      expect(e.code).toBe('ALREADY_INITIALIZED');
      expect(e.message).toBe(
        '系统已有操作员，不能在登录前导入数据包：请由管理员登录后在“系统设置 → 数据包”中打开数据包',
      );
    }
    expect(contentHash(box.b.db)).toBe(before);
    // package.import itself stays a 管理员's: refused to anyone else before any file is read.
    expect((await refused(box.b, null, 'package.import', { fileName: 'a.cdpkg', base64: pkg.base64 })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await refused(box.b, staff.clerk, 'package.import', { fileName: 'a.cdpkg', base64: pkg.base64 })).code,
    ).toBe('FORBIDDEN');
    expect(contentHash(box.b.db)).toBe(before);
  });
});
