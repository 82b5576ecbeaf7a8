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
  private statements = new Map<string, Statement>();
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
  private statementFor(columns: readonly PersonColumn[]): Statement {
    const key = columns.join(',');
    let stmt = this.statements.get(key);
    if (!stmt) {
      const sets = [...columns.map((c) => `${toSnake(c)} = ?`), 'updated_at = ?'];
      stmt = this.db.prepare(`UPDATE people SET ${sets.join(', ')} WHERE id = ?`);
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  update(change: PersonChange): void {
    // Always in PERSON_COLUMNS order, so rows changing the same fields share one statement.
    const columns = PERSON_COLUMNS.filter((c) => c in change.set);
    const values = columns.map((c) => change.set[c] ?? null);
    this.statementFor(columns).run(...values, this.at, change.id);
    if (change.roles) {
      this.deleteRoles.run(change.id);
      for (const role of change.roles) this.insertRole.run(change.id, role);
    }
  }
}
