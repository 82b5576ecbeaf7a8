// Who may call what, enforced in dispatch for every method and every transport; the UI only hides
// what would be refused anyway. A method's contract says its level — read: anyone logged in;
// write: 录入员 and 管理员; admin: 管理员 — and PUBLIC_METHODS need no operator at all. A few
// methods decide from a setting instead (OVERRIDES). The caller's role is read from the operators
// table on every call, so a demotion or a switched-off operator takes effect at once.
import { idleLockMessage } from '../core/idle';
import type { Database } from 'better-sqlite3';
import { api, type ApiError, type MethodName } from '../core/api';
import type { Access } from '../core/api/define';
import { isPublicMethod } from '../core/api/system';
import type { OperatorRole } from '../core/enums';
import type { CallCtx, Operator } from './context';
import type { IdleLock } from './idleLock';
import { readSafety } from './safetySettings';

export const ROLES_FOR_ACCESS: Record<Access, readonly OperatorRole[]> = {
  read: ['只读', '录入员', '管理员'],
  write: ['录入员', '管理员'],
  admin: ['管理员'],
};

/** Methods whose roles come from a setting rather than their access level. */
const OVERRIDES: Partial<Record<MethodName, (db: Database) => readonly OperatorRole[]>> = {
  'sensitive.reveal': (db) => readSafety(db).revealRoles,
};

export function allowedRoles(method: MethodName, db: Database): readonly OperatorRole[] {
  const override = OVERRIDES[method];
  return override ? override(db) : ROLES_FOR_ACCESS[api[method].access];
}

export type Authorized = { ok: true; operator: Operator | null } | { ok: false; error: ApiError };

const refuse = (code: string, message: string): Authorized => ({ ok: false, error: { code, message, issues: [] } });

interface OperatorRow {
  id: number;
  name: string;
  role: OperatorRole;
  active: number;
}

/**
 * The caller as the data knows them now. In-process callers without an id (tests, scripts, the
 * demo loader) are taken at their word; anyone with an id must still exist, be active and bear
 * the same name (after a restore an id may belong to someone else).
 */
export function authorize(method: MethodName, call: CallCtx, db: Database, idle: IdleLock): Authorized {
  if (isPublicMethod(method)) return { ok: true, operator: call.operator };
  if (!call.operator) return refuse('UNAUTHENTICATED', '请先登录');
  let operator = call.operator;
  if (operator.id !== null) {
    const row = db.prepare('SELECT id, name, role, active FROM operators WHERE id = ?').get(operator.id) as
      OperatorRow | undefined;
    if (!row || row.active !== 1 || row.name !== operator.name) {
      return refuse('SESSION_INVALID', '登录已失效（操作员已停用、已更名或数据已恢复），请重新登录');
    }
    const minutes = readSafety(db).idleLockMinutes;
    if (idle.touch(row.id, minutes) === 'locked') {
      return refuse('IDLE_LOCKED', idleLockMessage(minutes));
    }
    operator = { id: row.id, name: row.name, role: row.role };
  }
  const roles = allowedRoles(method, db);
  if (!roles.includes(operator.role)) {
    const spec = api[method];
    return refuse('FORBIDDEN', `当前角色（${operator.role}）无权执行“${spec.summary}”：需要${roles.join('或')}权限`);
  }
  return { ok: true, operator };
}
