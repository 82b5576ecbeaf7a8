// A generic repository: one EntityDef per table gives insert / get / update / list / delete with
// search, filters, sort and paging, and a delete that names what still refers to the record.
import type { Database } from 'better-sqlite3';
import { fromRow, toParams, toSnake, type ColumnKinds } from './rows';
import { UserError } from './errors';
import { tableLabel } from './labels';
import { clockIso } from './clock';

export type FilterSql = (value: unknown) => { sql: string; params: unknown[] };

export interface EntityDef extends ColumnKinds {
  /** API name, e.g. 'township'. */
  name: string;
  /** Chinese name, e.g. '乡镇（街道）'. */
  label: string;
  table: string;
  /** Where get/list read from: a view that adds derived and joined columns (default: the table). */
  view?: string;
  /** Columns (snake_case, of the view) searched with the list's `q`. Prefix-only ones are matched `q%`. */
  search?: { contains?: string[]; prefix?: string[] };
  /** Filter key → column equality (string) or a SQL builder. */
  filters?: Record<string, string | FilterSql>;
  /** Sortable field → SQL expression of the view. */
  sortable?: Record<string, string>;
  defaultSort?: string;
}

export interface ListQuery {
  q?: string;
  filters?: Record<string, unknown>;
  sort?: { field: string; dir: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function getRecord(db: Database, def: EntityDef, id: number): Record<string, unknown> | undefined {
  const row = db.prepare(`SELECT * FROM ${def.view ?? def.table} WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  return row && fromRow(row, def);
}

export function requireRecord(db: Database, def: EntityDef, id: number): Record<string, unknown> {
  const r = getRecord(db, def, id);
  if (!r) throw new UserError('NOT_FOUND', `${def.label}不存在（编号 ${id}）`);
  return r;
}

export function insertRecord(db: Database, def: EntityDef, values: Record<string, unknown>): number {
  const params = toParams(values, def);
  const keys = Object.keys(params);
  const at = clockIso(db);
  const cols = [...keys.map(toSnake), 'created_at', 'updated_at'];
  const sql = `INSERT INTO ${def.table} (${cols.join(', ')}) VALUES (${[...keys.map((k) => `@${k}`), '@__at', '@__at'].join(', ')})`;
  return Number(db.prepare(sql).run({ ...params, __at: at }).lastInsertRowid);
}

export function updateRecord(db: Database, def: EntityDef, id: number, values: Record<string, unknown>): void {
  const params = toParams(values, def);
  const keys = Object.keys(params);
  const sets = [...keys.map((k) => `${toSnake(k)} = @${k}`), 'updated_at = @__at'];
  const r = db
    .prepare(`UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = @__id`)
    .run({ ...params, __at: clockIso(db), __id: id });
  if (r.changes === 0) throw new UserError('NOT_FOUND', `${def.label}不存在（编号 ${id}）`);
}

/**
 * One page of a list and the number of matches. `knownTotal`: the caller already knows the count
 * (read from an index that answers it exactly), so the count query is skipped.
 */
export function listRecords(db: Database, def: EntityDef, query: ListQuery, knownTotal?: number) {
  const where: string[] = [];
  const params: unknown[] = [];
  const q = query.q?.trim();
  if (q) {
    const ors: string[] = [];
    for (const c of def.search?.contains ?? []) {
      ors.push(`${c} LIKE ? ESCAPE '\\'`);
      params.push(`%${escapeLike(q)}%`);
    }
    for (const c of def.search?.prefix ?? []) {
      ors.push(`${c} LIKE ? ESCAPE '\\'`);
      params.push(`${escapeLike(q.toUpperCase())}%`);
    }
    if (ors.length) where.push(`(${ors.join(' OR ')})`);
  }
  for (const [key, value] of Object.entries(query.filters ?? {})) {
    // Optional filter fields parse a missing value to null: null means "not filtering".
    // Filters for "has none" are explicit booleans (hasSupervisor: false), never null.
    if (value === undefined || value === null) continue;
    const f = def.filters?.[key];
    if (!f) throw new UserError('BAD_FILTER', `不支持按“${key}”筛选`);
    if (typeof f === 'string') {
      where.push(`${f} = ?`);
      params.push(typeof value === 'boolean' ? Number(value) : value);
    } else {
      const built = f(value);
      where.push(`(${built.sql})`);
      params.push(...built.params);
    }
  }
  const from = def.view ?? def.table;
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sortExpr = query.sort ? def.sortable?.[query.sort.field] : undefined;
  const order = sortExpr ? `${sortExpr} ${query.sort!.dir === 'desc' ? 'DESC' : 'ASC'}, id` : (def.defaultSort ?? 'id');
  const total =
    knownTotal ?? (db.prepare(`SELECT count(*) AS n FROM ${from} ${whereSql}`).get(...params) as { n: number }).n;
  const offset = (query.page - 1) * query.pageSize;
  const rows = db
    .prepare(`SELECT * FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, query.pageSize, offset) as Record<string, unknown>[];
  return { rows: rows.map((r) => fromRow(r, def)), total, page: query.page, pageSize: query.pageSize };
}

interface ForeignKey {
  table: string;
  from: string;
  to: string;
  onDelete: string;
}

const fkCache = new WeakMap<Database, ForeignKey[]>();

/** Every foreign key in the schema, read from SQLite itself so the refusal can never go stale. */
export function foreignKeys(db: Database): ForeignKey[] {
  let fks = fkCache.get(db);
  if (!fks) {
    fks = [];
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    for (const { name } of tables) {
      const list = db.prepare(`PRAGMA foreign_key_list(${name})`).all() as {
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[];
      for (const fk of list) fks.push({ table: name, from: fk.from, to: fk.table, onDelete: fk.on_delete });
    }
    fkCache.set(db, fks);
  }
  return fks;
}

/** What still refers to a record, e.g. ['3 个村（社区）', '12 名人员']; owned (CASCADE) children do not count. */
export function referencesTo(db: Database, table: string, id: number): string[] {
  const found: string[] = [];
  for (const fk of foreignKeys(db)) {
    if (fk.to !== table || fk.onDelete === 'CASCADE' || fk.onDelete === 'SET NULL') continue;
    const n = (db.prepare(`SELECT count(*) AS n FROM ${fk.table} WHERE ${fk.from} = ?`).get(id) as { n: number }).n;
    if (n > 0) found.push(`${n} 条${tableLabel(fk.table)}`);
  }
  return found;
}

export function deleteRecord(db: Database, def: EntityDef, id: number): void {
  requireRecord(db, def, id);
  const refs = referencesTo(db, def.table, id);
  if (refs.length) {
    throw new UserError('IN_USE', `无法删除${def.label}：仍有${refs.join('、')}引用它，请先处理这些记录`);
  }
  db.prepare(`DELETE FROM ${def.table} WHERE id = ?`).run(id);
}

/** Checks each non-null foreign key value points at an existing row; the message names the field. */
export function checkReferences(
  db: Database,
  table: string,
  values: Record<string, unknown>,
  fieldLabel: (key: string) => string,
) {
  for (const fk of foreignKeys(db)) {
    if (fk.table !== table) continue;
    const key = Object.keys(values).find((k) => toSnake(k) === fk.from);
    if (!key || values[key] == null) continue;
    const exists = db.prepare(`SELECT 1 FROM ${fk.to} WHERE id = ?`).get(values[key]);
    if (!exists) {
      throw new UserError('BAD_REFERENCE', `${fieldLabel(key)}不存在（编号 ${String(values[key])}）`, [
        { path: key, message: `${fieldLabel(key)}不存在（编号 ${String(values[key])}）` },
      ]);
    }
  }
}
