// Import history and remembered mappings. Written only inside import.commit's transaction.
import type { Database } from 'better-sqlite3';
import { fromRow } from '../rows';
import type { ImportKind } from '../../core/imports/kinds';

export interface ImportHistoryRow {
  id: number;
  at: string;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  fileSize: number;
  sheet: string;
  onExisting: 'update' | 'skip';
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  total: number;
  operatorName: string;
}

type NewHistory = Omit<ImportHistoryRow, 'id'> & { operatorId: number | null };

const COLUMNS =
  'id, at, kind, file_name, file_hash, file_size, sheet, on_existing, created, updated, unchanged, skipped, rejected, total, operator_name';

export function insertImportHistory(db: Database, h: NewHistory): number {
  const r = db
    .prepare(
      `INSERT INTO import_history (at, kind, file_name, file_hash, file_size, sheet, on_existing, created, updated, unchanged, skipped, rejected, total, operator_id, operator_name)
       VALUES (@at, @kind, @fileName, @fileHash, @fileSize, @sheet, @onExisting, @created, @updated, @unchanged, @skipped, @rejected, @total, @operatorId, @operatorName)`,
    )
    .run(h);
  return Number(r.lastInsertRowid);
}

/** Earlier imports of the same bytes, newest first. */
export function importsOfHash(db: Database, hash: string): ImportHistoryRow[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM import_history WHERE file_hash = ? ORDER BY id DESC`)
    .all(hash) as Record<string, unknown>[];
  return rows.map((r) => fromRow(r) as unknown as ImportHistoryRow);
}

export function listImportHistory(db: Database, q: { kind?: string | null; page: number; pageSize: number }) {
  const where = q.kind ? 'WHERE kind = ?' : '';
  const params = q.kind ? [q.kind] : [];
  const total = (db.prepare(`SELECT count(*) AS n FROM import_history ${where}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM import_history ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.pageSize, (q.page - 1) * q.pageSize) as Record<string, unknown>[];
  return {
    rows: rows.map((r) => fromRow(r) as unknown as ImportHistoryRow),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function rememberedMapping(db: Database, kind: string, shape: string): Record<string, string | null> | null {
  const row = db.prepare('SELECT mapping_json FROM import_mappings WHERE kind = ? AND shape = ?').get(kind, shape) as
    { mapping_json: string } | undefined;
  return row ? (JSON.parse(row.mapping_json) as Record<string, string | null>) : null;
}

export function rememberMapping(
  db: Database,
  kind: string,
  shape: string,
  mapping: Record<string, string | null>,
  at: string,
): void {
  db.prepare(
    `INSERT INTO import_mappings (kind, shape, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, shape) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(kind, shape, JSON.stringify(mapping), at, at);
}
