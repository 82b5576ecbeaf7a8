// Each area's tables by their Chinese names (for messages that say what refers to what) and the
// rows a new workspace starts with. The tables are created by db/migrations, the views by db/views.
import type { Database } from 'better-sqlite3';
import type { SchemaPart } from './types';
import { registerTableLabels } from '../labels';
import { base } from './base';
import { regions } from './regions';
import { personnel } from './personnel';
import { contracts } from './contracts';
import { budget } from './budget';
import { training } from './training';
import { workplan } from './workplan';
import { imports } from './imports';
import { quality } from './quality';
import { fieldwork } from './fieldwork';

export const schemaParts: SchemaPart[] = [
  base,
  regions,
  personnel,
  contracts,
  budget,
  training,
  workplan,
  imports,
  fieldwork,
  quality,
];

for (const part of schemaParts) registerTableLabels(part.labels);

/** Rows a brand-new workspace starts with: budget categories, milestones, progress categories. */
export function seedNewWorkspace(db: Database) {
  for (const part of schemaParts) part.seed?.(db);
}
