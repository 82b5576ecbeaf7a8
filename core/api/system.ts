// Office profile, settings, operators, sessions, first run, the audit log and the export history.
import { z } from 'zod';
import { method, listOutput } from './define';
import * as s from '../schemas/system';
import { packageImport, restoreResult } from '../schemas/backups';
import * as enc from '../schemas/encryption';
import { moveReferenceDateInput, moveReferenceDateOutput } from '../schemas/firstRun';

const empty = z.object({}).strict();

export const systemApi = {
  'office.get': method({
    input: empty,
    output: s.officeRecord.nullable(),
    access: 'read',
    effect: 'none',
    summary: '查看单位信息',
  }),
  'office.save': method({
    input: s.officeSave,
    output: s.officeRecord,
    access: 'admin',
    effect: 'write',
    summary: '保存单位信息',
  }),

  /**
   * 标准时点 moved (settings): the profile gets the new day and, with shiftDeadlines, every work plan
   * deadline moves as far (core/workPlan.ts) — one write, one audit entry.
   */
  'office.moveReferenceDate': method({
    input: moveReferenceDateInput,
    output: moveReferenceDateOutput,
    access: 'admin',
    effect: 'write',
    summary: '修改标准时点（可顺延工作要点截止日期）',
  }),

  'settings.get': method({
    input: s.settingsGet,
    output: s.settingValue,
    access: 'read',
    effect: 'none',
    summary: '查看设置',
  }),
  'settings.set': method({
    input: s.settingsSet,
    output: s.settingValue,
    access: 'write',
    effect: 'write',
    summary: '修改设置',
  }),

  'operator.create': method({
    input: s.operatorCreate,
    output: s.operatorRecord,
    access: 'admin',
    effect: 'write',
    summary: '新增操作员',
  }),
  'operator.list': method({
    input: s.operatorList,
    output: listOutput(s.operatorRecord),
    access: 'admin',
    effect: 'none',
    summary: '操作员列表',
  }),
  'operator.update': method({
    input: s.operatorUpdate,
    output: s.operatorRecord,
    access: 'admin',
    effect: 'write',
    session: 'followsOperator',
    summary: '修改操作员',
  }),
  'operator.setPassword': method({
    input: s.operatorSetPassword,
    output: z.object({ id: z.number().int() }),
    access: 'admin',
    effect: 'write',
    session: 'endsOtherSessions',
    summary: '重设操作员密码',
  }),

  /**
   * Public methods need no session: logging in, the first run (setup.init and setup.importPackage
   * refuse themselves once an operator exists), who is calling (null without a session) and
   * logging out (nothing to do without a session). A login is audited: a success is this call's
   * entry (with the last-login time and a rehash of a weaker stored password); a failure is recorded
   * on its own, since the call fails. Failures make the next attempts wait (backend/loginGuard.ts).
   */
  'session.login': method({
    input: s.sessionLogin,
    output: s.sessionOperator,
    access: 'public',
    effect: 'write',
    session: 'opens',
    summary: '登录',
  }),
  /** The transport drops its session; in-process there is nothing to drop. */
  'session.logout': method({
    input: empty,
    output: z.null(),
    access: 'public',
    effect: 'none',
    session: 'closes',
    summary: '退出登录',
  }),
  /** Who the transport says is calling (after a reload the UI asks instead of keeping a copy). */
  'session.current': method({
    input: empty,
    output: s.sessionOperator.nullable(),
    access: 'public',
    effect: 'none',
    summary: '当前操作员',
  }),
  /**
   * The page locked itself (idle): lock the operator in the backend too, so reloading the page does
   * not get round the lock screen. Only a login unlocks it.
   */
  'session.lock': method({
    input: empty,
    output: z.null(),
    access: 'read',
    effect: 'none',
    session: 'locks',
    summary: '锁定（闲置）',
  }),

  'setup.status': method({
    input: empty,
    output: s.setupStatus,
    access: 'public',
    effect: 'none',
    summary: '初始化状态',
  }),
  /**
   * Browser mode, or a desktop whose stored key is gone: an encrypted data file stays closed until
   * its 恢复码 is typed. While closed, only setup.status (locked: true) and this answer. On an open
   * file it answers ok for the file's own code and RECOVERY_CODE_WRONG for any other.
   */
  'setup.unlock': method({
    input: enc.recoveryCodeInput,
    output: enc.unlockResult,
    access: 'public',
    effect: 'none',
    summary: '输入恢复码打开数据',
  }),
  'setup.init': method({
    input: s.setupInit,
    output: s.sessionOperator,
    access: 'public',
    effect: 'write',
    session: 'opens',
    summary: '首次使用初始化',
  }),
  /**
   * First run on a new PC: the data package made on the old one, before anyone can log in. Only
   * while the data has no operators; afterwards a 管理员 uses package.import.
   */
  'setup.importPackage': method({
    input: packageImport,
    output: restoreResult,
    access: 'public',
    effect: 'replacesData',
    summary: '首次使用：从数据包恢复',
  }),

  'audit.list': method({
    input: s.auditList,
    output: listOutput(s.auditRecord),
    access: 'read',
    effect: 'none',
    summary: '操作日志',
  }),
  'audit.verify': method({
    input: empty,
    output: s.auditVerdict,
    access: 'read',
    effect: 'none',
    summary: '校验操作日志',
  }),

  'report.history': method({
    input: s.reportHistoryList,
    output: listOutput(s.reportExportRecord),
    access: 'read',
    effect: 'none',
    summary: '报表导出记录',
  }),
};
