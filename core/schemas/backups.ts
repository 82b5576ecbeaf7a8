// Data safety: backups and their catalogue, restore, the data package, safety settings (idle lock,
// who may reveal sensitive fields), revealing one field, and the audit log export.
import { z } from 'zod';
import { text, oneOf, int, ref, bool, listOf } from './fields';
import { OPERATOR_ROLES } from '../enums';
import { auditList } from './system';
import { listInput, listOutput } from '../api/define';
import { fileField } from './files';
import { recoveryCodeField } from './encryption';

// ---- backups --------------------------------------------------------------------------------

/** Why a backup was made; 手动, 恢复前, 迁移前, 导入前 and 加密前 ones are kept until the clerk deletes them (backend/backups/tiers.ts). */
export const BACKUP_REASONS = ['启动', '每日', '手动', '迁移前', '导入前', '恢复前', '加密前'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * 完好: passed integrity_check when written (or when last checked) and unchanged since;
 * 待校验: not in the catalogue or changed on disk since it was checked; 已损坏: a check failed;
 * 日志不符: the data is intact but its audit log does not verify (tampered before the copy).
 */
export const BACKUP_STATUSES = ['完好', '待校验', '已损坏', '日志不符'] as const;

export const backupRecord = z.object({
  /** File name inside the backup folder: what backup.restore and backup.verify take. */
  file: z.string(),
  path: z.string(),
  /** ISO instant the backup was made. */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  /** Bytes. */
  size: z.number().int(),
  status: z.enum(BACKUP_STATUSES),
  checkedAt: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type BackupRecord = z.output<typeof backupRecord>;

export const backupList = listInput({ reason: oneOf('备份原因', BACKUP_REASONS).optional() }, [
  'createdAt',
  'size',
] as const);
/** A page of backups, and the folder they are in. */
export const backupListOutput = listOutput(backupRecord).extend({ folder: z.string() });

/** A backup is named by its file in the backup folder, never by a path: nothing outside it is touched. */
export const backupFileInput = z
  .object({
    file: text('备份文件', { max: 200 }).refine((v) => !/[\\/]/.test(v) && v !== '.' && v !== '..', {
      message: '备份文件应为备份列表中的文件名',
    }),
    /** A backup made under an earlier 恢复码 (asked for when the current one does not open it). */
    recoveryCode: recoveryCodeField.optional(),
  })
  .strict();

export const restoreResult = z.object({
  /** The backup or package the data now comes from. */
  restoredFrom: z.string(),
  /** The copy of the data as it was just before, in the backup folder. */
  safetyCopy: backupRecord,
  /** Schema version of the restored file before it was migrated to this app's version. */
  fromVersion: z.number().int(),
});

// ---- data package ---------------------------------------------------------------------------

export const PACKAGE_EXTENSION = '.cdpkg';

/** An absolute path on this computer (`D:\\普查\\迁移.cdpkg`, `/home/…`, `\\\\server\\share\\…`). */
export function filePath(label: string) {
  return text(label, { max: 500 }).refine((v) => /^([A-Za-z]:[\\/]|[\\/])/.test(v), {
    message: `${label}应为完整路径，如 D:\\普查\\数据包${PACKAGE_EXTENSION}`,
  });
}

/**
 * The largest package a browser may upload (POST /api/upload, then package.import naming it), the
 * same as the importer's own limit. A county's database is a few MB; a bigger one is copied into
 * place instead (docs/data-safety.md).
 */
export const MAX_PACKAGE_UPLOAD_BYTES = 14 * 1024 * 1024;
const MAX_PACKAGE_BASE64 = Math.ceil(MAX_PACKAGE_UPLOAD_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const packageExport = z
  .object({
    /** Default: the backup folder, named after the county and the time. */
    path: filePath('数据包保存位置').optional(),
    /** Browser mode: the package comes back as base64 for the browser to download; no copy stays on disk. */
    download: bool('下载数据包').optional(),
  })
  .strict()
  .refine((v) => !(v.path && v.download), {
    message: '下载数据包与指定数据包保存位置只能选择一种',
    path: ['download'],
  });
export const packageExportResult = z.object({
  /** Where it was written; null when it was only downloaded. */
  path: z.string().nullable(),
  fileName: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  /** The package itself when `download` was asked for, else null (over HTTP: a download, ./files.ts). */
  base64: fileField(z.string().nullable()),
});

/** A package by its path on this computer (desktop app), or its content uploaded by a browser. */
export const packageImport = z
  .object({
    path: filePath('数据包文件').optional(),
    /** The uploaded file's name, for the message and the audit log. */
    fileName: text('数据包文件名', { max: 200 }).optional(),
    /** The package's 恢复码 when it is encrypted under another office's (or an earlier) code. */
    recoveryCode: recoveryCodeField.optional(),
    base64: fileField(
      z
        .string({ error: '数据包内容应为 base64 文本' })
        .max(MAX_PACKAGE_BASE64, {
          message: `数据包文件过大：浏览器上传最大 ${MAX_PACKAGE_UPLOAD_BYTES / 1024 / 1024} MB`,
        })
        .refine((v) => BASE64.test(v), { message: '数据包内容应为 base64 文本' })
        .optional(),
    ),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.path === undefined && v.base64 === undefined)
      ctx.addIssue({ code: 'custom', path: ['path'], message: '请选择数据包文件' });
    if (v.path !== undefined && v.base64 !== undefined)
      ctx.addIssue({ code: 'custom', path: ['base64'], message: '数据包文件与上传内容只能选择一种' });
    if (v.base64 !== undefined && v.fileName === undefined)
      ctx.addIssue({ code: 'custom', path: ['fileName'], message: '数据包文件名不能为空' });
  });
export type PackageImportInput = z.output<typeof packageImport>;

// ---- safety settings ------------------------------------------------------------------------

/** 管理员 may always reveal; an admin may extend it to 录入员. 只读 never reveals. */
export const REVEAL_ROLES = OPERATOR_ROLES.filter((r) => r !== '只读') as ['管理员', '录入员'];

export const safetySettings = z.object({
  /** The backup folder in use on this computer. */
  backupFolder: z.string(),
  /** Where backups go when none is chosen: beside the data folder, never inside it. */
  defaultBackupFolder: z.string(),
  /** Minutes without any request after which an operator must log in again; 0: never. */
  idleLockMinutes: z.number().int(),
  revealRoles: z.array(z.enum(REVEAL_ROLES)),
});
export type SafetySettings = z.output<typeof safetySettings>;

export const DEFAULT_IDLE_LOCK_MINUTES = 30;

export const safetySettingsSave = z
  .object({
    /** null: back to the default folder. */
    backupFolder: filePath('备份文件夹').nullable().optional(),
    idleLockMinutes: int('闲置锁定时间（分钟）', 0, 480).optional(),
    revealRoles: listOf('可查看完整敏感信息的角色', oneOf('角色', REVEAL_ROLES))
      .refine((roles) => roles.includes('管理员'), { message: '管理员始终可以查看完整敏感信息' })
      .optional(),
  })
  .strict();

// ---- sensitive fields -----------------------------------------------------------------------

export const SENSITIVE_FIELDS = ['idNumber', 'bankAccount'] as const;
export const SENSITIVE_FIELD_LABELS: Record<(typeof SENSITIVE_FIELDS)[number], string> = {
  idNumber: '公民身份号码',
  bankAccount: '银行卡号',
};
export const REVEAL_ENTITIES = ['person', 'agency'] as const;

export const revealInput = z
  .object({
    entity: oneOf('对象类别', REVEAL_ENTITIES),
    id: ref('记录编号'),
    field: oneOf('字段', SENSITIVE_FIELDS),
  })
  .strict()
  .refine((v) => !(v.entity === 'agency' && v.field === 'idNumber'), {
    message: '第三方机构没有公民身份号码',
    path: ['field'],
  });
export const revealOutput = z.object({
  entity: z.enum(REVEAL_ENTITIES),
  id: z.number().int(),
  field: z.enum(SENSITIVE_FIELDS),
  value: z.string().nullable(),
});

// ---- audit log export -----------------------------------------------------------------------

export const auditExport = z
  .object({
    filters: auditList.shape.filters,
    /** 管理员 only; the export itself is audited either way. */
    full: bool('导出完整敏感信息').default(false),
  })
  .strict();
export const auditExportResult = z.object({
  fileName: z.string(),
  base64: fileField(z.string()),
  count: z.number().int(),
});
