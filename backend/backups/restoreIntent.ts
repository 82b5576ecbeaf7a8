// The restore intent: a restore (or an opened data package) swaps the data file, reopens it and only
// then writes its audit entry into the data it brought in. A kill between the swap and that entry
// would leave replaced data with no record of it. So the swap is announced first: a small file
// beside the data file (`<data file>.restore-intent.json`, written and fsynced before the rename)
// says what is about to come in, from where, with which safety copy, and who asked. Dispatch
// removes it once the call's audit entry is written; at the next start (openBackend, under the
// one-writer lock) a leftover intent is settled:
//   - the staged copy is still there: the swap never happened, the data is as it was — the staged
//     copy is removed (rolled back; nothing to audit);
//   - the staged copy is gone: the swap happened — the entry is written now (unless it already was,
//     when the kill came between the entry and removing the intent), marked as recorded at start.
// safety.encrypt announces itself the same way (no staged copy: the file is re-keyed in place, in a
// DELETE-journal transaction): a plain file at the next start means the re-key never landed
// (rolled back), an encrypted one that it did, and its entry is written if missing.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { appendAudit } from '../../db/audit';
import { isEncryptedFile } from '../../db/cipher';
import { syncFolder } from '../../db/snapshot';

/** Who asked for the swap, as the audit entry names them. */
export interface Actor {
  id: number | null;
  name: string;
}

interface SwapIntent {
  /** The audit entry the call writes after the swap: restore/backup, or import/package. */
  action: 'restore' | 'import';
  entity: 'backup' | 'package';
  /** The verified copy about to be renamed over the data file. */
  staged: string;
  after: { from: string; safetyCopy: string; fromVersion: number };
}

/** safety.encrypt: the file is re-keyed in place (nothing staged); its entry names the key by its id. */
interface EncryptIntent {
  action: 'encrypt';
  entity: 'safety';
  staged: '';
  after: { keyId: string; backup: string | null };
}

export type RestoreIntent = (SwapIntent | EncryptIntent) & { startedAt: string; by: Actor };

type Announced = SwapIntent | EncryptIntent;

export const intentPathOf = (dataPath: string) => `${dataPath}.restore-intent.json`;

const SYSTEM: Actor = { id: null, name: '系统' };
/** Who is replacing the data of each data file right now (dispatch runs one replacement at a time). */
const actors = new Map<string, Actor>();

/**
 * Dispatch, around a call that replaces the data: says who asked (for the intent) and, once the
 * call has written its audit entry, removes the intent. A call that failed leaves any intent for
 * the next start to settle.
 */
export function beginReplacement(dataPath: string, by: Actor | null): { succeeded: () => void; end: () => void } {
  actors.set(dataPath, by ? { id: by.id, name: by.name } : SYSTEM);
  return {
    succeeded: () => clearRestoreIntent(dataPath),
    end: () => actors.delete(dataPath),
  };
}

/** Written and fsynced (with its folder) before the swap: a kill after the rename finds it. */
export function writeRestoreIntent(dataPath: string, intent: Announced): void {
  if (dataPath === ':memory:') return;
  const full: RestoreIntent = { startedAt: new Date().toISOString(), by: actors.get(dataPath) ?? SYSTEM, ...intent };
  const path = intentPathOf(dataPath);
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, JSON.stringify(full, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  syncFolder(dirname(path));
}

export function clearRestoreIntent(dataPath: string): void {
  if (dataPath === ':memory:') return;
  rmSync(intentPathOf(dataPath), { force: true });
}

function readRestoreIntent(dataPath: string): RestoreIntent | null {
  const path = intentPathOf(dataPath);
  if (!existsSync(path)) return null;
  try {
    const intent = JSON.parse(readFileSync(path, 'utf8')) as RestoreIntent;
    return typeof intent.staged === 'string' && intent.after && typeof intent.after === 'object' ? intent : null;
  } catch {
    // Written whole and renamed into place, so never half; anything else is not ours to act on.
    return null;
  }
}

export type Settled =
  | { outcome: 'rolledBack'; intent: RestoreIntent }
  | { outcome: 'audited'; intent: RestoreIntent; entryId: number }
  | { outcome: 'alreadyAudited'; intent: RestoreIntent };

/**
 * Whether the call's own entry made it into the data: a restore's matched by its safety copy (a
 * unique name), an encryption's by its key id.
 */
function alreadyAudited(db: Database, intent: RestoreIntent): boolean {
  const mark = (after: Record<string, unknown>) => (intent.action === 'encrypt' ? after.keyId : after.safetyCopy);
  const expected = mark(intent.after);
  const rows = db
    .prepare(`SELECT after_json AS after FROM audit_log WHERE action = ? AND entity = ? ORDER BY id DESC LIMIT 50`)
    .all(intent.action, intent.entity) as { after: string | null }[];
  return rows.some((r) => {
    try {
      const after = JSON.parse(r.after ?? 'null') as Record<string, unknown> | null;
      return after !== null && mark(after) === expected;
    } catch {
      return false;
    }
  });
}

/**
 * Settles an intent a killed restore left (see the top of this file). Runs at open, with the
 * one-writer lock held and the data file open as `db`; returns null when there was none.
 */
export function settleRestoreIntent(db: Database, dataPath: string, now: Date = new Date()): Settled | null {
  if (dataPath === ':memory:') return null;
  const intent = readRestoreIntent(dataPath);
  if (!intent) {
    clearRestoreIntent(dataPath);
    return null;
  }
  let settled: Settled;
  const happened = intent.action === 'encrypt' ? isEncryptedFile(dataPath) : !existsSync(intent.staged);
  if (!happened) {
    if (intent.staged) rmSync(intent.staged, { force: true });
    settled = { outcome: 'rolledBack', intent };
  } else if (alreadyAudited(db, intent)) {
    settled = { outcome: 'alreadyAudited', intent };
  } else {
    const entryId = appendAudit(db, {
      at: now.toISOString(),
      operatorId: intent.by.id,
      operatorName: intent.by.name,
      action: intent.action,
      entity: intent.entity,
      entityId: null,
      before: null,
      // Said in the entry itself: written at the next start, the program having stopped after the swap.
      after: { ...intent.after, startedAt: intent.startedAt, recordedAtStart: true },
    });
    settled = { outcome: 'audited', intent, entryId };
  }
  clearRestoreIntent(dataPath);
  return settled;
}
