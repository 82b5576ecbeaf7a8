// import.commit: exactly what the preview showed, in dispatch's one transaction, with one audit
// entry naming the file, its hash and the counts, and one entry per record written (recordAudit.ts).
// The commit is sliced (backend/phases.ts): it yields between steps of at most WRITE_CHUNK rows and
// between slices of the audit entries, so on a data file other requests are answered meanwhile
// (reads from the last committed state, writes after the import), and all of it still commits or
// none of it.
// A database changed since the preview is checked again (before the transaction, and once more
// inside it if it changed in between); if the outcome would differ, the clerk is asked to preview
// again. The copy of the data before the import is made in the backup worker before the
// transaction, so the request thread is held only for the writes themselves.
import { rememberMapping, importsOfHash, insertImportHistory } from '../../db/entities/imports';
import { backupAheadOfWrite, exactBackup, type AheadBackup } from '../backups/write';
import { UserError } from '../../db/errors';
import { displayFileName } from '../../core/imports/fileName';
import type { HandlerCtx } from '../context';
import { mayReveal } from '../access';
import { importers } from './kinds';
import type { Checked, StagedImport } from './store';
import { auditHead, validateLayout, validateLayoutNow, type Validated } from './validate';
import { recordingCtx, writeRecordEntriesInSlices } from './recordAudit';
import { countsOf } from './view';
import { refuseStale } from './stale';

export interface CommitRequest {
  onExisting: 'update' | 'skip';
  acceptDuplicateFile: boolean;
}

function refuseDuplicate(ctx: HandlerCtx, s: StagedImport) {
  const earlier = importsOfHash(ctx.db, s.fileHash);
  if (!earlier.length) return;
  const e = earlier[0];
  throw new UserError(
    'DUPLICATE_FILE',
    `同一文件已于 ${e.at.slice(0, 16).replace('T', ' ')} 由${e.operatorName}导入过（${displayFileName(e.fileName)}，新增 ${e.created} 条）。如确需再次导入，请确认后重试`,
  );
}

/** Refusals that need no fresh check: asked before the async part and again inside the transaction. */
function refuseEarly(ctx: HandlerCtx, s: StagedImport, req: CommitRequest): Checked {
  if (s.checking) throw new UserError('PREVIEW_RUNNING', '预览检查尚未完成，请稍候');
  if (!s.checked) throw new UserError('NOT_PREVIEWED', '请先预览，核对检查结果后再确认导入');
  // A preview checked for a caller who may reveal treats a number stored under another name as that
  // person's update; someone who may not reveal confirms only a check made for them. (The other way
  // round is safe: a revealer confirming a stricter check only refuses more rows.)
  if (s.checked.validated.reveal && !mayReveal(ctx.db, ctx.operator))
    throw new UserError('NOT_PREVIEWED', '请先预览，核对检查结果后再确认导入（此预览由其他角色的操作员完成）');
  if (s.committedAs !== null && ctx.db.prepare('SELECT 1 FROM import_history WHERE id = ?').get(s.committedAs)) {
    throw new UserError('ALREADY_COMMITTED', '这次导入已经完成，不能重复提交');
  }
  if (!req.acceptDuplicateFile) refuseDuplicate(ctx, s);
  return s.checked;
}

/**
 * A check made again agrees with the preview row by row — action, errors and every change with
 * the stored value it replaces — or the commit is refused naming the rows (stale.ts).
 */
const sameAsPreview = refuseStale;

export interface PreparedCommit {
  staged: StagedImport;
  /** The preview the clerk confirmed. */
  checked: Checked;
  /** Its check, or one made again (off the write lock) when something was written since. */
  validated: Validated;
  /** The copy of the data before the import, made in the background (none for an in-memory database). */
  ahead: AheadBackup | null;
}

const backedUp = (ctx: HandlerCtx) => ctx.workspace !== undefined && ctx.workspace.path !== ':memory:';

