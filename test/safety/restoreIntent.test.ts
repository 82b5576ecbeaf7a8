// A restore killed between swapping the data file and writing its audit entry (issue 15 item 6):
// the swap is announced first (backend/backups/restoreIntent.ts), and the next start settles it —
// the entry written then if the swap happened, the staged copy removed if it did not. The kill is
// real: a child process restoring through dispatch sends itself SIGKILL at that moment.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { intentPathOf } from '../../backend/backups/restoreIntent';
import { backupNow } from '../../backend/backups/write';
import type { Operator } from '../../backend/context';
import { dataHash, sandbox, staffWorkspace, type Sandbox } from './fixtures';

let box: Sandbox;
let admin: Operator;
let backupFile: string;
let backupData: string;
let liveData: string;

beforeEach(async () => {
  box = sandbox();
  ({ admin } = await staffWorkspace(box.b));
  const made = backupNow(box.b, '手动');
  backupFile = made.file;
  backupData = dataHash(box.b.db);
  const r = await box.b.dispatch('township.create', { code: '511323100', name: '相如镇' }, { operator: admin });
  expect(r.ok).toBe(true);
  liveData = dataHash(box.b.db);
  box.b.close();
});
afterEach(() => box.dispose());

function restoreKilled(when: 'beforeSwap' | 'afterSwap'): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve('test/safety/restoreKillChild.ts'),
      box.dataPath,
      box.backupDir,
      backupFile,
      when,
      JSON.stringify(admin),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((ok, fail) =>
    child.on('exit', (code, signal) => (signal ? ok(signal) : fail(new Error(`child exited ${code}: ${out}`)))),
  );
}

const restoreEntries = () =>
  box.b.db
    .prepare(`SELECT operator_name AS who, after_json AS after FROM audit_log WHERE action = 'restore'`)
    .all() as {
    who: string;
    after: string;
  }[];

describe('a restore killed after the swap, before its audit entry', () => {
  it('is audited at the next start, once, into the restored data', async () => {
    expect(await restoreKilled('afterSwap')).toBe('SIGKILL');
    const intentPath = intentPathOf(box.dataPath);
    expect(existsSync(intentPath)).toBe(true);
    const intent = readFileSync(intentPath, 'utf8');

    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(box.b.settledRestore?.outcome).toBe('audited');
    expect(dataHash(box.b.db)).toBe(backupData);
    const entries = restoreEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0].who).toBe('admin');
    expect(JSON.parse(entries[0].after)).toMatchObject({ from: backupFile, recordedAtStart: true });
    expect(JSON.parse(entries[0].after).safetyCopy).toMatch(/恢复前/);
    expect(existsSync(intentPath)).toBe(false);
    const verified = await box.b.dispatch('audit.verify', {}, { operator: admin });
    expect(verified).toMatchObject({ ok: true, data: { ok: true } });
    // The backups before the restore (the 恢复前 copy among them) hold the replaced data's longer
    // log: they are set aside, so the start check does not report the restored log as cut.
    const checks = await box.b.dispatch('dashboard.checks', {}, { operator: admin });
    if (!checks.ok) throw new Error(checks.error.message);
    const auditCheck = (checks.data as { checks: { id: string; severity: string }[] }).checks.find(
      (c) => c.id === 'auditLog',
    );
    expect(auditCheck?.severity).toBe('ok');

    // Killed after the entry but before the intent went: the next start finds the entry, adds none.
    box.b.close();
    writeFileSync(intentPath, intent);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(box.b.settledRestore?.outcome).toBe('alreadyAudited');
    expect(restoreEntries()).toHaveLength(1);
    expect(existsSync(intentPath)).toBe(false);
  }, 60_000);
});

describe('a restore killed before the swap', () => {
  it('is rolled back at the next start: the staged copy removed, the data and log as they were', async () => {
    expect(await restoreKilled('beforeSwap')).toBe('SIGKILL');
    expect(existsSync(`${box.dataPath}.restoring`)).toBe(true);
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    expect(box.b.settledRestore?.outcome).toBe('rolledBack');
    expect(existsSync(`${box.dataPath}.restoring`)).toBe(false);
    expect(existsSync(intentPathOf(box.dataPath))).toBe(false);
    expect(dataHash(box.b.db)).toBe(liveData);
    expect(restoreEntries()).toHaveLength(0);
  }, 60_000);
});

describe('a restore that finishes', () => {
  it('leaves no intent behind', async () => {
    box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
    const r = await box.b.dispatch('backup.restore', { file: backupFile }, { operator: admin });
    expect(r.ok).toBe(true);
    expect(existsSync(intentPathOf(box.dataPath))).toBe(false);
    expect(restoreEntries()).toHaveLength(1);
    expect(JSON.parse(restoreEntries()[0].after)).not.toHaveProperty('recordedAtStart');
  });
});
