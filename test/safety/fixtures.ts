// Shared by the data-safety tests: a workspace with one operator per role, a content hash of a
// whole database, and valid people.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../backend/app';
import type { Database } from 'better-sqlite3';
import type { CallCtx, Operator } from '../../backend/context';
import { idCheckChar } from '../../core/validate/idNumber';

export const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县污普办',
};
export const PASSWORD = 'secret123';

/** A valid 18-digit ID of 蓬安县 for the n-th test person (n < 1000). */
export function idFor(n: number): string {
  const body = `51132319800101${String(n).padStart(3, '0')}`.slice(0, 17);
  return body + idCheckChar(body);
}

export interface Staff {
  admin: Operator;
  clerk: Operator;
  viewer: Operator;
}

/** setup.init plus a 录入员 and a 只读, each logged in (so the idle lock knows them). */
export async function staffWorkspace(b: Pick<Backend, 'dispatch'>): Promise<Staff> {
  const sys: CallCtx = { operator: null };
  const init = await b.dispatch('setup.init', { office: OFFICE, admin: { name: 'admin', password: PASSWORD } }, sys);
  if (!init.ok) throw new Error(init.error.message);
  const admin = init.data as Operator;
  for (const [name, role] of [
    ['clerk', '录入员'],
    ['viewer', '只读'],
  ] as const) {
    const r = await b.dispatch('operator.create', { name, role, password: PASSWORD }, { operator: admin });
    if (!r.ok) throw new Error(r.error.message);
  }
  const login = async (name: string) => {
    const r = await b.dispatch('session.login', { name, password: PASSWORD }, sys);
    if (!r.ok) throw new Error(r.error.message);
    return r.data as Operator;
  };
  return { admin, clerk: await login('clerk'), viewer: await login('viewer') };
}

/** Every table's rows (and the schema) in one hash: equal hashes, equal databases. */
export function contentHash(db: Database, opts: { except?: string[] } = {}): string {
  const h = createHash('sha256');
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
    sql: string;
  }[];
  for (const t of tables) {
    if (opts.except?.includes(t.name)) continue;
    h.update(`${t.name}\n${t.sql}\n`);
    // Ordered by every column: exact for equal data, and works for tables without a rowid.
    const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(t.name) as { n: number }).n;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    for (const row of db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order}`).raw().iterate())
      h.update(`${JSON.stringify(row)}\n`);
  }
  return h.digest('hex');
}

/** Business data only: not the audit log, which a restore or an import appends to. */
export const dataHash = (db: Database) => contentHash(db, { except: ['audit_log', 'audit_head', 'sqlite_sequence'] });

export interface Sandbox {
  b: Backend;
  dir: string;
  dataPath: string;
  backupDir: string;
  dispose: () => void;
}

/** A workspace in its own temp folder, backups inside it; options reach openBackend (a clock, migrations). */
export function sandbox(opts: BackendOptions = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-safety-'));
  const dataPath = join(dir, 'data', 'census.db');
  const backupDir = join(dir, 'backups');
  const b = openBackend(dataPath, { backupDir, ...opts });
  return {
    b,
    dir,
    dataPath,
    backupDir,
    dispose: () => {
      b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
