// The office's level (migration 6): a county (县) exports its own R2, a city (市) or province (省)
// office the consolidation of the reports it received.
import type { Database } from 'better-sqlite3';

export type OfficeLevel = '县' | '市' | '省';

/** The office's level; a file from before migration 6 (or without a profile) is a county's. */
export function officeLevel(db: Database): OfficeLevel {
  const row = db.prepare('SELECT level FROM office_profile WHERE id = 1').get() as { level?: string } | undefined;
  return row?.level === '市' || row?.level === '省' ? row.level : '县';
}
