// Handlers of the data-safety area: backups and restore, the data package, safety settings,
// revealing a sensitive field and exporting the audit log. Every change is audited; a restore or
// an import audits into the data it brought in.
import type { backupsApi } from '../../core/api/backups';
import type { OutputOf, ParsedInputOf } from '../../core/api';
import type { BackupRecord, SafetySettings } from '../../core/schemas/backups';
import { SENSITIVE_FIELD_LABELS } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import { workspaceOf, type HandlerCtx } from '../context';
import { listBackups } from '../backups/catalog';
import { dataBaseName, defaultBackupDir, ensureWritableFolder, saveBackupDirChoice } from '../backups/folder';
import {
  exportPackage,
  exportPackageForDownload,
  importPackageInBackground,
  type ExportedPackage,
} from '../backups/package';
import { restoreBackup, verifyBackup } from '../backups/restore';
import { leftoversOf } from '../backups/leftovers';
import { backupInBackground } from '../backups/write';
import { twoPhase } from '../phases';
import { readSafety, saveSafety } from '../safetySettings';
import { buildAuditWorkbook } from '../auditExport';
import { encryptDataFile, encryptionStatus, issueRecoveryCode } from '../areas/system/encryption';
import type { AreaHandlers } from './types';

type Out<M extends keyof typeof backupsApi> = OutputOf<M>;

function settingsView(ctx: HandlerCtx, folder = workspaceOf(ctx).backupDir): SafetySettings {
  const stored = readSafety(ctx.db);
  return {
    backupFolder: folder,
    defaultBackupFolder: defaultBackupDir(workspaceOf(ctx).path),
    idleLockMinutes: stored.idleLockMinutes,
    revealRoles: stored.revealRoles.filter((r) => r !== '只读') as SafetySettings['revealRoles'],
  };
}

/** The catalogue is a folder listing: filtered, sorted and paged in memory. */
function pageOf(all: BackupRecord[], q: ParsedInputOf<'backup.list'>) {
  let rows = q.filters?.reason ? all.filter((r) => r.reason === q.filters!.reason) : all;
  if (q.sort) {
    const key = q.sort.field;
    const dir = q.sort.dir === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : 0));
  }
  const start = (q.page - 1) * q.pageSize;
  return { rows: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}

const REVEAL_TABLES = { person: 'people', agency: 'agencies' } as const;
const REVEAL_COLUMNS = { idNumber: 'id_number', bankAccount: 'bank_account' } as const;
const ENTITY_LABELS = { person: '人员', agency: '第三方机构' } as const;

export const backupsHandlers: AreaHandlers<typeof backupsApi> = {
  'backup.list': (input, ctx) => {
    const ws = workspaceOf(ctx);
    return { folder: ws.backupDir, ...pageOf(listBackups(ws.backupDir, dataBaseName(ws.path)), input) };
  },
  // The copy and its integrity_check in the backup worker, before the transaction that audits it.
  'backup.now': twoPhase<'backup.now', BackupRecord>({
    prepare: (_input, ctx) => backupInBackground(workspaceOf(ctx), '手动', ctx.now()),
    commit: (made, _input, ctx) => {
      ctx.audit('backup', 'backup', null, null, { file: made.file, size: made.size });
      return made;
    },
  }),
  'backup.verify': (input, ctx) => verifyBackup(workspaceOf(ctx), input.file),
  'backup.leftovers': (_input, ctx) => {
    const ws = workspaceOf(ctx);
    return { files: leftoversOf(ws.path, ws.backupDir) };
  },
  'backup.restore': async (input, ctx) => {
    const r = await restoreBackup(workspaceOf(ctx), input.file, input.recoveryCode);
    ctx.audit('restore', 'backup', null, null, {
      from: r.restoredFrom,
      safetyCopy: r.safetyCopy.file,
      fromVersion: r.fromVersion,
    });
    return r;
  },

  // Written (in the backup worker) before the transaction that audits it, like backup.now.
  'package.export': twoPhase<'package.export', ExportedPackage>({
    prepare: (input, ctx) =>
      input.download
        ? exportPackageForDownload(workspaceOf(ctx), ctx.now())
        : exportPackage(workspaceOf(ctx), input.path, ctx.now()),
    commit: (r, _input, ctx) => {
      ctx.audit('export', 'package', null, null, { path: r.path ?? `（下载）${r.fileName}`, size: r.size });
      return r;
    },
  }),
  'package.import': async (input, ctx) => {
    const r = await importPackageInBackground(workspaceOf(ctx), input);
    ctx.audit('import', 'package', null, null, {
      from: r.restoredFrom,
      safetyCopy: r.safetyCopy.file,
      fromVersion: r.fromVersion,
    });
    return r;
  },

  'safety.settings': (_input, ctx) => settingsView(ctx),
  'safety.saveSettings': (input, ctx) => {
    const before = settingsView(ctx);
    const stored = readSafety(ctx.db);
    const next = {
      idleLockMinutes: input.idleLockMinutes ?? stored.idleLockMinutes,
      revealRoles: input.revealRoles ? [...new Set(input.revealRoles)] : stored.revealRoles,
    };
    saveSafety(ctx.db, next, ctx.now().toISOString());
    let folder = before.backupFolder;
    if (input.backupFolder !== undefined) {
      if (workspaceOf(ctx).path === ':memory:')
        throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据没有备份文件夹');
      folder = input.backupFolder ?? before.defaultBackupFolder;
      ensureWritableFolder(folder);
    }
    const after = settingsView(ctx, folder);
    ctx.audit('update', 'safety', null, before, after);
    // Last, after everything that can fail: the folder choice is a file of this computer.
    if (input.backupFolder !== undefined) saveBackupDirChoice(workspaceOf(ctx).path, input.backupFolder);
    return after;
  },

  'safety.newRecoveryCode': (_input, ctx) => issueRecoveryCode(ctx),
  'safety.encrypt': (input, ctx) => encryptDataFile(ctx, input),
  'safety.encryption': (_input, ctx) => encryptionStatus(ctx),

  'sensitive.reveal': (input, ctx) => {
    const table = REVEAL_TABLES[input.entity];
    const row = ctx.db
      .prepare(`SELECT ${REVEAL_COLUMNS[input.field]} AS value FROM ${table} WHERE id = ?`)
      .get(input.id) as { value: string | null } | undefined;
    if (!row) throw new UserError('NOT_FOUND', `${ENTITY_LABELS[input.entity]}不存在（编号 ${input.id}）`);
    // The audit says who looked at which field of whom, never the value itself.
    ctx.audit('reveal', input.entity, input.id, null, {
      field: input.field,
      label: SENSITIVE_FIELD_LABELS[input.field],
    });
    return { entity: input.entity, id: input.id, field: input.field, value: row.value } as Out<'sensitive.reveal'>;
  },

  'audit.export': (input, ctx) => {
    const r = buildAuditWorkbook(ctx, {
      filters: input.filters as Record<string, unknown> | undefined,
      full: input.full,
    });
    ctx.audit('export', 'audit', null, null, { count: r.count, full: input.full, filters: input.filters ?? null });
    return r;
  },
};
