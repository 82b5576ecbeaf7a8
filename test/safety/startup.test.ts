// Start-up checks: a damaged or newer file is refused and left byte-identical, with the latest good
// backup offered; one app instance writes a data file at a time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { StartupError, restoreAtStartup } from '../../backend/backups/startup';
import { backupNow } from '../../backend/backups/write';
import { LATEST_VERSION } from '../../db/migrations';
import { UserError } from '../../db/errors';
import { dataHash, sandbox, staffWorkspace, type Sandbox } from './fixtures';
import { damageTownshipsPage } from '../helpers/damage';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  const { admin } = await staffWorkspace(box.b);
  for (let i = 0; i < 20; i++)
    await box.b.dispatch(
      'township.create',
      { code: `5113231${String(i).padStart(2, '0')}`, name: `镇${i}` },
      { operator: admin },
    );
});
afterEach(() => box.dispose());

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const listing = () => readdirSync(dirname(box.dataPath)).sort();
function openError(path = box.dataPath): UserError {
  try {
    openBackend(path, { backupDir: box.backupDir }).close();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('openBackend should have refused');
}

describe('a damaged data file', () => {
  it('is refused, left byte-identical, and the latest good backup is offered; restoring it keeps the damaged file', async () => {
    const good = backupNow(box.b, '每日');
    const hashAtBackup = dataHash(box.b.db);
    box.b.close();
    damageTownshipsPage(box.dataPath);
    const before = sha(box.dataPath);
    const files = listing();

    const e = openError();
    expect(e).toBeInstanceOf(StartupError);
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.message).toContain('数据文件已损坏');
    expect(e.message).toContain('程序不会在原文件上修复或覆盖它。文件未作任何改动。');
    expect(e.message).toContain(`最近一份完好的备份是`);
    expect(e.message).toContain(good.path);
    expect((e as StartupError).latestBackup).toMatchObject({ file: good.file, status: '完好' });
    expect(sha(box.dataPath)).toBe(before);
    expect(listing()).toEqual(files);

    const keptAs = restoreAtStartup(box.dataPath, good.path);
    expect(keptAs).toMatch(/census\.db\.损坏-\d+$/);
    expect(sha(keptAs!)).toBe(before);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(dataHash(box.b.db)).toBe(hashAtBackup);
  });

  it('that is not a database at all is refused the same way, and says when there is no backup', () => {
    box.b.close();
    const bytes = readFileSync(box.dataPath);
    bytes.fill(0x20, 0, 100);
    writeFileSync(box.dataPath, bytes);
    const before = sha(box.dataPath);
    const e = openError();
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.message).toContain(`在备份文件夹 ${box.backupDir} 中没有找到可用的备份`);
    expect(sha(box.dataPath)).toBe(before);
    box.b = openBackend(join(box.dir, 'fresh.db'), { backupDir: box.backupDir });
  });

  it('skips a damaged backup when offering one', async () => {
    const older = backupNow(box.b, '每日', new Date(2018, 0, 1));
    const newer = backupNow(box.b, '每日', new Date(2018, 0, 2));
    writeFileSync(newer.path, Buffer.alloc(8192, 1));
    box.b.close();
    damageTownshipsPage(box.dataPath);
    expect((openError() as StartupError).latestBackup?.file).toBe(older.file);
    box.b = openBackend(join(box.dir, 'fresh.db'), { backupDir: box.backupDir });
  });

  it('can be restored with the command the message names', () => {
    const good = backupNow(box.b, '每日');
    box.b.close();
    damageTownshipsPage(box.dataPath);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve('scripts/restore-backup.ts'), box.dataPath, good.path],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已用备份 ${good.path} 恢复数据文件 ${box.dataPath}。`);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(box.b.db.pragma('quick_check', { simple: true })).toBe('ok');
  });
});

describe('a data file from a newer version', () => {
  it('is refused with its version named, byte-identical', () => {
    box.b.close();
    const raw = new Database(box.dataPath);
    raw.pragma(`user_version = ${LATEST_VERSION + 3}`);
    raw.close();
    const before = sha(box.dataPath);
    const files = listing();
    const e = openError();
    expect(e.code).toBe('DB_TOO_NEW');
    expect(e.message).toContain(`数据版本 ${LATEST_VERSION + 3}，本程序支持到 ${LATEST_VERSION}`);
    expect(sha(box.dataPath)).toBe(before);
    expect(listing()).toEqual(files);
    box.b = openBackend(join(box.dir, 'fresh.db'), { backupDir: box.backupDir });
  });
});

describe('one writer per data file', () => {
  it('refuses a second open in the same process until the first closes', () => {
    const e = openError();
    expect(e.code).toBe('DB_LOCKED');
    expect(e.message).toBe(
      `该数据文件已由另一个普查办工作台打开：${box.dataPath}。同一数据文件同一时间只能由一个程序写入，请先关闭另一个窗口（或另一个 npm run serve）后再打开。文件未作任何改动。`,
    );
    box.b.close();
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
  });

  it('refuses a second `serve` on the same file, and the lock goes when the first is killed', async () => {
    box.b.close();
    const serveArgs = ['--import', 'tsx', resolve('backend/serve.ts'), '--data', box.dataPath, '--static', box.dir];
    const started = (p: ChildProcess) =>
      new Promise<string>((ok, fail) => {
        let out = '';
        p.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('已启动')) ok(out);
        });
        p.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
      });
    const first = spawn(process.execPath, serveArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await started(first);
      const second = spawnSync(process.execPath, serveArgs, { encoding: 'utf8', timeout: 60_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('该数据文件已由另一个普查办工作台打开');
    } finally {
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
    }
    // Killed without any clean-up: the operating system released the lock.
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(existsSync(`${box.dataPath}.lock`)).toBe(true);
  }, 120_000);
});
