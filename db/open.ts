// Opening the store. Before a single byte is written: the file must be writable, readable as a
// database, pass quick_check and not come from a newer app — a damaged or newer file is refused
// and left exactly as it was. Then a verified copy before any migration and, in one transaction:
// the views dropped, every pending migration, the views and the audit log's guards created anew.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { seedNewWorkspace } from './schema';
import { createViews, dropViews } from './views';
import { installClock } from './clock';
import { installHistory } from './history';
import { UserError } from './errors';
import { installAuditGuards } from './audit';
import { checkDatabaseFile, describeSqliteFailure, writeSnapshot } from './snapshot';
import { cacheStatements } from './statementCache';
import { isEncryptedFile, openSqlite, recoveryCodeNeeded, type CipherKey } from './cipher';

export interface OpenOptions {
  /** Where pre-migration copies go (default: a `backups` folder next to the database). */
  backupDir?: string;
  /** Seed a new workspace with the default categories and milestones (default true). */
  seed?: boolean;
  /** The migration list (tests pass a longer one to exercise upgrades). */
  migrations?: Migration[];
  /**
   * Writes the pre-migration copy and returns its path; the app passes its backup catalogue's
   * writer. Default: a verified copy in `backupDir`.
   */
  backupBeforeMigration?: (db: Db, fromVersion: number) => string;
  /**
   * The office's key (db/cipher.ts). An encrypted file opens only with it (none: RECOVERY_CODE_NEEDED,
   * another: RECOVERY_CODE_WRONG, the file untouched either way); a new file is created encrypted
   * under it; a plain file opens plain (an office that has not encrypted yet).
   */
  key?: CipherKey | null;
}

export interface OpenedDb {
  db: Db;
  /** The user_version found on open (0 for a new file). */
  fromVersion: number;
  /** The pre-migration backup written, if any. */
  backupPath: string | null;
}

