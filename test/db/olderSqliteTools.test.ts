// The data file opens in an SQLite tool older than the app's own SQLite: Debian 12's sqlite3 is
// 3.40, which refuses the whole schema if any view uses later syntax (json_group_array(… ORDER BY …)
// needs 3.44). Views that call the app's census_today() cannot be queried there (the function is the
// app's), everything else can (issue 15 item 6; docs/data-safety.md, 用别的工具打开数据文件).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import { loadDemo } from '../../backend/demo';
import { VIEWS } from '../../db/views';

/** Syntax an SQLite older than 3.44 does not read (aggregate ORDER BY, string_agg, concat). */
const NEWER_SYNTAX = [
  /\b(json_group_array|json_group_object|group_concat|string_agg)\s*\((?:[^()]|\([^()]*\))*\bORDER\s+BY\b/i,
  /\bstring_agg\s*\(/i,
  /\bconcat(_ws)?\s*\(/i,
  /\b(unistr|timediff|octet_length)\s*\(/i,
];

describe('views use syntax SQLite 3.40 reads', () => {
  it.each(VIEWS.map((sql) => [/CREATE VIEW (\w+)/.exec(sql)![1], sql]))('%s', (_name, sql) => {
    for (const pattern of NEWER_SYNTAX) expect(sql).not.toMatch(pattern);
  });
});

/** Rows in a fixed order, whatever plan either SQLite chose (views have no rowid). */
const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

const cli = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
const cliVersion = cli.status === 0 ? cli.stdout.split(' ')[0] : null;
if (!cliVersion) console.log('跳过旧版 sqlite3 打开数据文件的检查：未安装 sqlite3 命令行工具');

describe.skipIf(!cliVersion)(`the system's sqlite3 (${cliVersion}) opens the data file`, () => {
  let dir: string;
  let dataPath: string;
  const sqlite = (sql: string) =>
    spawnSync('sqlite3', ['-readonly', '-json', dataPath, sql], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  let views: string[];
  let appRows: (v: string) => string[];
  let close: () => void;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-oldsqlite-'));
    dataPath = join(dir, 'census.db');
    const b = openBackend(dataPath, { backupDir: join(dir, 'backups') });
    await loadDemo(b);
    views = b.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`).pluck().all() as string[];
    appRows = (v) => sorted(b.db.prepare(`SELECT * FROM ${v}`).all());
    close = () => b.close();
  }, 60_000);
  afterAll(() => {
    close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the schema and passes integrity_check', () => {
    const r = sqlite('PRAGMA integrity_check');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([{ integrity_check: 'ok' }]);
  });

  it('queries every view that does not call census_today() with the same rows as the app', () => {
    const needsApp = views.filter((v) => /census_today\(\)/.test(VIEWS.find((s) => s.includes(`VIEW ${v} `))!));
    expect(needsApp.length).toBeGreaterThan(0);
    for (const v of views) {
      const r = sqlite(`SELECT * FROM ${v}`);
      if (needsApp.includes(v)) {
        expect(r.stderr, v).toContain('no such function: census_today');
        continue;
      }
      expect(r.stderr, v).toBe('');
      const rows = r.stdout.trim() ? (JSON.parse(r.stdout) as unknown[]) : [];
      expect(sorted(rows), v).toEqual(appRows(v));
    }
  });
});
