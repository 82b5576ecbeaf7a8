// The state of one import screen (docs/imports.md): the staged file, the clerk's layout choices,
// the preview with its progress, and the commit. Nothing is written before commit(); a staged file
// left uncommitted is dropped when the screen closes.
import { startTransition, useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf } from '../../../core/api';
import { call } from '../../api/call';
import { downloadFile, fileContent } from '../../api/download';
import { confirm, toast } from '../../app/feedback';
import { kindText, type ImportTarget } from './importTargets';
import { FIRST_VIEW, previewInput, type LayoutChoice, type RowView } from './previewRequest';
import { localTime } from '../../format/display';

export type Preview = OutputOf<'import.preview'>;
export type Uploaded = OutputOf<'import.upload'>;
export type Committed = OutputOf<'import.commit'>;
export type SheetInfo = Preview['sheets'][number];
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/**
 * Refusals about the sheet or header: shown by the layout step, with the sheets fetched alone so the
 * clerk can choose again.
 */
export const LAYOUT_ERRORS = new Set(['NO_HEADER', 'SHEET_NOT_FOUND', 'EMPTY_SHEET', 'BAD_HEADER_ROWS']);

export function useImportFlow(target: ImportTarget, onCommitted?: () => void) {
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [choice, setChoice] = useState<LayoutChoice>({});
  const [view, setView] = useState<RowView>(FIRST_VIEW);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [rowsLoading, setRowsLoading] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [onExisting, setOnExisting] = useState<'update' | 'skip'>('update');
  const [result, setResult] = useState<Committed | null>(null);
  const asked = useRef(0);
  const staged = useRef<string | null>(null);
  /** A second 确认导入 before the first shows as busy is ignored. */
  const committing = useRef(false);
  useEffect(() => () => void (staged.current && call('import.discard', { importId: staged.current })), []);
  const importId = uploaded?.importId;

  /** Checks the file with these layout choices; only the answer to the newest request is shown. */
  const check = async (id: string, next: LayoutChoice, nextView: RowView = FIRST_VIEW) => {
    const mine = ++asked.current;
    setChoice(next);
    setView(nextView);
    setBusy('正在检查');
    setRowsLoading(false);
    setError(null);
    const poll = setInterval(() => {
      void call('import.progress', { importId: id }).then(
        (r) => r.ok && mine === asked.current && startTransition(() => setProgress(r.data)),
      );
    }, 300);
    const r = await call('import.preview', previewInput(id, next, nextView));
    clearInterval(poll);
    if (mine !== asked.current) return;
    if (r.ok) {
      // A transition: React renders the check's result in slices of a few ms, so input stays live.
      startTransition(() => {
        setBusy(null);
        setProgress(null);
        setPreview(r.data);
        setSheets(r.data.sheets);
      });
      return;
    }
    setBusy(null);
    setProgress(null);
    setPreview(null);
    setError(r.error);
    if (LAYOUT_ERRORS.has(r.error.code)) {
      const s = await call('import.sheets', { importId: id });
      if (s.ok && mine === asked.current) setSheets(s.data.sheets);
    }
  };

  const reset = () => {
    asked.current++;
    staged.current = null;
    setUploaded(null);
    setPreview(null);
    setSheets([]);
    setChoice({});
    setBusy(null);
    setProgress(null);
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (staged.current) void call('import.discard', { importId: staged.current });
    reset();
    setError(null);
    setResult(null);
    setBusy('正在上传');
    try {
      const content = await fileContent(file);
      if (!content.ok) {
        setBusy(null);
        return setError(content.error);
      }
      const trainingId = target.kind === 'attendance' ? { trainingId: target.trainingId } : {};
      const r = await call('import.upload', {
        kind: target.kind,
        fileName: file.name,
        contentBase64: content.data,
        ...trainingId,
      });
      if (!r.ok) {
        setBusy(null);
        return setError(r.error);
      }
      setUploaded(r.data);
      staged.current = r.data.importId;
      await check(r.data.importId, {});
    } catch (e) {
      setBusy(null);
      setError({ code: 'READ_FAILED', message: e instanceof Error ? e.message : String(e), issues: [] });
    }
  };

  /** Another page or filter of the rows: the stored check answers, so no progress is shown. */
  const showRows = async (nextView: RowView) => {
    // Never over a check under way: its answer would be dropped and its progress left on screen.
    if (!importId || busy) return;
    const mine = ++asked.current;
    setView(nextView);
    setRowsLoading(true);
    const r = await call('import.preview', previewInput(importId, choice, nextView));
    if (mine !== asked.current) return;
    if (!r.ok) {
      setRowsLoading(false);
      return setError(r.error);
    }
    startTransition(() => {
      setRowsLoading(false);
      setPreview(r.data);
    });
  };

  const cancel = async () => {
    if (!importId) return;
    const r = await call('import.cancel', { importId });
    if (!r.ok) toast.error(r.error.message);
  };

  const discard = async () => {
    if (!importId) return;
    await call('import.discard', { importId });
    reset();
    setError(null);
  };

  const downloadErrors = async () => {
    if (!importId) return;
    const r = await call('import.errors', { importId });
    if (!r.ok) return toast.error(r.error.message);
    downloadFile(r.data.contentBase64, r.data.fileName);
  };

  const commit = async () => {
    if (!importId || !preview) return;
    const { unit } = kindText(target);
    const previous = preview.previousImports;
    let acceptDuplicateFile = false;
    if (previous.length > 0) {
      const last = previous[0];
      const ok = await confirm({
        title: '这个文件已经导入过',
        content: `同一文件已于 ${localTime(last.at)} 由 ${last.operatorName} 导入（新增 ${last.created} ${unit}）。确定仍然导入？`,
        okText: '仍然导入',
      });
      if (!ok) return;
      acceptDuplicateFile = true;
    }
    if (committing.current) return;
    committing.current = true;
    // The whole flow re-renders disabled: in slices, while the click's own feedback shows at once.
    startTransition(() => setBusy('正在导入'));
    const r = await call('import.commit', { importId, onExisting, acceptDuplicateFile }).finally(
      () => (committing.current = false),
    );
    if (!r.ok) {
      setBusy(null);
      return setError(r.error);
    }
    // The result replaces the check's cards: rendered in slices too.
    startTransition(() => {
      setBusy(null);
      setResult(r.data);
      reset();
    });
    onCommitted?.();
    toast.success(`已导入：新增 ${r.data.created} ${unit}，更新 ${r.data.updated} ${unit}`);
  };

  return {
    uploaded,
    choice,
    view,
    preview,
    sheets,
    busy,
    rowsLoading,
    progress,
    error,
    onExisting,
    result,
    setOnExisting,
    choose,
    /** Checks again with other layout choices (sheet, header rows, mapping). */
    relayout: (next: LayoutChoice) => (importId ? check(importId, next) : Promise.resolve()),
    showRows,
    cancel,
    discard,
    downloadErrors,
    commit,
  };
}

export type ImportFlowState = ReturnType<typeof useImportFlow>;
