// Updating many people at once (the roster import): only the columns that change, with one
// prepared statement per set of changed columns, reused row after row. The rows must already have
// passed the person rules (the import checks them with the same rules.ts person.update applies);
// nothing is checked here, and the caller wraps the writes in its transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { PersonRole } from '../../../core/enums';
import { PERSON_COLUMNS, type PersonColumn } from '../../../db/entities/personnel';
import { toSnake } from '../../../db/rows';

export const PERSON_COLUMN_SET: ReadonlySet<string> = new Set(PERSON_COLUMNS);

export interface PersonChange {
  id: number;
  /** Changed columns (API spelling) and their new values. */
  set: Partial<Record<PersonColumn, unknown>>;
  /** The new roles, when they change. */
  roles?: readonly PersonRole[];
}

export class PeopleUpdater {
  /** Per set of changed columns (as the caller's keys list them): the columns in order and their UPDATE. */
  private statements = new Map<string, { columns: PersonColumn[]; stmt: Statement }>();
  private deleteRoles: Statement;
  private insertRole: Statement;

  constructor(
    private readonly db: Database,
    /** The updated_at stamp of every row written. */
    private readonly at: string,
  ) {
    this.deleteRoles = db.prepare('DELETE FROM person_roles WHERE person_id = ?');
    this.insertRole = db.prepare('INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
  }

  /** The UPDATE for one set of columns, prepared the first time that set is seen. */
  private statementFor(set: PersonChange['set']) {
    const key = Object.keys(set).join(',');
    let found = this.statements.get(key);
    if (!found) {
      // PERSON_COLUMNS order, so the same set in another key order shares the SQL (and the cache's statement).
      const columns = PERSON_COLUMNS.filter((c) => c in set);
      const sets = [...columns.map((c) => `${toSnake(c)} = ?`), 'updated_at = ?'];
      found = { columns, stmt: this.db.prepare(`UPDATE people SET ${sets.join(', ')} WHERE id = ?`) };
      this.statements.set(key, found);
    }
    return found;
  }

  update(change: PersonChange): void {
    const { columns, stmt } = this.statementFor(change.set);
    const values = columns.map((c) => change.set[c] ?? null);
    stmt.run(...values, this.at, change.id);
    if (change.roles) {
      this.deleteRoles.run(change.id);
      for (const role of change.roles) this.insertRole.run(change.id, role);
    }
  }
}
