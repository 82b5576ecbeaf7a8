// Killing the process in the middle of a commit leaves the data file as it was before the
// import: a child process commits a big roster and is SIGKILLed inside the transaction.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { adminCtx } from '../helpers/backend';
import { bigRoster } from './bigRoster';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'censusdesk-kill-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, hashed in a fixed order: equal hashes, equal content. */
function contentHash(path: string): { hash: string; people: number; audit: number } {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const h = createHash('sha256');
    for (const t of tables)
      for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).raw().iterate())
        h.update(`${t}:${JSON.stringify(row)}\n`);
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { hash: h.digest('hex'), people: count('people'), audit: count('audit_log') };
  } finally {
    db.close();
  }
}

function runChild(args: string[]): Promise<{ killedInside: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: one process, so the SIGKILL hits the one holding the transaction
    // (the tsx command would run the script in a grandchild that outlives the kill).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(process.cwd(), 'test/imports/killChild.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let killedInside = false;
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (!killedInside && output.includes('INSIDE')) {
        killedInside = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killedInside: killedInside && signal === 'SIGKILL', output }));
  });
}

describe('a commit killed half-way', () => {
  it('leaves the database exactly as before the import', async () => {
    const dbPath = join(dir, 'census.db');
    const xlsx = join(dir, 'big.xlsx');
    writeFileSync(xlsx, bigRoster(6_000));
    const b = openBackend(dbPath);
    const ok = async (m: string, i: unknown) => {
      const r = await b.dispatch(m, i, adminCtx);
      if (!r.ok) throw new Error(r.error.message);
    };
    await ok('office.save', {
      countyName: '蓬安县',
      countyCode: '511323',
      cityName: '南充市',
      cityCode: '5113',
      unitName: '蓬安县污普办',
    });
    await ok('person.create', { name: '已有', idNumber: '11010519491231002X', roles: ['普查员'] });
    b.close();
    const before = contentHash(dbPath);

    const { killedInside, output } = await runChild([dbPath, xlsx, '3000']);
    expect(output).toContain('INSIDE 3000'); // killed with 3000 of 6000 people written, uncommitted
    expect(killedInside).toBe(true);
    expect(output).not.toContain('COMMITTED');
    // The process that held the transaction is gone (not a wrapper around it).
    const pid = Number(/pid (\d+)/.exec(output)![1]);
    expect(() => process.kill(pid, 0)).toThrow();

    const after = contentHash(dbPath);
    expect(after).toEqual(before);
    expect(after.people).toBe(1);
    const reopened = openBackend(dbPath);
    try {
      const verdict = await reopened.dispatch('audit.verify', {}, adminCtx);
      expect(verdict.ok && verdict.data).toMatchObject({ ok: true });
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  }, 120_000);

  it('and the same child, not killed, commits all of it (the test can fail)', async () => {
    const dbPath = join(dir, 'census.db');
    const xlsx = join(dir, 'small.xlsx');
    writeFileSync(xlsx, bigRoster(50));
    const b = openBackend(dbPath);
    const r = await b.dispatch(
      'office.save',
      { countyName: '蓬安县', countyCode: '511323', cityName: '南充市', cityCode: '5113', unitName: '蓬安县污普办' },
      adminCtx,
    );
    expect(r.ok).toBe(true);
    b.close();
    const { output } = await runChild([dbPath, xlsx, '1000000']);
    expect(output).toContain('COMMITTED');
    expect(contentHash(dbPath).people).toBe(50);
  }, 120_000);
});
