// Backups that restore: made by SQLite and verified, listed with date, size and status, thinned to
// tiers, restored with a safety copy first; the data package round trip.
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrations';
import type { BackupRecord } from '../../core/schemas/backups';
import { openBackend } from '../../backend/app';
import { backupsToKeep, isoWeekKey } from '../../backend/backups/tiers';
import { dailyBackupDue, startBackupSchedule } from '../../backend/backups/schedule';
import { defaultBackupDir, localConfigPath } from '../../backend/backups/folder';
import { tmpdir } from 'node:os';
import { contentHash, dataHash, sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
});
afterEach(() => box.dispose());

async function call<T = Record<string, unknown>>(method: string, input: unknown, now?: Date): Promise<T> {
  const r = await box.b.dispatch(method, input, { operator: staff.admin, checkOutput: true, now: now && (() => now) });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
async function refused(method: string, input: unknown) {
  const r = await box.b.dispatch(method, input, { operator: staff.admin });
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}
const addTownship = (n: number) =>
  call('township.create', { code: `5113231${String(n).padStart(2, '0')}`, name: `镇${n}` });
const openCopy = (path: string) => new Database(path, { readonly: true });

describe('a backup', () => {
  it('is a verified SQLite copy of the committed data, listed with date, size and status', async () => {
    await addTownship(1);
    const made = await call<BackupRecord>('backup.now', {});
    expect(made).toMatchObject({ reason: '手动', status: '完好', schemaVersion: LATEST_VERSION, problem: null });
    expect(made.file).toMatch(/^census_\d{8}-\d{6}_手动\.db$/);
    const copy = openCopy(made.path);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dataHash(copy)).toBe(dataHash(box.b.db));
    copy.close();
    const list = await call<{ folder: string; rows: BackupRecord[]; total: number }>('backup.list', {});
    expect(list.folder).toBe(box.backupDir);
    expect(list.rows).toEqual([made]);
    expect(list.rows[0].size).toBe(readFileSync(made.path).length);
    const audit = box.b.db.prepare(`SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(audit).toEqual({ action: 'backup', entity: 'backup' });
  });

  it('changed on disk is 待校验, and a check that fails marks it 已损坏', async () => {
    const made = await call<BackupRecord>('backup.now', {});
    const bytes = readFileSync(made.path);
    bytes.fill(0x55, 8192, 12288); // damage a page in the middle
    writeFileSync(made.path, Buffer.concat([bytes, Buffer.alloc(4096)]));
    expect((await call<{ rows: BackupRecord[] }>('backup.list', {})).rows[0].status).toBe('待校验');
    const checked = await call<BackupRecord>('backup.verify', { file: made.file });
    expect(checked).toMatchObject({ status: '已损坏' });
    expect(checked.problem).toMatch(/检查未通过|损坏/);
    expect((await call<{ rows: BackupRecord[] }>('backup.list', {})).rows[0].status).toBe('已损坏');
    expect((await refused('backup.verify', { file: '../census.db' })).message).toBe('备份文件应为备份列表中的文件名');
  });

  it('made while another connection writes continuously restores to a consistent database', async () => {
    // A separate process writes a township and its three villages per transaction, nonstop.
    const writer = `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(box.dataPath)}); db.pragma('busy_timeout = 5000');
      const t = db.prepare("INSERT INTO townships (code, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
      const v = db.prepare("INSERT INTO villages (township_id, code, name, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
      const one = db.transaction((i) => { const code = String(i).padStart(9, '0'); const id = t.run(code, 'w' + i).lastInsertRowid;
        for (let k = 1; k <= 3; k++) v.run(id, code + String(k).padStart(3, '0'), 'v' + k); });
      const pause = new Int32Array(new SharedArrayBuffer(4));
      let i = 0; process.stdout.write('ready\\n'); for (;;) { one(i++); Atomics.wait(pause, 0, 0, 1); }`;
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['-e', writer], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ok) => child.stdout!.once('data', () => ok()));
      const made: BackupRecord[] = [];
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 30));
        made.push(await call<BackupRecord>('backup.now', {}));
      }
      child.kill('SIGKILL');
      const counts = new Set<number>();
      for (const m of made) {
        const copy = openCopy(m.path);
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        // Never half a transaction: every township has all three villages.
        const torn = copy
          .prepare(
            'SELECT count(*) AS n FROM townships t WHERE (SELECT count(*) FROM villages v WHERE v.township_id = t.id) <> 3',
          )
          .get();
        expect(torn).toEqual({ n: 0 });
        counts.add((copy.prepare('SELECT count(*) AS n FROM townships').get() as { n: number }).n);
        copy.close();
      }
      expect(counts.size).toBeGreaterThan(1); // the writer really was writing between backups
    } finally {
      child.kill('SIGKILL');
    }
    // And a restore of one of them works through the app.
    const latest = (await call<{ rows: BackupRecord[] }>('backup.list', {})).rows[0];
    await call('backup.restore', { file: latest.file });
    expect(box.b.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('retention tiers', () => {
  const at = (iso: string, reason: BackupRecord['reason'] = '每日') => ({
    file: `${iso}_${reason}`,
    createdAt: new Date(iso).toISOString(),
    reason,
  });

  it('keeps the newest of 7 days, 4 weeks and 12 months, the 3 newest, and every 手动 one', () => {
    const rows = [];
    // Two backups a day for 400 days, plus an old manual one.
    for (let d = 0; d < 400; d++) {
      const day = new Date(2018, 0, 1 + d);
      rows.push(
        at(new Date(day.getTime() + 9 * 3600_000).toISOString()),
        at(new Date(day.getTime() + 18 * 3600_000).toISOString()),
      );
    }
    rows.push(at('2018-01-05T10:00:00', '手动'));
    const keep = backupsToKeep(rows);
    const kept = rows.filter((r) => keep.has(r.file));
    expect(kept.some((r) => r.reason === '手动')).toBe(true);
    // 3 newest (the last 2 days) + 7 days + up to 4 weeks + 12 months, overlapping.
    expect(kept.length).toBeGreaterThanOrEqual(12 + 1);
    expect(kept.length).toBeLessThanOrEqual(3 + 7 + 4 + 12 + 1);
    const months = new Set(kept.filter((r) => r.reason !== '手动').map((r) => r.createdAt.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(isoWeekKey(new Date(2021, 0, 3))).toBe('2020-W53');
    expect(isoWeekKey(new Date(2018, 11, 31))).toBe('2019-W01');
  });

  it('keep every safety copy made before a restore, a data package or a migration, like 手动 ones', () => {
    // A safety copy, then three newer automatic backups the same day and months of daily ones.
    const rows = [at('2018-06-30T09:00:00', '恢复前'), at('2018-06-30T09:05:00', '迁移前')];
    rows.push(
      at('2018-06-30T10:00:00', '导入前'),
      at('2018-06-30T11:00:00', '启动'),
      at('2018-06-30T12:00:00', '每日'),
    );
    for (let d = 1; d < 400; d++) rows.push(at(new Date(2018, 5, 30 + d, 9).toISOString()));
    const keep = backupsToKeep(rows);
    expect(keep.has(rows[0].file)).toBe(true);
    expect(keep.has(rows[1].file)).toBe(true);
    // Other automatic backups of that day are still thinned.
    expect(keep.has(rows[2].file) && keep.has(rows[3].file)).toBe(false);
  });

  it('never prune the safety copy of a restore, however many backups follow it', async () => {
    await addTownship(1);
    const backup = await call<BackupRecord>('backup.now', {});
    await addTownship(2);
    const r = await call<{ safetyCopy: BackupRecord }>('backup.restore', { file: backup.file });
    const { writeBackup } = await import('../../backend/backups/write');
    const later = new Date(Date.parse(r.safetyCopy.createdAt) + 60_000);
    for (const [i, reason] of (['导入前', '启动', '每日', '导入前'] as const).entries()) {
      writeBackup(box.backupDir, box.dataPath, box.dataPath, reason, new Date(later.getTime() + i * 60_000));
    }
    // Months later, with a daily backup each day in between.
    for (let d = 1; d < 60; d++)
      writeBackup(box.backupDir, box.dataPath, box.dataPath, '每日', new Date(later.getTime() + d * 86_400_000));
    expect(existsSync(r.safetyCopy.path)).toBe(true);
    const listed = await call<{ rows: BackupRecord[] }>('backup.list', { filters: { reason: '恢复前' } });
    expect(listed.rows.map((b) => b.file)).toEqual([r.safetyCopy.file]);
  }, 120_000);

  it('are applied as backups are made: months of daily backups stay a small folder', async () => {
    const start = new Date(2018, 0, 1, 9);
    for (let d = 0; d < 5; d++) await call('backup.now', {}, new Date(start.getTime() + d * 86_400_000));
    const { writeBackup } = await import('../../backend/backups/write');
    for (let d = 5; d < 65; d++)
      writeBackup(box.backupDir, box.dataPath, box.dataPath, '每日', new Date(start.getTime() + d * 86_400_000));
    // Manual backups are never thinned; of 60 daily ones, 7 days + 4 weeks + 3 months (overlapping) stay.
    expect(readdirSync(box.backupDir).filter((f) => f.endsWith('_手动.db'))).toHaveLength(5);
    const daily = readdirSync(box.backupDir).filter((f) => f.endsWith('_每日.db'));
    expect(daily.length).toBeGreaterThanOrEqual(7 + 3);
    expect(daily.length).toBeLessThanOrEqual(7 + 4 + 3);
    const catalogue = JSON.parse(readFileSync(join(box.backupDir, 'census_备份记录.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(catalogue).sort()).toEqual(
      readdirSync(box.backupDir)
        .filter((f) => f.endsWith('.db'))
        .sort(),
    );
  }, 120_000);
});

describe('the schedule', () => {
  it('backs up at start, and again once the newest backup is a day old', () => {
    let now = new Date(2018, 5, 1, 8);
    const made: BackupRecord[] = [];
    const s = startBackupSchedule(box.b, { now: () => now, onBackup: (r) => made.push(r), checkEveryMs: 3_600_000 });
    s.stop();
    expect(made.map((m) => m.reason)).toEqual(['启动']);
    expect(dailyBackupDue(box.b, new Date(2018, 5, 2, 7))).toBe(false);
    now = new Date(2018, 5, 2, 8);
    expect(dailyBackupDue(box.b, now)).toBe(true);
  });

  it('backs up at start even when nobody listens for the result (the desktop shell only logs failures)', () => {
    const s = startBackupSchedule(box.b, { now: () => new Date(2018, 5, 1, 8) });
    s.stop();
    expect(readdirSync(box.backupDir).filter((f) => f.endsWith('_启动.db'))).toHaveLength(1);
  });
});

describe('restore', () => {
  it('brings back the data of the backup, after a safety copy of the current data, and audits it', async () => {
    await addTownship(1);
    const backup = await call<BackupRecord>('backup.now', {});
    const hashAtBackup = dataHash(openCopy(backup.path));
    await addTownship(2);
    const beforeRestore = dataHash(box.b.db);
    const r = await call<{ restoredFrom: string; safetyCopy: BackupRecord; fromVersion: number }>('backup.restore', {
      file: backup.file,
    });
    expect(r).toMatchObject({
      restoredFrom: backup.file,
      fromVersion: LATEST_VERSION,
      safetyCopy: { reason: '恢复前', status: '完好' },
    });
    expect(dataHash(box.b.db)).toBe(hashAtBackup);
    const safety = openCopy(r.safetyCopy.path);
    expect(dataHash(safety)).toBe(beforeRestore);
    safety.close();
    const last = box.b.db
      .prepare('SELECT action, entity, after_json AS a FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as { action: string; a: string };
    expect(last.action).toBe('restore');
    expect(JSON.parse(last.a)).toMatchObject({ from: backup.file, safetyCopy: r.safetyCopy.file });
    expect((await call('audit.verify', {})) as unknown).toEqual({ ok: true, count: expect.any(Number) });
    // The app goes on working on the restored data.
    await addTownship(3);
    expect((box.b.db.prepare('SELECT count(*) AS n FROM townships').get() as { n: number }).n).toBe(2);
  });

  it('refuses a damaged backup and leaves the data exactly as it was', async () => {
    const backup = await call<BackupRecord>('backup.now', {});
    const bytes = readFileSync(backup.path);
    bytes.fill(0, 0, 100); // the header: no longer a database
    writeFileSync(backup.path, bytes);
    const before = contentHash(box.b.db);
    const e = await refused('backup.restore', { file: backup.file });
    expect(e.code).toBe('SOURCE_DAMAGED');
    expect(e.message).toMatch(/^备份文件无法使用：.+。当前数据未作任何改动。$/);
    expect(contentHash(box.b.db)).toBe(before);
    expect((await refused('backup.restore', { file: 'census_20180101-000000_手动.db' })).code).toBe('NOT_FOUND');
  });

  it('of a backup whose operators differ asks everyone to log in again', async () => {
    const backup = await call<BackupRecord>('backup.now', {});
    await call('operator.update', { id: staff.clerk.id!, name: 'clerk2' });
    await call('backup.restore', { file: backup.file });
    // Same id and name as in the restored data: carries on. A name the restored data does not know: refused.
    expect((await box.b.dispatch('township.list', {}, { operator: staff.clerk })).ok).toBe(true);
    const renamed = await box.b.dispatch('township.list', {}, { operator: { ...staff.clerk, name: 'clerk2' } });
    expect(renamed.ok ? null : renamed.error.code).toBe('SESSION_INVALID');
  });
});

describe('the backup folder setting', () => {
  it('defaults to a folder beside the data folder; a throwaway workspace in the temp folder keeps its own', () => {
    expect(defaultBackupDir('/home/clerk/普查/data/censusdesk.db')).toBe('/home/clerk/普查/CensusDesk备份');
    expect(defaultBackupDir(join(tmpdir(), 'censusdesk-e2e-1', 'census.db'))).toBe(
      join(tmpdir(), 'censusdesk-e2e-1', 'CensusDesk备份'),
    );
  });

  it('is kept beside the data file, checked before it is saved, and used at once', async () => {
    const other = join(box.dir, '别的备份');
    const s = await call<{ backupFolder: string; defaultBackupFolder: string }>('safety.saveSettings', {
      backupFolder: other,
    });
    expect(s.backupFolder).toBe(other);
    expect(s.defaultBackupFolder).toBe(join(box.dir, 'CensusDesk备份'));
    expect(JSON.parse(readFileSync(localConfigPath(box.dataPath), 'utf8'))).toEqual({ folder: other });
    const blocker = join(box.dir, 'a-file');
    writeFileSync(blocker, 'x');
    const e = await refused('safety.saveSettings', { backupFolder: join(blocker, 'sub') });
    expect(e.code).toBe('BACKUP_FOLDER');
    expect(e.message).toMatch(/^无法写入备份文件夹 /);
    expect((await refused('safety.saveSettings', { backupFolder: '相对路径' })).message).toMatch(/应为完整路径/);
    // The sandbox pins its folder; a backend that follows the setting writes to the chosen one.
    box.b.close();
    const follows = openBackend(box.dataPath);
    try {
      expect(follows.backupDir).toBe(other);
    } finally {
      follows.close();
      box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    }
  });
});

describe('the data package', () => {
  it('moves the whole workspace: export here, import there, or open it directly', async () => {
    await addTownship(1);
    await call('person.create', { name: '张三', roles: ['普查员'], idNumber: '11010519491231002X' });
    const pkg = await call<{ path: string; size: number }>('package.export', {});
    expect(pkg.path).toMatch(/蓬安县_数据包_\d{8}-\d{6}\.cdpkg$/);
    const exported = openCopy(pkg.path);
    expect(exported.pragma('integrity_check', { simple: true })).toBe('ok');
    const hashHere = dataHash(exported);
    const auditHere = (exported.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    exported.close();
    expect(hashHere).toBe(dataHash(box.b.db));

    // The new PC: first run, then import as its admin.
    const there = sandbox();
    try {
      const newAdmin = (await staffWorkspace(there.b)).admin;
      const r = await there.b.dispatch('package.import', { path: pkg.path }, { operator: newAdmin, checkOutput: true });
      expect(r.ok).toBe(true);
      expect(dataHash(there.b.db)).toBe(hashHere);
      // The package's log plus the import itself, chain intact.
      const verdict = await there.b.dispatch('audit.verify', {}, { operator: staff.admin });
      expect(verdict).toEqual({ ok: true, data: { ok: true, count: auditHere + 1 } });
      // The operators came along: the old admin logs in on the new PC.
      expect(
        (await there.b.dispatch('session.login', { name: 'admin', password: 'secret123' }, { operator: null })).ok,
      ).toBe(true);
    } finally {
      there.dispose();
    }

    // Or copied into place and opened as the data file (`npm run serve -- --data …`).
    const copied = join(box.dir, 'newpc', 'censusdesk.db');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(box.dir, 'newpc'));
    copyFileSync(pkg.path, copied);
    const opened = openBackend(copied, { backupDir: join(box.dir, 'newpc-backups') });
    try {
      expect(dataHash(opened.db)).toBe(hashHere);
    } finally {
      opened.close();
    }
    expect(existsSync(`${copied}.lock`)).toBe(true);
  });

  it('refuses a file that is not CensusDesk data', async () => {
    const stray = join(box.dir, 'stray.cdpkg');
    const other = new Database(stray);
    other.exec('CREATE TABLE t (x)');
    other.pragma('user_version = 1');
    other.close();
    const before = contentHash(box.b.db);
    expect((await refused('package.import', { path: stray })).message).toBe(
      '数据包无法使用：不是普查办工作台的数据文件。当前数据未作任何改动。',
    );
    expect(contentHash(box.b.db)).toBe(before);
  });

  it('exported again to the path the clerk chose replaces the file there with a valid package', async () => {
    const chosen = join(box.dir, '导出', '迁移.cdpkg');
    await addTownship(1);
    const first = await call<{ path: string }>('package.export', { path: chosen });
    expect(first.path).toBe(chosen);
    await addTownship(2);
    // The desktop save dialog has already asked "replace?": the export goes ahead.
    const second = await call<{ path: string; size: number }>('package.export', { path: chosen });
    expect(second.path).toBe(chosen);
    const copy = openCopy(chosen);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dataHash(copy)).toBe(dataHash(box.b.db));
    expect((copy.prepare('SELECT count(*) AS n FROM townships').get() as { n: number }).n).toBe(2);
    copy.close();
    expect(readdirSync(join(box.dir, '导出'))).toEqual(['迁移.cdpkg']);
  });

  it('is never written over the data file in use, nor over a folder; what was there stays', async () => {
    // A package opened directly as the data file (`npm run serve -- --data x.cdpkg`).
    const asData = join(box.dir, 'pkgdata', '迁移.cdpkg');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(box.dir, 'pkgdata'));
    copyFileSync((await call<{ path: string }>('package.export', { path: join(box.dir, 'src.cdpkg') })).path, asData);
    const opened = openBackend(asData, { backupDir: join(box.dir, 'pkgdata-backups') });
    try {
      const before = readFileSync(asData);
      const e = await opened.dispatch('package.export', { path: asData }, { operator: staff.admin });
      expect(e.ok ? null : e.error).toMatchObject({
        code: 'PACKAGE_TARGET',
        message: `数据包不能保存为正在使用的数据文件：${asData}`,
      });
      expect(readFileSync(asData).equals(before)).toBe(true);
    } finally {
      opened.close();
    }
    const folder = join(box.dir, '文件夹.cdpkg');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep.txt'), '留着');
    const e = await refused('package.export', { path: folder });
    expect(e).toMatchObject({ code: 'PACKAGE_TARGET', message: `数据包保存位置是一个文件夹：${folder}` });
    expect(readFileSync(join(folder, 'keep.txt'), 'utf8')).toBe('留着');
    expect(readdirSync(box.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
