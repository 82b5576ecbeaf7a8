// What a crash leaves: temporary files that are full, unmasked copies of the data (or its backup
// catalogue) under a name no one will ever open. Removed when the data file is opened (openBackend,
// with the one-writer lock held, so nothing of this data file's is being written by anyone) and
// again whenever the backups page asks; a file that cannot be removed (held open on Windows, or no
// permission) is listed there (`backup.leftovers`), never left silently.
//
// Which files (grep for `.partial`, `.restoring`, `.tmp` when adding another temporary file):
//   beside the data file   <data>.restoring             a restore's staged copy (restore.ts, startup.ts)
//                          <data>.restoring.old-<ms>    a start-up restore's earlier staged copy
//                          <data>.download.cdpkg(.partial), <data>.upload.cdpkg   browser packages (package.ts)
//                          <data>.restore-intent.json.partial, <data>.backup.json.partial
//   in the backup folder   <data name>_….partial        a backup being written (db/snapshot.ts)
//                          …_数据包_….cdpkg.partial      a package to the default path (package.ts)
//                          <data name>_备份记录.json.partial   the catalogue (catalog.ts)
// Each with the `-journal`, `-wal` and `-shm` SQLite keeps beside it: a crash while a copy is
// re-keyed (snapshotJobs.ts) leaves a rollback journal holding the copy's pages as they were before,
// in the clear for a plain backup put under the key.
// Only files last written before this open: a copy in progress is never touched. Not covered: an
// export's `.<name>.<hex>.tmp` in the folder the clerk chose (reports/save.ts) — written from
// memory in one call, it exists for milliseconds, and that folder is not the app's to scan.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dataBaseName } from './folder';
import { intentPathOf } from './restoreIntent';

export interface Leftover {
  path: string;
  size: number;
  modifiedAt: string;
}

/** SQLite's files beside a database: part of it, so they go (or stay) with it. */
const SIDE = '(-journal|-wal|-shm)?';

const BESIDE_DATA = [
  /^\.restoring$/,
  /^\.restoring\.old-\d+$/,
  /^\.download\.cdpkg(\.partial)?$/,
  /^\.upload\.cdpkg$/,
  /^\.restore-intent\.json\.partial$/,
  /^\.backup\.json\.partial$/,
].map((re) => new RegExp(re.source.replace(/\$$/, `${SIDE}$`)));
const IN_BACKUP_DIR = new RegExp(`\\.partial${SIDE}$`);
const STAGED = new RegExp(`^\\.restoring${SIDE}$`);

function candidates(dataPath: string, backupDir: string): string[] {
  const found: string[] = [];
  const name = basename(dataPath);
  // A staged copy an unsettled restore intent names is the intent's evidence that no swap happened.
  const intentPending = existsSync(intentPathOf(dataPath));
  for (const f of list(dirname(dataPath))) {
    if (!f.startsWith(name)) continue;
    const suffix = f.slice(name.length);
    if (intentPending && STAGED.test(suffix)) continue;
    if (BESIDE_DATA.some((re) => re.test(suffix))) found.push(join(dirname(dataPath), f));
  }
  const base = dataBaseName(dataPath);
  for (const f of list(backupDir)) {
    if (IN_BACKUP_DIR.test(f) && (f.startsWith(`${base}_`) || f.includes('_数据包_'))) found.push(join(backupDir, f));
  }
  return found;
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return []; // no backup folder yet
  }
}

/** Per data file: the cut-off of its open, and the leftovers that could not be removed when last tried. */
const remaining = new Map<string, { before: number; kept: Leftover[] }>();

/**
 * Removes every leftover last written before `before` (ms); returns what was removed and keeps
 * what could not be for `leftoversOf`.
 */
export function removeLeftovers(
  dataPath: string,
  backupDir: string,
  before: number,
): { removed: string[]; remaining: Leftover[] } {
  if (dataPath === ':memory:') return { removed: [], remaining: [] };
  const removed: string[] = [];
  const kept: Leftover[] = [];
  for (const path of candidates(dataPath, backupDir)) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue; // gone meanwhile
    }
    if (!stat.isFile() || stat.mtimeMs >= before) continue;
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      kept.push({ path, size: stat.size, modifiedAt: stat.mtime.toISOString() });
    }
  }
  remaining.set(dataPath, { before, kept });
  return { removed, remaining: kept };
}

/** What could not be removed at open: tried again (files older than the open only), then listed. */
export function leftoversOf(dataPath: string, backupDir: string): Leftover[] {
  const last = remaining.get(dataPath);
  if (!last?.kept.length) return [];
  return removeLeftovers(dataPath, backupDir, last.before).remaining;
}