/** Whether the commit would write anything (else it is refused, and no backup is wanted). */
const writes = (v: Validated) => !v.problems.length && countsOf(v.rows).valid > 0;

/**
 * The commit's first phase, outside the transaction: the cheap refusals, and when something was
 * written since the preview, the rows checked again — asynchronously, yielding between chunks, so
 * a large re-check does not hold the write lock.
 */
export async function prepareCommit(ctx: HandlerCtx, s: StagedImport, req: CommitRequest): Promise<PreparedCommit> {
  const checked = refuseEarly(ctx, s, req);
  let validated = checked.validated;
  if (auditHead(ctx) !== validated.auditHead) {
    const env = { db: ctx.db, now: ctx.now(), trainingId: s.trainingId };
    validated = sameAsPreview(validated, await validateLayout(importers[s.kind], env, ctx, checked.layout));
  }
  const ahead = backedUp(ctx) && writes(validated) ? await backupAheadOfWrite(ctx.workspace!, '导入前') : null;
  return { staged: s, checked, validated, ahead };
}

/** The prepared check, or (when something was written in between) one more, now, inside the transaction. */
function currentCheck(ctx: HandlerCtx, p: PreparedCommit): Validated {
  if (auditHead(ctx) === p.validated.auditHead) return p.validated;
  const env = { db: ctx.db, now: ctx.now(), trainingId: p.staged.trainingId };
  return sameAsPreview(p.checked.validated, validateLayoutNow(importers[p.staged.kind], env, ctx, p.checked.layout));
}

/**
 * The commit's second phase, inside dispatch's transaction: every refusal again, then the writes,
 * an audit entry for each record written and the import's own entry. Each `yield` is a point where
 * dispatch may let other requests in.
 */
export function* commitStaged(ctx: HandlerCtx, prepared: PreparedCommit, req: CommitRequest) {
  const s = prepared.staged;
  // Another preview (another sheet or mapping) since the clerk confirmed this one: not what they saw.
  if (refuseEarly(ctx, s, req) !== prepared.checked) {
    throw new UserError('PREVIEW_STALE', '确认导入之后又重新预览了：请核对新的预览结果后再导入');
  }
  const validated = currentCheck(ctx, prepared);
  if (validated.problems.length) throw new UserError('IMPORT_BLOCKED', `无法导入：${validated.problems.join('；')}`);
  const counts = countsOf(validated.rows);
  if (counts.valid === 0)
    throw new UserError('NOTHING_TO_IMPORT', '没有可导入的行：所有行都有错误，请导出错误行修改后重新导入');

  // A verified copy of the data as it was, before the import writes anything (docs/data-safety.md):
  // the one made ahead if nothing was written since, else one now (it reads the last committed
  // state on its own connection, so it is safe inside this transaction).
  if (backedUp(ctx)) exactBackup(ctx.workspace!, prepared.ahead, '导入前');

  // The writes' own audit entries are kept until the import's history record can name them.
  const recording = recordingCtx(ctx);
  let created = 0;
  let updated = 0;
  for (const step of validated.run.steps(validated.rows, req.onExisting)) {
    try {
      const r = step.run(recording.ctx);
      created += r.created;
      updated += r.updated;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new UserError(e.code, `第${step.rows.join('、')}行：${e.message}（未导入任何数据，请重新预览）`, e.issues);
    }
    yield;
  }

  const { layout } = prepared.checked;
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
  yield* writeRecordEntriesInSlices(ctx, recording.entries, historyId);
  ctx.audit('import', 'import', historyId, null, {
    ...result,
    sheet: layout.sheet.name,
    onExisting: req.onExisting,
    mapping: layout.mapping,
  });
  s.committedAs = historyId;
  // History and audit keep the name as received; the clerk is shown it without controls or a path.
  return { historyId, ...result, fileName: displayFileName(s.fileName) };
}
