// A fresh workspace in a temp folder, driven through dispatch exactly as the transports do.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../backend/app';
import type { CallCtx } from '../../backend/context';
import type { InputOf, MethodName, OutputOf } from '../../core/api';

/** A trusted in-process admin: sees sensitive fields in full (transports never do; see test/safety). */
export const adminCtx: CallCtx = {
  operator: { id: null, name: '测试管理员', role: '管理员' },
  checkOutput: true,
  unmasked: true,
};

export interface TestBackend extends Backend {
  dir: string;
  /** Calls a method and returns its data, failing the test with the Chinese message otherwise. */
  ok: <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;
  /** Calls a method that must fail and returns the error. */
  err: (
    method: string,
    input: unknown,
  ) => Promise<{ code: string; message: string; issues: { path: string; message: string }[] }>;
  /** Row counts of every table plus the audit log: compare before/after to prove nothing changed. */
  snapshot: () => Record<string, number>;
  dispose: () => void;
}

/** A fresh workspace; `from` starts it as a copy of a closed data file (a workspace built once, see demoBackend). */
export function tempBackend(opts: { seed?: boolean; from?: string } = {}): TestBackend {
  const { from, ...open } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-'));
  if (from) copyFileSync(from, join(dir, 'census.db'));
  // Backups stay inside the test's folder (the default, beside the data folder, would be shared /tmp).
  const backend = openBackend(join(dir, 'census.db'), { ...open, backupDir: join(dir, 'backups') });
  const ok = async (method: string, input: unknown) => {
    const r = await backend.dispatch(method, input, adminCtx);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  const err = async (method: string, input: unknown) => {
    const r = await backend.dispatch(method, input, adminCtx);
    if (r.ok) throw new Error(`${method} should have failed but returned ${JSON.stringify(r.data)}`);
    return r.error;
  };
  const snapshot = () => {
    const tables = backend.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    const out: Record<string, number> = {};
    for (const { name } of tables)
      out[name] = (backend.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
    const last = backend.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { hash: string } | undefined;
    out[`audit_head:${last?.hash ?? ''}`] = 1;
    return out;
  };
  return {
    ...backend,
    dir,
    ok: ok as TestBackend['ok'],
    err,
    snapshot,
    dispose: () => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
