// Sessions and the first run: logging in (the idle clock itself is dispatch's), the first 管理员 and
// 单位信息, and bringing a data package in before anyone can log in.
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
} from '../../../db/entities/system';
import { importPackage } from '../../backups/package';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../../passwords';
import { workspaceOf, type HandlerCtx } from '../../context';

const LOGIN_FAILED = '用户名或密码错误';

const sessionOf = (o: { id: number; name: string; role: string }) => ({
  id: o.id,
  name: o.name,
  role: o.role as OperatorRole,
});

export function login(ctx: HandlerCtx, input: ParsedInputOf<'session.login'>): OutputOf<'session.login'> {
  const found = findOperatorForLogin(ctx.db, input.name);
  if (!found) {
    burnPasswordCheck(input.password);
    throw new UserError('LOGIN_FAILED', LOGIN_FAILED);
  }
  if (!verifyPassword(input.password, found.passwordHash)) throw new UserError('LOGIN_FAILED', LOGIN_FAILED);
  // Told only to someone who knows the password, so it leaks nothing.
  if (!found.active) throw new UserError('OPERATOR_INACTIVE', '该操作员已停用，请联系管理员');
  const at = ctx.now().toISOString();
  if (needsRehash(found.passwordHash)) setPasswordHash(ctx.db, found.id, hashPassword(input.password), at);
  recordLogin(ctx.db, found.id, at);
  return sessionOf(found);
}

export const logout = (): OutputOf<'session.logout'> => null;

export const currentSession = (ctx: HandlerCtx): OutputOf<'session.current'> =>
  ctx.operator ? { ...ctx.operator } : null;

/** The lock itself is dispatch's (it owns the idle clock); reaching here means the caller was let in. */
export const lockSession = (): OutputOf<'session.lock'> => null;

export const setupStatus = (ctx: HandlerCtx): OutputOf<'setup.status'> => ({
  hasOffice: getOffice(ctx.db) !== null,
  hasOperators: countOperators(ctx.db) > 0,
});

export function setupInit(ctx: HandlerCtx, input: ParsedInputOf<'setup.init'>): OutputOf<'setup.init'> {
  // First run only: once anyone can log in, the profile and operators are an admin's business.
  if (countOperators(ctx.db) > 0) throw new UserError('ALREADY_INITIALIZED', '系统已完成初始化，不能重复初始化');
  const at = ctx.now().toISOString();
  saveOffice(ctx.db, input.office, at);
  const id = insertRecord(ctx.db, operatorDef, {
    name: input.admin.name,
    role: '管理员',
    active: true,
    passwordHash: hashPassword(input.admin.password),
  });
  const admin = sessionOf({ id, name: input.admin.name, role: '管理员' });
  ctx.audit('setup', 'office', 1, null, { office: getOffice(ctx.db), admin });
  return admin;
}

export function setupImportPackage(
  ctx: HandlerCtx,
  input: ParsedInputOf<'setup.importPackage'>,
): OutputOf<'setup.importPackage'> {
  // Public only before the first operator exists: afterwards the data is a 管理员's to replace.
  if (countOperators(ctx.db) > 0) {
    throw new UserError(
      'ALREADY_INITIALIZED',
      '系统已有操作员，不能在登录前导入数据包：请由管理员登录后在“系统设置 → 数据包”中打开数据包',
    );
  }
  const r = importPackage(workspaceOf(ctx), input);
  // Audited into the data it brought in, as the first run on this computer.
  ctx.audit('import', 'package', null, null, {
    from: r.restoredFrom,
    safetyCopy: r.safetyCopy.file,
    fromVersion: r.fromVersion,
    firstRun: true,
  });
  return r;
}
