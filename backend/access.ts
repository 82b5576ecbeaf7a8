// Who may call what, enforced in dispatch for every method and every transport; the UI only hides
// what would be refused anyway. A method's contract declares its access — public: no operator
// needed; read: anyone logged in; write: 录入员 and 管理员; admin: 管理员; reveal: the roles the
// safety settings allow — and may demand more for some inputs (its rules, checked once the input
// is valid). The caller's role is read from the operators table on every call, so a demotion or a
// switched-off operator takes effect at once.
import { idleLockMessage } from '../core/idle';
import type { Database } from 'better-sqlite3';
import { api, type ApiError, type MethodName } from '../core/api';
import { rulesFor, type Access, type MethodSpec } from '../core/api/define';
import { OPERATOR_ROLES, type OperatorRole } from '../core/enums';
import type { CallCtx, Operator } from './context';
import { idleKey, type IdleLock } from './idleLock';
import { readSafety } from './safetySettings';

const FIXED_ROLES: Record<Exclude<Access, 'reveal'>, readonly OperatorRole[]> = {
  public: OPERATOR_ROLES,
  read: ['只读', '录入员', '管理员'],
  write: ['录入员', '管理员'],
  admin: ['管理员'],
};

/** The roles an access level admits; 'reveal' is a setting of the data. */
export function rolesFor(access: Access, db: Database): readonly OperatorRole[] {
  return access === 'reveal' ? readSafety(db).revealRoles : FIXED_ROLES[access];
}

/**
 * Whether the caller may see sensitive values in full (the 'reveal' roles). In-process callers
 * without an operator (tests, scripts) are trusted; anyone else is held to the safety settings.
 */
export function mayReveal(db: Database, operator: Operator | null): boolean {
  return !operator || rolesFor('reveal', db).includes(operator.role);
}

export type Authorized = { ok: true; operator: Operator | null } | { ok: false; error: ApiError };

const refusal = (code: string, message: string): ApiError => ({ code, message, issues: [] });
const refuse = (code: string, message: string): Authorized => ({ ok: false, error: refusal(code, message) });

interface OperatorRow {
  id: number;
  name: string;
  role: OperatorRole;
  active: number;
}

/**
 * The caller as the data knows them now, held to the method's own access. In-process callers
 * without an id (tests, scripts, the demo loader) are taken at their word; anyone with an id must
 * still exist, be active and bear the same name (after a restore an id may belong to someone else).
 */
export function authorize(method: MethodName, call: CallCtx, db: Database, idle: IdleLock): Authorized {
  const spec = api[method];
  if (spec.access === 'public') return { ok: true, operator: call.operator };
  if (!call.operator) return refuse('UNAUTHENTICATED', '请先登录');
  let operator = call.operator;
  if (operator.id !== null) {
    const row = db.prepare('SELECT id, name, role, active FROM operators WHERE id = ?').get(operator.id) as
      OperatorRow | undefined;
    if (!row || row.active !== 1 || row.name !== operator.name) {
      return refuse('SESSION_INVALID', '登录已失效（操作员已停用、已更名或数据已恢复），请重新登录');
    }
    const minutes = readSafety(db).idleLockMinutes;
    if (idle.touch(idleKey(call.session, row.id), minutes) === 'locked') {
      return refuse('IDLE_LOCKED', idleLockMessage(minutes));
    }
    operator = { id: row.id, name: row.name, role: row.role };
  }
  const roles = rolesFor(spec.access, db);
  if (!roles.includes(operator.role)) {
    return refuse('FORBIDDEN', `当前角色（${operator.role}）无权执行“${spec.summary}”：需要${roles.join('或')}权限`);
  }
  return { ok: true, operator };
}

/** The access the method's rules demand for this (valid) input; null when the caller meets it. */
export function authorizeInput(
  method: MethodName,
  input: unknown,
  operator: Operator | null,
  db: Database,
): ApiError | null {
  const spec: MethodSpec = api[method];
  for (const rule of rulesFor(spec, input)) {
    if (!rule.access) continue;
    const roles = rolesFor(rule.access.level, db);
    const role = operator?.role;
    if (role && roles.includes(role)) continue;
    const hint = rule.access.hint ? `；${rule.access.hint}` : '';
    return refusal(
      'FORBIDDEN',
      `当前角色（${role ?? '未登录'}）不能${rule.access.action}：需要${roles.join('或')}权限${hint}`,
    );
  }
  return null;
}
