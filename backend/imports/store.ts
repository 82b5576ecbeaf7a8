// Staged imports live in memory, per open database: the file's sheets once read, the progress of
// reading and checking, and the last checked preview. Bounded in number, age and the memory they
// hold: the file's bytes until it is read, then the parsed sheets' estimated size.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Grid } from '../../core/imports/sheet';
import type { ImportKind } from '../../core/imports/kinds';
import { UserError } from '../../db/errors';
import { cancelParse, type ParseHandle } from './parse';
import type { FileFormat } from './sniff';
import type { Layout } from './layout';
import type { Validated } from './validate';
import { MAX_STAGED, MAX_STAGED_BYTES, STAGED_TTL_MS } from './limits';
import { primaryOf } from '../readConnection';

export type Phase = 'parsing' | 'validating' | 'ready' | 'failed' | 'cancelled';

export interface Checked {
  key: string;
  layout: Layout;
  validated: Validated;
}

export interface StagedImport {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  size: number;
  format: FileFormat;
  encoding: string | null;
  trainingId: number | null;
  touchedAt: number;
  parse: ParseHandle;
  sheets: Grid[] | null;
  failure: Error | null;
  progress: { phase: Phase; done: number; total: number; message: string | null };
  /** The last finished check; a preview with the same sheet, header and mapping reuses it. */
  checked: Checked | null;
  /** A check under way, so a second preview with the same key waits for it. */
  checking: { key: string; promise: Promise<Checked> } | null;
  cancelled: boolean;
  /** The import_history id once committed (a second commit of the same staging is refused). */
  committedAs: number | null;
}

const stores = new WeakMap<Database, Map<string, StagedImport>>();

/** Kept per open database: a read during a sliced commit (its read-only connection) finds the same ones. */
function storeOf(connection: Database): Map<string, StagedImport> {
  const db = primaryOf(connection);
  let s = stores.get(db);
  if (!s) stores.set(db, (s = new Map()));
  return s;
}

function drop(store: Map<string, StagedImport>, s: StagedImport) {
  store.delete(s.id);
  s.cancelled = true;
  cancelParse(s.parse.id);
}

/** What a staged import holds in memory: its file, then its parsed sheets (estimated by the worker). */
const heldBy = (s: StagedImport) => s.parse.held;

/**
 * Drops the expired ones, then the oldest until `size` more bytes fit (`keep`, the import just
 * read, is never dropped for its own room).
 */
function makeRoom(store: Map<string, StagedImport>, size: number, now: number, keep?: StagedImport) {
  for (const s of [...store.values()]) if (s !== keep && now - s.touchedAt > STAGED_TTL_MS) drop(store, s);
  const oldestFirst = [...store.values()].filter((s) => s !== keep).sort((a, b) => a.touchedAt - b.touchedAt);
  const count = () => oldestFirst.length + (keep ? 1 : 0);
  let bytes = oldestFirst.reduce((n, s) => n + heldBy(s), keep ? heldBy(keep) : 0);
  while (oldestFirst.length && (count() >= MAX_STAGED + (keep ? 1 : 0) || bytes + size > MAX_STAGED_BYTES)) {
    const s = oldestFirst.shift()!;
    bytes -= heldBy(s);
    drop(store, s);
  }
}

type Staging = Omit<
  StagedImport,
  'id' | 'touchedAt' | 'sheets' | 'failure' | 'progress' | 'checked' | 'checking' | 'cancelled' | 'committedAs'
>;

export function stage(db: Database, fields: Staging): StagedImport {
  const store = storeOf(db);
  const now = Date.now();
  makeRoom(store, fields.size, now);
  const staged: StagedImport = {
    ...fields,
    id: randomUUID(),
    touchedAt: now,
    sheets: null,
    failure: null,
    progress: { phase: 'parsing', done: 0, total: 0, message: null },
    checked: null,
    checking: null,
    cancelled: false,
    committedAs: null,
  };
  store.set(staged.id, staged);
  fields.parse.done.then(
    (sheets) => {
      staged.sheets = sheets;
      // Read, the sheets usually hold several times the file: older imports make room for them.
      if (store.get(staged.id) === staged) makeRoom(store, 0, Date.now(), staged);
      if (staged.progress.phase === 'parsing')
        staged.progress = { phase: 'validating', done: 0, total: 0, message: null };
    },
    (e: Error) => {
      staged.failure = e;
      staged.progress = { phase: staged.cancelled ? 'cancelled' : 'failed', done: 0, total: 0, message: e.message };
    },
  );
  return staged;
}

export function findStaged(db: Database, id: string): StagedImport {
  const s = storeOf(db).get(id);
  if (!s || Date.now() - s.touchedAt > STAGED_TTL_MS) {
    throw new UserError(
      'IMPORT_NOT_FOUND',
      '该导入已过期或已放弃（暂存的文件会在2小时后或有更新的导入时清除），请重新选择文件',
    );
  }
  s.touchedAt = Date.now();
  return s;
}

/**
 * The staged import a commit names: while its file is still being read there is no preview to
 * commit yet, which is PREVIEW_RUNNING (as while it is being checked), not NOT_PREVIEWED.
 */
export function findCommittable(db: Database, id: string): StagedImport {
  const s = findStaged(db, id);
  if (s.progress.phase === 'parsing' && !s.checked)
    throw new UserError('PREVIEW_RUNNING', '文件仍在读取，预览检查尚未完成，请稍候');
  return s;
}

export function discardStaged(db: Database, id: string): boolean {
  const store = storeOf(db);
  const s = store.get(id);
  if (!s) return false;
  drop(store, s);
  return true;
}

/** Stops reading or checking; the staged file stays so the clerk can preview again. */
export function cancelStaged(s: StagedImport): boolean {
  if (s.progress.phase !== 'parsing' && s.progress.phase !== 'validating') return false;
  s.cancelled = true;
  cancelParse(s.parse.id);
  s.progress = { ...s.progress, phase: 'cancelled', message: '已取消' };
  return true;
}
