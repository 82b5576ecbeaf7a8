// Handlers of the system area: office profile, settings, operators, sessions, first run, audit log
// and export history. Passwords are hashed here and never leave the backend.
import type { systemApi } from '../../core/api/system';
import type { OutputOf } from '../../core/api';
import { DEFAULT_REPORT_TEXTS, operatorCreate, REPORT_IDS, type ReportTexts } from '../../core/schemas/system';
import type { OperatorRole } from '../../core/enums';
import { insertRecord, listRecords, requireRecord } from '../../db/entity';
import { verifyAudit } from '../../db/audit';
import { UserError } from '../../db/errors';
import {
  auditDef,
  countOperators,
  countOtherActiveAdmins,
  findOperatorForLogin,
  getOffice,
  getSetting,
  operatorDef,
  recordLogin,
  reportExportDef,
  saveOffice,
  setPasswordHash,
  setSetting,
} from '../../db/entities/system';
import { crudHandlers } from '../crud';
import { importPackage } from '../backups/package';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../passwords';
import { workspaceOf, type HandlerCtx } from '../context';
import type { AreaHandlers } from './types';

type Values = Record<string, unknown>;
type Out<M extends keyof typeof systemApi> = OutputOf<M>;

const LOGIN_FAILED = '用户名或密码错误';

/** The password becomes its hash; the last active 管理员 can be neither demoted nor switched off. */
function prepareOperator(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const { password, ...rest } = values;
  if (typeof password === 'string') rest.passwordHash = hashPassword(password);
  if (existing && existing.role === '管理员' && existing.active === true) {
    const demoted = rest.role !== undefined && rest.role !== '管理员';
    const switchedOff = rest.active === false;
    if ((demoted || switchedOff) && countOtherActiveAdmins(ctx.db, Number(existing.id)) === 0) {
      throw new UserError('LAST_ADMIN', '至少需要保留一名启用的管理员：不能停用最后一名管理员或更改其角色');
    }
  }
  return rest;
}

const operatorCrud = crudHandlers(operatorDef, operatorCreate, { prepare: prepareOperator }) as unknown as Record<
  'operator.create' | 'operator.update',
  (input: Values, ctx: HandlerCtx) => Values
>;

/** Every report's wording: the saved texts over the defaults, report by report. */
function reportTexts(ctx: HandlerCtx): ReportTexts {
  const saved = (getSetting(ctx.db, 'reportTexts') ?? {}) as Partial<ReportTexts>;
  const out = { ...DEFAULT_REPORT_TEXTS };
  for (const id of REPORT_IDS) if (saved[id]) out[id] = { ...DEFAULT_REPORT_TEXTS[id], ...saved[id] };
  return out;
}

const sessionOf = (o: { id: number; name: string; role: string }) => ({
  id: o.id,
  name: o.name,
  role: o.role as OperatorRole,
});

export const systemHandlers: AreaHandlers<typeof systemApi> = {
  'office.get': (_input, ctx) => getOffice(ctx.db) as Out<'office.get'>,
  'office.save': (input, ctx) => {
    const before = getOffice(ctx.db);
    saveOffice(ctx.db, input, ctx.now().toISOString());
    const after = getOffice(ctx.db);
    ctx.audit(before ? 'update' : 'create', 'office', 1, before, after);
    return after as Out<'office.save'>;
  },

  'settings.get': (input, ctx) => ({ key: input.key, value: reportTexts(ctx) }),
  'settings.set': (input, ctx) => {
    const before = reportTexts(ctx);
    const after = { ...before, ...input.value } as ReportTexts;
    setSetting(ctx.db, input.key, after, ctx.now().toISOString());
    ctx.audit('update', 'settings', null, { key: input.key, value: before }, { key: input.key, value: after });
    return { key: input.key, value: after };
  },

  'operator.create': (input, ctx) => operatorCrud['operator.create'](input, ctx) as Out<'operator.create'>,
  'operator.update': (input, ctx) => operatorCrud['operator.update'](input, ctx) as Out<'operator.update'>,
  'operator.list': (input, ctx) => listRecords(ctx.db, operatorDef, input) as Out<'operator.list'>,
  'operator.setPassword': (input, ctx) => {
    const operator = requireRecord(ctx.db, operatorDef, input.id);
    setPasswordHash(ctx.db, input.id, hashPassword(input.password), ctx.now().toISOString());
    // The audit says that it happened, never what the password is.
    ctx.audit('setPassword', 'operator', input.id, null, { name: operator.name, passwordReset: true });
    return { id: input.id };
  },

  'session.login': (input, ctx) => {
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
  },
  'session.logout': () => null,
  'session.current': (_input, ctx) => (ctx.operator ? { ...ctx.operator } : null),
  // The lock itself is dispatch's (it owns the idle clock); reaching here means the caller was let in.
  'session.lock': () => null,

  'setup.status': (_input, ctx) => ({
    hasOffice: getOffice(ctx.db) !== null,
    hasOperators: countOperators(ctx.db) > 0,
  }),
  'setup.init': (input, ctx) => {
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
  },

  'setup.importPackage': (input, ctx) => {
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
  },

  'audit.list': (input, ctx) => listRecords(ctx.db, auditDef, input) as Out<'audit.list'>,
  'audit.verify': (_input, ctx) => verifyAudit(ctx.db),

  'report.history': (input, ctx) => listRecords(ctx.db, reportExportDef, input) as Out<'report.history'>,
};
