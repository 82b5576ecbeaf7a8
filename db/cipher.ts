// Encryption at rest (SQLite3 Multiple Ciphers, installed under the name better-sqlite3): every
// connection to an office's files is made here, so the key is applied before the first read and
// the cipher is named the same way everywhere. docs/encryption.md has the measurements and the plan.
import Database from 'better-sqlite3';
import type { Database as Db, Options } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { UserError } from './errors';

/** A raw 256-bit key (derived once from the office's 恢复码; see backend/recoveryKey.ts). */
export type CipherKey = Buffer;
export const KEY_BYTES = 32;

/** ChaCha20-Poly1305 (sqleet-compatible): faster than SQLCipher mode here, and each page carries a MAC. */
const CIPHER = 'chacha20';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * An existing file that looks like an encrypted database: not SQLite's plain magic in its first 16
 * bytes (an encrypted file starts with its cipher salt), but bytes 16–23 of the header kept in the
 * clear as the cipher does — a valid page size, reserved bytes per page (the cipher's nonce and
 * MAC; a plain file has none) and the payload fractions 64/32/32 SQLite requires. A plain file with
 * a damaged header fails that test, so it is still reported as damaged, not as locked. Missing and
 * empty files are neither: SQLite makes them new databases.
 */
export function isEncryptedFile(path: string): boolean {
  if (path === ':memory:' || !existsSync(path) || statSync(path).size < 512) return false;
  const head = Buffer.alloc(24);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 16).equals(SQLITE_MAGIC)) return false;
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
  const validPage = pageSize >= 512 && (pageSize & (pageSize - 1)) === 0;
  return validPage && head[20] > 0 && head[21] === 64 && head[22] === 32 && head[23] === 32;
}

/** The key each keyed connection was opened with: what a worker's connection to the same file needs. */
const keys = new WeakMap<Db, CipherKey>();

/** Applies the key to a fresh connection, before anything is read. */
export function keyConnection(db: Db, key: CipherKey): void {
  if (key.length !== KEY_BYTES) throw new Error(`cipher key must be ${KEY_BYTES} bytes`);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  keys.set(db, key);
}

/** The key `db` was keyed with (null: a plain file, or a connection made elsewhere). */
export const keyOf = (db: Db): CipherKey | null => keys.get(db) ?? null;

/**
 * Encrypts a plain database or re-keys an encrypted one, in place, on an open connection that
 * nothing else holds. A plain file cannot be rekeyed in WAL mode, so always: the WAL merged and
 * emptied, the rollback journal (the rekey is one transaction: a crash rolls back to the file as it
 * was), rekey, WAL again, quick_check. Throws on failure (the file is then as it was).
 */
export function rekeyConnection(db: Db, next: CipherKey): void {
  if (next.length !== KEY_BYTES) throw new Error(`cipher key must be ${KEY_BYTES} bytes`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mode = db.pragma('journal_mode = DELETE', { simple: true }) as string;
  if (mode !== 'delete') throw new Error(`journal_mode stayed ${mode}`);
  // A plain connection takes the cipher from here; a keyed one keeps its own (the same).
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`rekey = "x'${next.toString('hex')}'"`);
  keys.set(db, next);
  db.pragma('journal_mode = WAL');
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw new Error(`quick_check after rekey: ${check}`);
}

/** A key as it travels to a worker thread (hex; never logged) and back. */
export const keyToJob = (key: CipherKey | null): string | null => (key ? key.toString('hex') : null);
export const keyFromJob = (hex: string | null | undefined): CipherKey | null => (hex ? Buffer.from(hex, 'hex') : null);

/** SQLite's answer to a wrong key, a missing key or a file that is no database at all. */
export const isNotADatabase = (e: unknown) => (e as { code?: string }).code === 'SQLITE_NOTADB';

export const recoveryCodeWrong = () =>
  new UserError('RECOVERY_CODE_WRONG', '恢复码不正确：无法打开此数据文件（或备份、数据包）。未作任何改动。');

export const recoveryCodeNeeded = (path: string) =>
  new UserError('RECOVERY_CODE_NEEDED', `此文件已加密，需要输入恢复码才能打开：${path}`);

/**
 * Opens a connection to an office file. With a key, an encrypted file (or a new one) is keyed and
 * read once, so a wrong key is refused here in Chinese — the file stays byte-identical, SQLite
 * writes nothing on a failed first read. A plain file opens unkeyed even when a key is at hand
 * (an office that has not encrypted yet, an old backup); an encrypted file without a key is
 * refused as RECOVERY_CODE_NEEDED.
 */
export function openSqlite(path: string, options: Options = {}, key: CipherKey | null = null): Db {
  const encrypted = isEncryptedFile(path);
  if (encrypted && !key) throw recoveryCodeNeeded(path);
  const fresh = path !== ':memory:' && (!existsSync(path) || statSync(path).size === 0);
  const db = new Database(path, options);
  if (!key || !(encrypted || fresh)) return db;
  try {
    keyConnection(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    throw isNotADatabase(e) ? recoveryCodeWrong() : e;
  }
}
