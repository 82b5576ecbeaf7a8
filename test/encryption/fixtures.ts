// Shared by the encryption service tests: an office that encrypts itself through dispatch, the
// bytes of every file a workspace leaves on disk, and the ID numbers of its people.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../../backend/app';
import type { CallCtx, Operator } from '../../backend/context';
import { backgroundIdle } from '../../backend/backups/offThread';
import { newRecoveryCode } from '../../core/recoveryCode';
import { idFor } from '../safety/fixtures';

export async function ok<T = Record<string, unknown>>(
  b: Pick<Backend, 'dispatch'>,
  operator: Operator | null,
  method: string,
  input: unknown,
  call: Partial<CallCtx> = {},
): Promise<T> {
  const r = await b.dispatch(method, input, { operator, checkOutput: true, ...call });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

export async function refused(
  b: Pick<Backend, 'dispatch'>,
  operator: Operator | null,
  method: string,
  input: unknown,
  call: Partial<CallCtx> = {},
) {
  const r = await b.dispatch(method, input, { operator, ...call });
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

/** A well-formed 恢复码 nobody issued. */
export const someCode = () => newRecoveryCode(randomBytes(16));

/**
 * safety.newRecoveryCode then safety.encrypt with it, as the wizard does; the code comes back once
 * the backups made before it have been encrypted in the background (backend/backups/encryptBackups.ts).
 */
export async function encrypt(b: Pick<Backend, 'dispatch'>, admin: Operator) {
  const { recoveryCode } = await ok<{ recoveryCode: string }>(b, admin, 'safety.newRecoveryCode', {});
  const r = await ok<{ keyId: string; backupPath: string | null }>(b, admin, 'safety.encrypt', { recoveryCode });
  await backgroundIdle();
  return { code: recoveryCode, ...r };
}

/** n people, with the known ID numbers idFor(from … from+n-1). */
export async function addPeople(b: Pick<Backend, 'dispatch'>, admin: Operator, n: number, from = 0) {
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    const idNumber = idFor(i);
    await ok(b, admin, 'person.create', { name: `人员${i}`, roles: ['普查员'], idNumber });
    ids.push(idNumber);
  }
  return ids;
}

/** How many of `ids` occur as bytes in the file (and its -wal, if there is one). */
export function idsFoundIn(path: string, ids: string[]): number {
  const bytes = [path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p));
  return ids.filter((id) => bytes.some((b) => b.includes(Buffer.from(id, 'latin1')))).length;
}

/**
 * Every file under `dir` with the SHA-256 of its bytes: equal snapshots, nothing written. Not the
 * -shm of an open file: SQLite's shared memory, which every read touches, never data.
 */
export function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!p.endsWith('-shm')) out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
