// A damaged data file for start-up tests: one page of the townships table's b-tree overwritten with
// garbage while the file header stays valid, so SQLite opens the file and quick_check finds it.
import { readFileSync, writeFileSync } from 'node:fs';
import { openSqlite, type CipherKey } from '../../db/cipher';

/**
 * Damages the file in place and returns its bytes afterwards (to prove they are kept as they are).
 * An encrypted file is read with its key to find the page; the page is overwritten all the same.
 */
export function damageTownshipsPage(path: string, key: CipherKey | null = null): Buffer {
  const db = openSqlite(path, { readonly: true }, key);
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'townships'`).get() as {
    rootpage: number;
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0xa5, (rootpage - 1) * pageSize, rootpage * pageSize);
  writeFileSync(path, bytes);
  return bytes;
}
