// The import methods behind the API: upload (stage and start reading), preview (lay out, check,
// page), progress, cancel, the error workbook, discard, history and the kinds' columns.
import { createHash } from 'node:crypto';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '../../core/imports/kinds';
import { importsOfHash, listImportHistory } from '../../db/entities/imports';
import { UserError } from '../../db/errors';
import { mayReveal } from '../access';
import type { HandlerCtx } from '../context';
import { importers } from './kinds';
import { layoutOf, summarizeSheets, type LayoutRequest } from './layout';
import { refuseMaskedNumbers } from './maskedCheck';
import { MAX_FILE_BYTES } from './limits';
import { cancelledError, startParse } from './parse';
import { sniffFile } from './sniff';
import { cancelStaged, discardStaged, findStaged, stage, type Checked, type StagedImport } from './store';
import { fullTurn } from '../eventLoop';
import { validateLayout } from './validate';
import { previewView, type Show } from './view';
import { errorFileName, errorWorkbook } from './errorReport';
import { displayFileName } from '../../core/imports/fileName';
import { withWarnings } from './warnings';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Decoded size of base64 text, known before decoding a byte. */
function base64Size(b64: string): number {
  const clean = b64.length - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  return Math.floor((clean * 3) / 4);
}

export function uploadImport(
  input: { kind: ImportKind; fileName: string; contentBase64: string; trainingId: number | null },
  ctx: HandlerCtx,
) {
  const size = base64Size(input.contentBase64);
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      'FILE_TOO_LARGE',
      `文件过大（${mb(size)}）：导入文件不能超过 ${mb(MAX_FILE_BYTES)}，请删去无关的工作表，或分成几个文件导入`,
    );
  }
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(input.contentBase64))
    throw new UserError('BAD_BASE64', '文件内容不是有效的 base64 编码');
  if (input.kind === 'attendance') {
    if (input.trainingId === null)
      throw new UserError('TRAINING_REQUIRED', '导入签到与考核时须选择培训班', [
        { path: 'trainingId', message: '请选择培训班' },
      ]);
    if (!ctx.db.prepare('SELECT 1 FROM training_sessions WHERE id = ?').get(input.trainingId)) {
      throw new UserError('BAD_REFERENCE', `培训班不存在（编号 ${input.trainingId}）`, [
        { path: 'trainingId', message: '培训班不存在' },
      ]);
    }
  }
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const sniffed = sniffFile(bytes, input.fileName);
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const staged = stage(ctx.db, {
    kind: input.kind,
    fileName: input.fileName,
    fileHash,
    size: bytes.length,
    format: sniffed.format,
    encoding: sniffed.encoding,
    trainingId: input.kind === 'attendance' ? input.trainingId : null,
    parse: startParse(sniffed, bytes, input.fileName),
  });
  return {
    importId: staged.id,
    kind: staged.kind,
    fileName: displayFileName(staged.fileName),
    fileHash,
    size: bytes.length,
    format: sniffed.format,
    encoding: sniffed.encoding,
    previousImports: importsOfHash(ctx.db, fileHash),
  };
}

async function sheetsOf(s: StagedImport) {
  if (s.failure) throw s.failure;
  return s.sheets ?? (await s.parse.done);
}

/**
 * The sheets once read. When they arrive during the call (the worker's message, decoded on this
 * thread), the sheet is laid out in a turn of its own; a cancel meanwhile stops the preview as it
 * would have stopped the reading.
 */
async function readSheets(s: StagedImport) {
  if (s.sheets) return s.sheets;
  const cancelledBefore = s.cancelled;
  const sheets = await sheetsOf(s);
  await fullTurn();
  if (s.cancelled && !cancelledBefore) throw cancelledError();
  return sheets;
}

