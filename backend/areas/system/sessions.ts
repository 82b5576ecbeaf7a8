// Sessions and the first run: logging in (the idle clock itself is dispatch's; the back-off after
// failures is backend/loginGuard.ts), the first 管理员 and 单位信息, and bringing a data package in
// before anyone can log in.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { OperatorRole } from '../../../core/enums';
import { insertRecord } from '../../../db/entity';
import { UserError } from '../../../db/errors';
import {
  countOperators,
  findOperatorForLogin,
  getOffice,
  operatorDef,
  recordLogin,
  saveOffice,
  setPasswordHash,
  type OperatorSecret,
} from '../../../db/entities/system';
import { appendAudit } from '../../../db/audit';
import { listUnits, replaceUnits } from '../../../db/entities/units';
import { importPackageInBackground } from '../../backups/package';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../../passwords';
import { workspaceOf, type HandlerCtx } from '../../context';
import { beginLogin } from '../../loginGuard';
import { twoPhase } from '../../phases';
import { applyWorkPlan, createTownships } from './firstRun';
import { workspaceKey } from './encryption';

const LOGIN_FAILED = '用户名或密码错误';

const sessionOf = (o: { id: number; name: string; role: string }) => ({
  id: o.id,
  name: o.name,
  role: o.role as OperatorRole,
});

interface LoginChecked {
  operator: OperatorSecret;
  /** The password hashed at today's cost, when the stored hash is weaker. */
  rehash: string | null;
}

/** A failed attempt is recorded apart from the call, which fails and so writes nothing itself. */
function recordFailure(ctx: HandlerCtx, found: OperatorSecret | undefined, reason: string) {
  appendAudit(ctx.db, {
    at: ctx.now().toISOString(),
    operatorId: found?.id ?? null,
    // Never the name as typed: a password typed into the name box would end up in the log.
    operatorName: found?.name ?? '（不存在的用户名）',
    action: 'loginFailed',
    entity: 'session',
    entityId: found?.id ?? null,
    before: null,
    after: { reason },
  });
}

/**
 * Logging in: the password is checked off the main thread (first phase), after the back-off of
 * backend/loginGuard.ts let the attempt through; failures are recorded at once, a success in the
 * call's own transaction with the last-login time and, if the stored hash is weaker than today's,
 * its replacement.
 */
export const login = twoPhase<'session.login', LoginChecked>({
  prepare: async (input, ctx) => {
    const attempt = beginLogin(ctx, input.name);
    try {
      const found = findOperatorForLogin(ctx.db, input.name);
      if (!found) await burnPasswordCheck(input.password);
      if (!found || !(await verifyPassword(input.password, found.passwordHash))) {
        attempt.end(false);
        recordFailure(ctx, found, found ? '密码错误' : '用户名不存在');
        throw new UserError('LOGIN_FAILED', LOGIN_FAILED);
      }
      // Told only to someone who knows the password, so it leaks nothing.
      attempt.end(true);
      if (!found.active) {
        recordFailure(ctx, found, '操作员已停用');
        throw new UserError('OPERATOR_INACTIVE', '该操作员已停用，请联系管理员');
      }
      return { operator: found, rehash: needsRehash(found.passwordHash) ? await hashPassword(input.password) : null };
    } finally {
      attempt.end(false); // only if neither answer above ended it (an unexpected error)
    }
  },
  commit: ({ operator, rehash }, _input, ctx) => {
    const at = ctx.now().toISOString();
    if (rehash) setPasswordHash(ctx.db, operator.id, rehash, at);
    recordLogin(ctx.db, operator.id, at);
    ctx.audit('login', 'session', operator.id, null, { rehashed: rehash !== null });
    return sessionOf(operator);
  },
});

export const logout = (): OutputOf<'session.logout'> => null;

export const currentSession = (ctx: HandlerCtx): OutputOf<'session.current'> =>
  ctx.operator ? { ...ctx.operator } : null;

/** The lock itself is dispatch's (it owns the idle clock); reaching here means the caller was let in. */
export const lockSession = (): OutputOf<'session.lock'> => null;

/** An open file is never locked: the locked gate (backend/lockedStart.ts) answers for a closed one. */
export const setupStatus = (ctx: HandlerCtx): OutputOf<'setup.status'> => ({
  hasOffice: getOffice(ctx.db) !== null,
  hasOperators: countOperators(ctx.db) > 0,
  encrypted: ctx.workspace ? workspaceKey(ctx.workspace) !== null : false,
  locked: false,
});

export const setupInit = twoPhase<'setup.init', string>({
  prepare: (input) => hashPassword(input.admin.password),
  commit: (passwordHash, input, ctx) => {
    // First run only: once anyone can log in, the profile and operators are an admin's business.
    if (countOperators(ctx.db) > 0) throw new UserError('ALREADY_INITIALIZED', '系统已完成初始化，不能重复初始化');
    const at = ctx.now().toISOString();
    saveOffice(ctx.db, input.office, at);
    // A city's counties or a province's cities, chosen in the wizard (checked by the schema).
    if (input.units && input.office.level !== '县') replaceUnits(ctx.db, input.units, at);
    // A county's townships and villages and its work plan, chosen in the wizard (backend/areas/system/firstRun.ts).
    const townships = input.townships?.length ? createTownships(ctx, input.townships) : undefined;
    const workPlan = input.workPlan ? applyWorkPlan(ctx, input.workPlan, input.office.referenceDate) : undefined;
    const id = insertRecord(ctx.db, operatorDef, {
      name: input.admin.name,
      role: '管理员',
      active: true,
      passwordHash,
    });
    const admin = sessionOf({ id, name: input.admin.name, role: '管理员' });
    ctx.audit('setup', 'office', 1, null, {
      office: getOffice(ctx.db),
      units: listUnits(ctx.db),
      ...(townships ? { townships } : {}),
      ...(workPlan ? { workPlan } : {}),
      admin,
    });
    return admin;
  },
});

export async function setupImportPackage(
  ctx: HandlerCtx,
  input: ParsedInputOf<'setup.importPackage'>,
): Promise<OutputOf<'setup.importPackage'>> {
  // Public only before the first operator exists: afterwards the data is a 管理员's to replace.
  if (countOperators(ctx.db) > 0) {
    throw new UserError(
      'ALREADY_INITIALIZED',
      '系统已有操作员，不能在登录前导入数据包：请由管理员登录后在“系统设置 → 数据包”中打开数据包',
    );
  }
  const r = await importPackageInBackground(workspaceOf(ctx), input);
  // Audited into the data it brought in, as the first run on this computer.
  ctx.audit('import', 'package', null, null, {
    from: r.restoredFrom,
    safetyCopy: r.safetyCopy.file,
    fromVersion: r.fromVersion,
    firstRun: true,
  });
  return r;
}
