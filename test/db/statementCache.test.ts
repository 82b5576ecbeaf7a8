// The per-connection statement cache (db/statementCache.ts): one statement per SQL text, yet each
// caller of prepare() sees a statement as if it were its own — modes, bound parameters and open
// iterators never reach another caller.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { cacheStatements, statementCacheStats } from '../../db/statementCache';
import { openDatabase } from '../../db/open';
import { openBackend } from '../../backend/app';

let db: Db;
const SELECT = 'SELECT id, name FROM t ORDER BY id';
const prepared = () => statementCacheStats(db)!.prepared;

beforeEach(() => {
  db = cacheStatements(new Database(':memory:'), 8);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    INSERT INTO t (id, name) VALUES (1, '甲'), (2, '乙'), (3, '丙');`);
});
afterEach(() => db.close());

describe('statement cache', () => {
  it('prepares one statement per SQL text and reuses it', () => {
    for (let i = 0; i < 100; i++) expect(db.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: '乙' });
    expect(prepared()).toBe(1);
    expect(statementCacheStats(db)!.hits).toBe(99);
  });

  it('keeps at most its size, dropping the least recently used', () => {
    for (let i = 0; i < 20; i++) db.prepare(`SELECT ${i} AS n`).get();
    expect(statementCacheStats(db)!.size).toBe(8);
    const before = prepared();
    db.prepare('SELECT 19 AS n').get(); // recent: still cached
    expect(prepared()).toBe(before);
    db.prepare('SELECT 0 AS n').get(); // dropped long ago: prepared again
    expect(prepared()).toBe(before + 1);
  });

  it("does not pass one caller's pluck / raw / expand / safeIntegers to the next", () => {
    expect(db.prepare(SELECT).pluck().all()).toEqual([1, 2, 3]);
    expect(db.prepare(SELECT).all()).toEqual([
      { id: 1, name: '甲' },
      { id: 2, name: '乙' },
      { id: 3, name: '丙' },
    ]);
    expect(db.prepare(SELECT).raw().get()).toEqual([1, '甲']);
    expect(db.prepare(SELECT).get()).toEqual({ id: 1, name: '甲' });
    expect(db.prepare(SELECT).expand().get()).toEqual({ t: { id: 1, name: '甲' } });
    expect(db.prepare(SELECT).get()).toEqual({ id: 1, name: '甲' });
    expect(db.prepare(SELECT).safeIntegers().pluck().get()).toBe(1n);
    expect(db.prepare(SELECT).pluck().get()).toBe(1);
    expect(prepared()).toBe(1);
  });

  it('keeps a held statement in the mode its holder set, whatever others set meanwhile', () => {
    const held = db.prepare(SELECT).pluck();
    const other = db.prepare(SELECT).raw();
    expect(other.get()).toEqual([1, '甲']);
    expect(held.all()).toEqual([1, 2, 3]);
    expect(other.get()).toEqual([1, '甲']);
    // Turning off a mode that is not on changes nothing (as in better-sqlite3).
    expect(held.raw(false).get()).toBe(1);
    expect(held.pluck(false).get()).toEqual({ id: 1, name: '甲' });
  });

  it('never runs a statement that is mid-iterate: another caller gets a fresh one', () => {
    const seen: unknown[] = [];
    const iterating = db.prepare(SELECT).pluck();
    for (const id of iterating.iterate()) {
      expect(iterating.busy).toBe(true);
      // The same SQL, other modes, while the shared statement is locked by the iteration.
      seen.push(id, db.prepare(SELECT).raw().all().length, db.prepare(SELECT).get());
    }
    expect(seen).toEqual([1, 3, { id: 1, name: '甲' }, 2, 3, { id: 1, name: '甲' }, 3, 3, { id: 1, name: '甲' }]);
    expect(iterating.busy).toBe(false);
    // One replacement for the busy statement, then that one is cached and reused.
    expect(prepared()).toBe(2);
    expect(db.prepare(SELECT).pluck().all()).toEqual([1, 2, 3]);
    expect(prepared()).toBe(2);
  });

  it('nests iterations of the same SQL', () => {
    const pairs: string[] = [];
    for (const a of db.prepare(SELECT).pluck().iterate())
      for (const b of db.prepare(SELECT).pluck().iterate()) pairs.push(`${String(a)}${String(b)}`);
    expect(pairs).toEqual(['11', '12', '13', '21', '22', '23', '31', '32', '33']);
  });

  it('keeps bound parameters to the caller that bound them', () => {
    const bound = db.prepare('SELECT name FROM t WHERE id = ?').pluck().bind(3);
    expect(db.prepare('SELECT name FROM t WHERE id = ?').pluck().get(1)).toBe('甲');
    expect(bound.get()).toBe('丙');
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: '乙' });
    expect(() => bound.get(1)).toThrow('This statement already has bound parameters');
  });

  it('refuses modes on statements that return no data, as better-sqlite3 does', () => {
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    expect(insert.reader).toBe(false);
    expect(() => insert.pluck()).toThrow('The pluck() method is only for statements that return data');
    expect(() => insert.raw()).toThrow(TypeError);
    expect(insert.run('丁')).toEqual({ changes: 1, lastInsertRowid: 4 });
    expect(insert.safeIntegers().run('戊').lastInsertRowid).toBe(5n);
    expect(db.prepare('INSERT INTO t (name) VALUES (?)').run('己').lastInsertRowid).toBe(6);
  });

  it('follows the connection default for integers', () => {
    expect(db.prepare(SELECT).pluck().get()).toBe(1);
    db.defaultSafeIntegers(true);
    expect(db.prepare(SELECT).pluck().get()).toBe(1n);
    expect(db.prepare(SELECT).pluck().safeIntegers(false).get()).toBe(1);
    db.defaultSafeIntegers(false);
    expect(db.prepare(SELECT).pluck().get()).toBe(1);
  });

  it('reports SQL errors from prepare() and caches nothing for them', () => {
    expect(() => db.prepare('SELECT nope FROM t')).toThrow('no such column: nope');
    expect(statementCacheStats(db)!.size).toBe(0);
  });

  it('sees schema changes: a cached SELECT * returns the new columns', () => {
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: '甲' });
    db.exec(`ALTER TABLE t ADD COLUMN note TEXT DEFAULT '无'`);
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: '甲', note: '无' });
    expect(prepared()).toBe(1);
  });

  it('is dropped with its connection', () => {
    db.prepare(SELECT).all();
    db.close();
    expect(statementCacheStats(db)!.size).toBe(0);
    expect(() => db.prepare(SELECT)).toThrow('The database connection is not open');
    db = cacheStatements(new Database(':memory:'));
  });
});

describe('the workspace connection', () => {
  it('caches statements from the moment it is open, and a reopened workspace starts a new cache', () => {
    const { db: opened } = openDatabase(':memory:');
    expect(statementCacheStats(opened)).toEqual({ size: 0, hits: 0, prepared: 0 });
    opened.close();

    const dir = mkdtempSync(join(tmpdir(), 'censusdesk-'));
    const b = openBackend(join(dir, 'census.db'), { backupDir: join(dir, 'backups') });
    try {
      const first = b.db;
      first.prepare('SELECT count(*) FROM people').get();
      first.prepare('SELECT count(*) FROM people').get();
      expect(statementCacheStats(first)!.hits).toBeGreaterThan(0);
      b.reopen(() => {});
      expect(b.db).not.toBe(first);
      expect(statementCacheStats(first)!.size).toBe(0);
      expect(statementCacheStats(b.db)).toEqual({ size: 0, hits: 0, prepared: 0 });
    } finally {
      b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
