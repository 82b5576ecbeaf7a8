// The system area's storage: the single office profile row, settings as JSON by key, operators
// (read through a view that leaves the password hash out), the audit log and the export history.
import type { Database } from 'better-sqlite3';
import type { EntityDef } from '../entity';
import { fromRow, toParams, toSnake } from '../rows';

export const operatorDef: EntityDef = {
  name: 'operator',
  label: '操作员',
  table: 'operators',
  view: 'operators_view',
  bools: ['active'],
  search: { contains: ['name'] },
  filters: { role: 'role', active: 'active' },
  sortable: { name: 'name', role: 'role' },
  defaultSort: 'id',
};

/** Local calendar day → the UTC instant it starts at (audit times are stored as UTC ISO strings). */
const localDayStart = (iso: string) =>
  new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))).toISOString();

export const auditDef: EntityDef = {
  name: 'audit',
  label: '操作日志',
  table: 'audit_log',
  view: 'audit_log_view',
  json: ['before', 'after'],
  search: { contains: ['operator_name', 'action', 'entity'] },
  filters: {
    operatorName: 'operator_name',
    entity: 'entity',
    entityId: 'entity_id',
    from: (v) => ({ sql: 'at >= ?', params: [localDayStart(String(v))] }),
    // Up to and including the whole `to` day.
    to: (v) => {
      const next = new Date(localDayStart(String(v)));
      next.setDate(next.getDate() + 1);
      return { sql: 'at < ?', params: [next.toISOString()] };
    },
  },
  sortable: { at: 'at' },
  // Newest first; ids follow the chain, so they break ties between entries of the same instant.
  defaultSort: 'id DESC',
};

export const reportExportDef: EntityDef = {
  name: 'reportExport',
  label: '报表导出记录',
  table: 'report_exports',
  view: 'report_exports_view',
  json: ['figures'],
  filters: { reportId: 'report_id', period: 'period' },
  sortable: { exportedAt: 'exported_at', reportId: 'report_id', period: 'period' },
  defaultSort: 'exported_at DESC, id DESC',
};

// ---- office profile (one row, id = 1) -------------------------------------------------------

export function getOffice(db: Database): Record<string, unknown> | null {
  const row = db.prepare('SELECT * FROM office_profile WHERE id = 1').get() as Record<string, unknown> | undefined;
  return row ? fromRow(row) : null;
}

/** Inserts the profile or replaces every field of it; created_at survives a replace. */
export function saveOffice(db: Database, values: Record<string, unknown>, at: string): void {
  const params = toParams(values);
  const keys = Object.keys(params);
  const cols = keys.map(toSnake);
  db.prepare(
    `INSERT INTO office_profile (id, ${cols.join(', ')}, created_at, updated_at)
     VALUES (1, ${keys.map((k) => `@${k}`).join(', ')}, @__at, @__at)
     ON CONFLICT (id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
  ).run({ ...params, __at: at });
}

// ---- settings -------------------------------------------------------------------------------

export function getSetting(db: Database, key: string): unknown {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as
    { value_json: string } | undefined;
  return row ? JSON.parse(row.value_json) : undefined;
}

export function setSetting(db: Database, key: string, value: unknown, at: string): void {
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

// ---- operators ------------------------------------------------------------------------------

export interface OperatorSecret {
  id: number;
  name: string;
  role: string;
  active: boolean;
  passwordHash: string;
}

/** The one read of a password hash, for login only. */
export function findOperatorForLogin(db: Database, name: string): OperatorSecret | undefined {
  const row = db.prepare('SELECT id, name, role, active, password_hash FROM operators WHERE name = ?').get(name) as
    { id: number; name: string; role: string; active: number; password_hash: string } | undefined;
  return (
    row && { id: row.id, name: row.name, role: row.role, active: row.active === 1, passwordHash: row.password_hash }
  );
}

export function countOperators(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
}

/** Active administrators other than `exceptId`: the last one may not be demoted or switched off. */
export function countOtherActiveAdmins(db: Database, exceptId: number): number {
  return (
    db
      .prepare(`SELECT count(*) AS n FROM operators WHERE role = '管理员' AND active = 1 AND id <> ?`)
      .get(exceptId) as { n: number }
  ).n;
}

export function setPasswordHash(db: Database, id: number, hash: string, at: string): void {
  db.prepare('UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, at, id);
}

export function recordLogin(db: Database, id: number, at: string): void {
  db.prepare('UPDATE operators SET last_login_at = ? WHERE id = ?').run(at, id);
}
