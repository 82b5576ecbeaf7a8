// Every view, area by area. Views hold no data and are not part of any migration: openDatabase
// drops every view in the file before the migrations run and creates these after them, in the
// same transaction, so a changed view needs no migration and an old, restored or imported file
// gets the current views. A view may read another area's tables and any view listed before it.
import type { Database } from 'better-sqlite3';
import { baseViews } from './base';
import { regionViews } from './regions';
import { personnelViews } from './personnel';
import { contractViews } from './contracts';
import { budgetViews } from './budget';
import { trainingViews } from './training';
import { qualityViews } from './quality';
import { fieldworkViews } from './fieldwork';

export const VIEWS: readonly string[] = [
  ...baseViews,
  ...regionViews,
  ...personnelViews,
  ...contractViews,
  ...budgetViews,
  ...trainingViews,
  ...qualityViews,
  ...fieldworkViews,
];

/** Drops every view the file holds, ours or not (a view a newer build no longer has goes too). */
export function dropViews(db: Database): void {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view'`).pluck().all() as string[];
  for (const name of names) db.exec(`DROP VIEW "${name.replace(/"/g, '""')}"`);
}

export function createViews(db: Database): void {
  for (const sql of VIEWS) db.exec(sql);
}
