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
 * An existing, non-empty file whose first bytes are not SQLite's plain header. Plain files start
 * with the magic; an encrypted file starts with its cipher salt. Missing and empty files are
 * neither: SQLite makes them new databases.
 */
export function isEncryptedFile(path: string): boolean {
  if (path === ':memory:' || !existsSync(path) || statSync(path).size < SQLITE_MAGIC.length) return false;
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return !head.equals(SQLITE_MAGIC);
}

/** Applies the key to a fresh connection, before anything is read. */
export function keyConnection(db: Db, key: CipherKey): void {
  if (key.length !== KEY_BYTES) throw new Error(`cipher key must be ${KEY_BYTES} bytes`);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

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
