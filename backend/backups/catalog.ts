// The backup folder's catalogue. A backup is a file named `<data name>_<local time>_<reason>.db`
// (readable in Explorer, sortable); what was checked about it (integrity, schema version, size at
// that time) is kept in `<data name>_备份记录.json` beside it. The files are the truth: a file
// missing from the record is listed as 待校验, a recorded file that is gone is simply not listed.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_REASONS, type BackupReason, type BackupRecord } from '../../core/schemas/backups';
import type { AuditHead } from '../../db/audit';

interface CatalogEntry {
  createdAt: string;
  reason: BackupReason;
  size: number;
  status: '完好' | '已损坏' | '日志不符';
  checkedAt: string;
  schemaVersion: number | null;
  problem: string | null;
  /** The copy's audit head when it was written (a cut tail in the live data is caught against it). */
  audit?: AuditHead | null;
  /** Set when the data was replaced (a restore, a package) after it: its log is another data's. */
  superseded?: boolean;
  /**
   * Which key the copy is encrypted under (backend/recoveryKey.ts keyIdOf; null: a plain copy;
   * absent: recorded before encryption existed), so the app can say which 恢复码 opens it.
   */
  keyId?: string | null;
}
type Catalog = Record<string, CatalogEntry>;

const catalogPath = (folder: string, base: string) => join(folder, `${base}_备份记录.json`);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namePattern(base: string) {
  return new RegExp(`^${escapeRegExp(base)}_(\\d{8})-(\\d{6})(?:-\\d+)?_(${BACKUP_REASONS.join('|')})\\.db$`);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const localStamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/**
 * A free file name for a backup made at `at`; a second one in the same second gets `-2`, `-3`…
 * `taken`: names already promised to backups still being written in the background.
 */
export function backupFileName(
  folder: string,
  base: string,
  at: Date,
  reason: BackupReason,
  taken: (path: string) => boolean = () => false,
): string {
  const stem = `${base}_${localStamp(at)}`;
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}_${reason}.db`;
    const path = join(folder, name);
    if (!taken(path) && !existsSync(path) && !existsSync(`${path}.partial`)) return name;
  }
}

function readCatalog(folder: string, base: string): Catalog {
  try {
    return JSON.parse(readFileSync(catalogPath(folder, base), 'utf8')) as Catalog;
  } catch {
    // Missing or damaged: every backup is simply listed as 待校验 until it is checked again.
    return {};
  }
}

function writeCatalog(folder: string, base: string, catalog: Catalog): void {
  const path = catalogPath(folder, base);
  writeFileSync(`${path}.partial`, JSON.stringify(catalog, null, 1));
  renameSync(`${path}.partial`, path);
}

export function recordCheck(folder: string, base: string, file: string, entry: CatalogEntry): void {
  const catalog = readCatalog(folder, base);
  // A check again does not make an earlier data's backup this data's, nor changes its key.
  const keyId = entry.keyId !== undefined ? entry.keyId : catalog[file]?.keyId;
  catalog[file] = { ...entry, superseded: entry.superseded ?? catalog[file]?.superseded, keyId };
  writeCatalog(folder, base, catalog);
}

/** The key id recorded for a backup (null: plain; undefined: not recorded). */
export function recordedKeyId(folder: string, base: string, file: string): string | null | undefined {
  return readCatalog(folder, base)[file]?.keyId;
}

/** The catalogued backups (by file name) with when and why they were made, oldest first. */
export function cataloguedBackups(
  folder: string,
  base: string,
): { file: string; createdAt: string; reason: BackupReason }[] {
  return Object.entries(readCatalog(folder, base))
    .map(([file, e]) => ({ file, createdAt: e.createdAt, reason: e.reason }))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/**
 * A backup put under another key (backend/backups/encryptBackups.ts): its key id, and its size when
 * the recorded one was the file's before (otherwise it stays 待校验, as it was).
 */
export function recordRekeyed(
  folder: string,
  base: string,
  file: string,
  change: { sizeBefore: number; size: number; keyId: string },
): void {
  const catalog = readCatalog(folder, base);
  const entry = catalog[file];
  if (!entry) return;
  if (entry.size === change.sizeBefore) entry.size = change.size;
  entry.keyId = change.keyId;
  writeCatalog(folder, base, catalog);
}

/** Why a backup could not be put under the office's key: shown beside its status until it is checked again. */
export function recordRekeyProblem(folder: string, base: string, file: string, problem: string): void {
  const catalog = readCatalog(folder, base);
  if (!catalog[file]) return;
  catalog[file].problem = problem;
  writeCatalog(folder, base, catalog);
}

/** After the data was replaced: no earlier backup's log is this data's log any more. */
export function supersedeBackups(folder: string, base: string): void {
  const catalog = readCatalog(folder, base);
  for (const entry of Object.values(catalog)) entry.superseded = true;
  writeCatalog(folder, base, catalog);
}

/** The backup of the current data whose recorded audit head holds the most entries (with its file name and time). */
export function newestRecordedHead(
  folder: string,
  base: string,
): { file: string; createdAt: string; head: AuditHead } | null {
  let best: { file: string; createdAt: string; head: AuditHead } | null = null;
  for (const [file, entry] of Object.entries(readCatalog(folder, base))) {
    if (entry.superseded || !entry.audit) continue;
    if (!best || entry.audit.lastId > best.head.lastId) best = { file, createdAt: entry.createdAt, head: entry.audit };
  }
  return best;
}

export function forgetBackups(folder: string, base: string, files: string[]): void {
  const catalog = readCatalog(folder, base);
  for (const f of files) delete catalog[f];
  writeCatalog(folder, base, catalog);
}

/** This data file's backups in the folder, newest first. */
export function listBackups(folder: string, base: string): BackupRecord[] {
  if (!existsSync(folder)) return [];
  const pattern = namePattern(base);
  const catalog = readCatalog(folder, base);
  const rows: BackupRecord[] = [];
  for (const file of readdirSync(folder)) {
    const m = pattern.exec(file);
    if (!m) continue;
    const path = join(folder, file);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      continue;
    }
    const [, ymd, hms, reason] = m;
    const named = new Date(
      +ymd.slice(0, 4),
      +ymd.slice(4, 6) - 1,
      +ymd.slice(6, 8),
      +hms.slice(0, 2),
      +hms.slice(2, 4),
      +hms.slice(4, 6),
    );
    const entry = catalog[file];
    const current = entry && entry.size === size;
    rows.push({
      file,
      path,
      createdAt: entry?.createdAt ?? named.toISOString(),
      reason: reason as BackupReason,
      size,
      status: current ? entry.status : '待校验',
      checkedAt: current ? entry.checkedAt : null,
      schemaVersion: current ? entry.schemaVersion : null,
      problem: current ? entry.problem : null,
    });
  }
  return rows.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.file < b.file ? 1 : -1,
  );
}

export type { CatalogEntry };
