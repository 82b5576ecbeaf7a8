// import.commit: exactly what the preview showed, in the caller's one transaction, with one audit
// entry naming the file, its hash and the counts. A database changed since the preview is checked
// again; if the outcome would differ, the clerk is asked to preview again.
import { rememberMapping, importsOfHash, insertImportHistory } from '../../db/entities/imports';
import { backupNow } from '../backups/write';
import { UserError } from '../../db/errors';
import type { HandlerCtx } from '../context';
import { importers } from './kinds';
import type { CheckedRow } from './kinds/types';
import type { StagedImport } from './store';
import { auditHead, quietCtx, validateLayoutNow, type Validated } from './validate';
import { countsOf } from './view';

export interface CommitRequest {
  onExisting: 'update' | 'skip';
  acceptDuplicateFile: boolean;
}

const outcome = (rows: CheckedRow[]) =>
  rows.map((r) => `${r.row}:${r.action}:${r.errors.map((e) => e.message).join('|')}`).join('\n');

function refuseDuplicate(ctx: HandlerCtx, s: StagedImport) {
  const earlier = importsOfHash(ctx.db, s.fileHash);
  if (!earlier.length) return;
  const e = earlier[0];
  throw new UserError(
    'DUPLICATE_FILE',
    `同一文件已于 ${e.at.slice(0, 16).replace('T', ' ')} 由${e.operatorName}导入过（${e.fileName}，新增 ${e.created} 条）。如确需再次导入，请确认后重试`,
  );
}

/** The preview's check, or a fresh one when something was written since and it still agrees. */
function currentCheck(ctx: HandlerCtx, s: StagedImport): Validated {
  const checked = s.checked!;
  if (auditHead(ctx) === checked.validated.auditHead) return checked.validated;
  const env = { db: ctx.db, now: ctx.now(), trainingId: s.trainingId };
  const again = validateLayoutNow(importers[s.kind], env, ctx, checked.layout);
  if (
    outcome(again.rows) !== outcome(checked.validated.rows) ||
    again.problems.join() !== checked.validated.problems.join()
  ) {
    throw new UserError('PREVIEW_STALE', '预览之后数据已有变化，导入结果会与预览不同：请重新预览，核对后再导入');
  }
  return again;
}

export function commitStaged(ctx: HandlerCtx, s: StagedImport, req: CommitRequest) {
  if (s.checking) throw new UserError('PREVIEW_RUNNING', '预览检查尚未完成，请稍候');
  if (!s.checked) throw new UserError('NOT_PREVIEWED', '请先预览，核对检查结果后再确认导入');
  if (s.committedAs !== null && ctx.db.prepare('SELECT 1 FROM import_history WHERE id = ?').get(s.committedAs)) {
    throw new UserError('ALREADY_COMMITTED', '这次导入已经完成，不能重复提交');
  }
  if (!req.acceptDuplicateFile) refuseDuplicate(ctx, s);
  const validated = currentCheck(ctx, s);
  if (validated.problems.length) throw new UserError('IMPORT_BLOCKED', `无法导入：${validated.problems.join('；')}`);
  const counts = countsOf(validated.rows);
  if (counts.valid === 0)
    throw new UserError('NOTHING_TO_IMPORT', '没有可导入的行：所有行都有错误，请导出错误行修改后重新导入');

  // A verified copy of the data as it was, before the import writes anything (docs/data-safety.md).
  // The copy reads the last committed state on its own connection, so it is safe inside this transaction.
  if (ctx.workspace && ctx.workspace.path !== ':memory:') backupNow(ctx.workspace, '导入前');

  const quiet = quietCtx(ctx);
  let created = 0;
  let updated = 0;
  for (const step of validated.run.steps(validated.rows, req.onExisting)) {
    try {
      const r = step.run(quiet);
      created += r.created;
      updated += r.updated;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new UserError(e.code, `第${step.rows.join('、')}行：${e.message}（未导入任何数据，请重新预览）`, e.issues);
    }
  }

  const { layout } = s.checked;
  const skipped = req.onExisting === 'skip' ? counts.update : 0;
  const result = {
    kind: s.kind,
    fileName: s.fileName,
    fileHash: s.fileHash,
    created,
    updated,
    unchanged: counts.unchanged,
    skipped,
    rejected: counts.errors,
    total: counts.rows,
  };
  const at = ctx.now().toISOString();
  const historyId = insertImportHistory(ctx.db, {
    ...result,
    at,
    fileSize: s.size,
    sheet: layout.sheet.name,
    onExisting: req.onExisting,
    operatorId: ctx.operator?.id ?? null,
    operatorName: ctx.operator?.name ?? '系统',
  });
  rememberMapping(ctx.db, s.kind, layout.shape, layout.mapping, at);
  ctx.audit('import', 'import', historyId, null, {
    ...result,
    sheet: layout.sheet.name,
    onExisting: req.onExisting,
    mapping: layout.mapping,
  });
  s.committedAs = historyId;
  return { historyId, ...result };
}