/** Checks the layout unless the same check already ran on the same data. */
async function check(s: StagedImport, ctx: HandlerCtx, req: LayoutRequest): Promise<Checked> {
  const importer = importers[s.kind];
  const layout = layoutOf(ctx.db, s.kind, await readSheets(s), importer.fields, req);
  refuseMaskedNumbers(layout);
  const key = JSON.stringify([
    layout.sheet.name,
    layout.header.first,
    layout.header.last,
    layout.mapping,
    layout.hiddenIncluded,
    // Rows checked for a revealer may name a number's holder: never shown to anyone else.
    mayReveal(ctx.db, ctx.operator),
  ]);
  const head =
    (ctx.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
  if (s.checked?.key === key && s.checked.validated.auditHead === head) return s.checked;
  if (s.checking?.key === key) return s.checking.promise;
  s.cancelled = false;
  const env = { db: ctx.db, now: ctx.now(), trainingId: s.trainingId };
  s.progress = { phase: 'validating', done: 0, total: layout.data.rows.length, message: null };
  const promise = validateLayout(importer, env, ctx, layout, {
    progress: (done, total) => (s.progress = { phase: 'validating', done, total, message: null }),
    cancelled: () => s.cancelled,
  }).then((validated) => ({ key, layout, validated }));
  s.checking = { key, promise };
  try {
    const checked = await promise;
    s.checked = checked;
    s.progress = {
      phase: 'ready',
      done: checked.validated.rows.length,
      total: checked.validated.rows.length,
      message: null,
    };
    return checked;
  } catch (e) {
    s.progress = { ...s.progress, phase: s.cancelled ? 'cancelled' : 'failed', message: (e as Error).message };
    throw e;
  } finally {
    if (s.checking?.promise === promise) s.checking = null;
  }
}

export interface PreviewRequest extends LayoutRequest {
  importId: string;
  show: Show | null;
  page: number | null;
  pageSize: number | null;
}

export async function previewImport(input: PreviewRequest, ctx: HandlerCtx) {
  const s = findStaged(ctx.db, input.importId);
  const checked = await check(s, ctx, {
    sheet: input.sheet,
    headerRows: input.headerRows,
    mapping: input.mapping,
    includeHiddenRows: input.includeHiddenRows,
  });
  const fields = importers[s.kind].fields;
  const sheets = summarizeSheets(s.sheets ?? [], fields);
  const q = { show: input.show ?? 'all', page: input.page ?? 1, pageSize: input.pageSize ?? 100 };
  const view = previewView(s, checked, fields, sheets, importsOfHash(ctx.db, s.fileHash), q);
  return withWarnings(view, checked.layout, checked.validated.rows);
}

/** The sheets alone: when no preview can be made (no header anywhere), the clerk picks from these. */
export async function importSheets(input: { importId: string }, ctx: HandlerCtx) {
  const s = findStaged(ctx.db, input.importId);
  return { importId: s.id, sheets: summarizeSheets(await sheetsOf(s), importers[s.kind].fields) };
}

export function importProgress(input: { importId: string }, ctx: HandlerCtx) {
  const s = findStaged(ctx.db, input.importId);
  return { importId: s.id, ...s.progress };
}

export function cancelImport(input: { importId: string }, ctx: HandlerCtx) {
  const s = findStaged(ctx.db, input.importId);
  return { importId: s.id, cancelled: cancelStaged(s) };
}

export function discardImport(input: { importId: string }, ctx: HandlerCtx) {
  return { importId: input.importId, discarded: discardStaged(ctx.db, input.importId) };
}

export async function errorsOf(input: { importId: string }, ctx: HandlerCtx) {
  const s = findStaged(ctx.db, input.importId);
  if (!s.checked || s.checked.validated.reveal !== mayReveal(ctx.db, ctx.operator))
    throw new UserError('NOT_PREVIEWED', '请先预览，再导出错误行');
  const { bytes, rowCount } = await errorWorkbook(s.checked, importers[s.kind].fields);
  return { fileName: errorFileName(displayFileName(s.fileName)), contentBase64: bytes.toString('base64'), rowCount };
}

export const importHistory = (input: { kind: ImportKind | null; page: number; pageSize: number }, ctx: HandlerCtx) =>
  listImportHistory(ctx.db, input);

export function importKinds() {
  return IMPORT_KINDS.map((kind) => ({
    kind,
    label: IMPORT_KIND_LABELS[kind],
    needsTraining: kind === 'attendance',
    fields: importers[kind].fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: !!f.required,
      synonyms: [...f.synonyms],
      hint: f.hint ?? null,
    })),
  }));
}
