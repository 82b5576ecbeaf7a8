// report_units: the units a city or province office receives reports from, in the clerk's order.
import type { Database } from 'better-sqlite3';

export interface UnitRowStored {
  code: string;
  name: string;
  sortOrder: number;
}

export function listUnits(db: Database): UnitRowStored[] {
  return db
    .prepare('SELECT code, name, sort_order AS sortOrder FROM report_units ORDER BY sort_order, code')
    .all() as UnitRowStored[];
}

/** Replaces the whole list; a unit kept keeps its created_at. */
export function replaceUnits(db: Database, units: readonly { code: string; name: string }[], at: string): void {
  const codes = units.map((u) => u.code);
  db.prepare(`DELETE FROM report_units WHERE code NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(codes));
  const upsert = db.prepare(
    `INSERT INTO report_units (code, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order,
       updated_at = CASE WHEN name = excluded.name AND sort_order = excluded.sort_order THEN updated_at
                         ELSE excluded.updated_at END`,
  );
  units.forEach((u, i) => upsert.run(u.code, u.name, i + 1, at, at));
}

/** Units (by code) that have reports or files filed under them: the ledger and the city report need them. */
export function unitsWithReceived(db: Database, codes: readonly string[]): string[] {
  if (codes.length === 0) return [];
  return (
    db
      .prepare(
        `SELECT DISTINCT unit_code AS code FROM received_reports WHERE unit_code IN (SELECT value FROM json_each(?))
         ORDER BY unit_code`,
      )
      .all(JSON.stringify(codes)) as { code: string }[]
  ).map((r) => r.code);
}

export const countUnits = (db: Database): number =>
  (db.prepare('SELECT count(*) AS n FROM report_units').get() as { n: number }).n;

export const countIntakeFiles = (db: Database): number =>
  (db.prepare('SELECT count(*) AS n FROM intake_files').get() as { n: number }).n;