/** Reads user_version without writing a byte: a read-only connection never converts the journal mode. */
export function readSchemaVersion(path: string, key: CipherKey | null = null): number {
  const probe = openSqlite(path, { readonly: true, fileMustExist: true }, key);
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

const UNCHANGED = '文件未作任何改动。';

function refuseUnwritable(path: string, exists: boolean) {
  const target = exists ? path : dirname(path);
  try {
    accessSync(target, constants.W_OK);
    if (exists) accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new UserError(
      'DB_READ_ONLY',
      exists
        ? `数据文件或其所在文件夹只读，无法保存任何修改：${path}。请检查文件属性或权限，或将数据文件复制到可写的位置后再打开。${UNCHANGED}`
        : `数据文件所在文件夹只读，无法新建数据文件：${dirname(path)}`,
    );
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Bigger files are checked through a read-only connection instead of in memory. */
const IN_MEMORY_LIMIT = 512 * 1024 * 1024;

interface Probe {
  version: number;
  problem: string | null;
}

/** user_version and quick_check through a read-only connection (a wrong key throws RECOVERY_CODE_WRONG). */
function probeOnDisk(path: string, key: CipherKey | null): Probe {
  const version = readSchemaVersion(path, key);
  const check = checkDatabaseFile(path, { quick: true, key });
  return { version, problem: check.ok ? null : check.problem };
}

/**
 * An encrypted file cannot be checked as an in-memory copy (such a copy cannot be keyed), and a
 * read-only connection to it would leave -wal and -shm files beside it (even with a wrong key, when
 * a crash left a -wal): so a copy of the file, and of its -wal if there is one, in a private
 * temporary folder is read instead and removed with its folder. The copy is as encrypted as the
 * file. A wrong key fails on the copy: the file itself is never opened.
 */
function probeEncrypted(path: string, key: CipherKey): Probe {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-probe-'));
  try {
    const copy = join(dir, 'probe.db');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return probeOnDisk(copy, key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads the version and runs quick_check without leaving a trace: a file closed cleanly (no -wal
 * beside it) is checked as an in-memory copy (encrypted: a temporary copy), because even a
 * read-only connection to a WAL-mode file creates -wal and -shm files. After a crash (a -wal is
 * there) the read-only connection reads through the -wal, which is part of the data.
 */
function probe(path: string, key: CipherKey | null): Probe {
  const encrypted = isEncryptedFile(path);
  if (encrypted && !key) throw recoveryCodeNeeded(path);
  if (encrypted) return probeEncrypted(path, key!);
  if (existsSync(`${path}-wal`) || statSync(path).size > IN_MEMORY_LIMIT) return probeOnDisk(path, key);
  const bytes = readFileSync(path);
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC))
    return { version: 0, problem: '文件已损坏或不是数据库文件' };
  const version = bytes.readInt32BE(60);
  // Bytes 18–19 say "WAL"; an in-memory copy must not look for a -wal file.
  bytes[18] = 1;
  bytes[19] = 1;
  let mem: Db | undefined;
  try {
    mem = new Database(bytes);
    const rows = mem.pragma('quick_check(20)') as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0]);
    const ok = messages.length === 1 && messages[0] === 'ok';
    return { version, problem: ok ? null : `数据库结构检查未通过（${messages.slice(0, 3).join('；')}）` };
  } catch (e) {
    return { version, problem: describeSqliteFailure(e) };
  } finally {
    mem?.close();
  }
}

/**
 * A crash in the middle of encrypting the file in place (Workspace.rekey: a DELETE-journal
 * transaction) leaves a hot `-journal` and a first page that may already look encrypted: refused as
 * locked without a key and as a wrong key with one, and SQLite never rolls back through a keyed
 * connection that cannot read the half-written file. An unkeyed read-write connection rolls it back
 * in full (SQLite replays the journal before it reads the first page): the live file is only ever
 * re-keyed from plain, so "the key it had before" is none. The re-key simply did not happen (the
 * restore intent's settling treats an 'encrypt' intent on a plain file as rolled back). A journal
 * that is not hot, or not a plain file's, changes nothing: the checks that follow say what the file is.
 */
export function rollBackInterruptedRekey(path: string): void {
  // The rekey merges and removes the -wal first; a -wal here belongs to something else, kept for the probe.
  if (!existsSync(`${path}-journal`) || existsSync(`${path}-wal`)) return;
  let raw: Db | undefined;
  try {
    raw = new Database(path, { fileMustExist: true });
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    // Not readable unkeyed even after any rollback: an encrypted file, probed as usual below.
  } finally {
    raw?.close();
  }
}

/** The checks that run on an existing file before it is opened for writing. */
function checkExisting(path: string, latest: number, key: CipherKey | null) {
  if (statSync(path).size === 0) return; // an empty file is a new database to SQLite
  let found: Probe;
  try {
    found = probe(path, key);
  } catch (e) {
    // RECOVERY_CODE_NEEDED / RECOVERY_CODE_WRONG: the file was not opened, nothing to add.
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY')) {
      throw new UserError('DB_LOCKED', `数据文件正被其他程序使用，请关闭后再打开：${path}。${UNCHANGED}`);
    }
    throw new UserError('DB_CORRUPT', `数据文件已损坏，无法读取：${path}（${describeSqliteFailure(e)}）。${UNCHANGED}`);
  }
  // A newer file is refused by its version first: its schema may well look odd to this app.
  if (found.version > latest) throw tooNew(found.version, latest);
  if (found.problem) {
    throw new UserError(
      'DB_CORRUPT',
      `数据文件已损坏：${path}（${found.problem}）。程序不会在原文件上修复或覆盖它。${UNCHANGED}`,
    );
  }
}

const tooNew = (version: number, latest: number) =>
  new UserError(
    'DB_TOO_NEW',
    `数据文件由更高版本的普查办工作台创建（数据版本 ${version}，本程序支持到 ${latest}），请升级程序后再打开。${UNCHANGED}`,
  );

/** A copy made by SQLite, checked and synced before the migration may touch the original. */
function defaultMigrationBackup(path: string, backupDir: string | undefined) {
  return (db: Db, fromVersion: number) => {
    const dir = backupDir ?? join(dirname(path), 'backups');
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dest = join(dir, `${basename(path, '.db')}-v${fromVersion}-before-migration-${stamp}.db`);
    writeSnapshot(db, dest);
    return dest;
  };
}

export function openDatabase(path: string, opts: OpenOptions = {}): OpenedDb {
  const migrations = opts.migrations ?? shippedMigrations;
  const LATEST_VERSION = migrations[migrations.length - 1].version;
  const isMemory = path === ':memory:';
  const exists = !isMemory && existsSync(path);
  if (!isMemory && !exists) mkdirSync(dirname(path), { recursive: true });
  if (!isMemory) refuseUnwritable(path, exists);
  const key = opts.key ?? null;
  // Under the writer lock (openBackend), before the encryption probe reads the header.
  if (exists) rollBackInterruptedRekey(path);
  if (exists) checkExisting(path, LATEST_VERSION, key);

  // Keyed (an encrypted or a new file with a key) before any other pragma is run.
  const db = openSqlite(path, {}, key);
  // The views' census_today(): registered before any view is created or read.
  installClock(db);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
  } catch (e) {
    db.close();
    throw e;
  }

  const fromVersion = db.pragma('user_version', { simple: true }) as number;
  if (fromVersion > LATEST_VERSION) {
    // Defensive: only if the file changed between the probe and this connection.
    db.close();
    throw tooNew(fromVersion, LATEST_VERSION);
  }
  let backupPath: string | null = null;
  try {
    if (fromVersion > 0 && fromVersion < LATEST_VERSION && !isMemory) {
      backupPath = (opts.backupBeforeMigration ?? defaultMigrationBackup(path, opts.backupDir))(db, fromVersion);
    }
    const pending = migrations.filter((m) => m.version > fromVersion);
    // Views and guards are derived: made anew at every open from this build's code, so a
    // migration never has a view in its way and a file from any version gets the current ones.
    db.transaction(() => {
      dropViews(db);
      for (const m of pending) m.up(db);
      if (fromVersion === 0 && opts.seed !== false) seedNewWorkspace(db);
      if (pending.length > 0) db.pragma(`user_version = ${LATEST_VERSION}`);
      createViews(db);
      installAuditGuards(db);
      installHistory(db);
    })();
  } catch (e) {
    db.close();
    throw e;
  }
  // From here on every prepare() reuses its statement; the one-off migration statements stay out.
  return { db: cacheStatements(db), fromVersion, backupPath };
}
