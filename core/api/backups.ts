// Data safety: backups, restore, the data package, safety settings, revealing a sensitive field
// and exporting the audit log. Roles are enforced by dispatch from `access` (backend/access.ts).
import { z } from 'zod';
import { method } from './define';
import * as s from '../schemas/backups';
import * as enc from '../schemas/encryption';

const empty = z.object({}).strict();

export const backupsApi = {
  'backup.list': method({
    input: s.backupList,
    output: s.backupListOutput,
    access: 'admin',
    effect: 'none',
    summary: '备份列表',
  }),
  'backup.now': method({ input: empty, output: s.backupRecord, access: 'admin', effect: 'write', summary: '立即备份' }),
  /**
   * Temporary copies a crash left (a backup, a staged restore, a package) that could not be removed
   * when the data was opened: tried again, and what is still there listed for the clerk to delete.
   */
  'backup.leftovers': method({
    input: empty,
    output: z.object({
      files: z.array(z.object({ path: z.string(), size: z.number().int(), modifiedAt: z.string() })),
    }),
    access: 'admin',
    effect: 'none',
    summary: '未能清除的临时文件',
  }),
  'backup.verify': method({
    input: s.backupFileInput,
    output: s.backupRecord,
    access: 'admin',
    effect: 'none',
    summary: '校验备份文件',
  }),
  /**
   * Replaces the data with a backup: a safety copy first, then close, swap, reopen; audited into
   * the restored data.
   */
  'backup.restore': method({
    input: s.backupFileInput,
    output: s.restoreResult,
    access: 'admin',
    effect: 'replacesData',
    summary: '从备份恢复',
  }),

  'package.export': method({
    input: s.packageExport,
    output: s.packageExportResult,
    access: 'admin',
    effect: 'write',
    summary: '导出数据包（迁移到新电脑）',
  }),
  /** Like backup.restore, from a data package made on another computer. */
  'package.import': method({
    input: s.packageImport,
    output: s.restoreResult,
    access: 'admin',
    effect: 'replacesData',
    summary: '导入数据包',
  }),

  'safety.settings': method({
    input: empty,
    output: s.safetySettings,
    access: 'read',
    effect: 'none',
    summary: '查看安全设置（备份文件夹、闲置锁定、敏感信息）',
  }),
  'safety.saveSettings': method({
    input: s.safetySettingsSave,
    output: s.safetySettings,
    access: 'admin',
    effect: 'write',
    summary: '修改安全设置',
  }),

  /**
   * Encryption at rest (docs/encryption.md). A new code is issued to be shown, printed and typed
   * back; `safety.encrypt` takes it back (only a code this backend issued in the last hour), makes
   * a verified backup and encrypts the data file in place — the same step for a new office's
   * wizard and for a plain file from an older version. Afterwards the code opens the data file,
   * every backup and every package made from it, on any PC.
   */
  'safety.newRecoveryCode': method({
    input: empty,
    output: enc.newRecoveryCode,
    access: 'admin',
    effect: 'none',
    summary: '生成恢复码',
  }),
  'safety.encrypt': method({
    input: enc.recoveryCodeInput,
    output: enc.encryptResult,
    access: 'admin',
    effect: 'replacesData',
    summary: '加密数据文件',
  }),
  'safety.encryption': method({
    input: empty,
    output: enc.encryptionStatus,
    access: 'read',
    effect: 'none',
    summary: '数据加密状态',
  }),

  /** Who may call it is a setting (管理员 always; 录入员 if allowed); every call is audited. */
  'sensitive.reveal': method({
    input: s.revealInput,
    output: s.revealOutput,
    access: 'reveal',
    effect: 'reveals',
    summary: '查看完整敏感信息',
  }),

  'audit.export': method({
    input: s.auditExport,
    output: s.auditExportResult,
    access: 'admin',
    effect: 'write',
    summary: '导出操作日志',
  }),
};
