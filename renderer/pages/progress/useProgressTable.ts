// One period's progress table (county or one township): load it and the period before (for the
// "never fall" rule), keep the clerk's edits, save as a draft, mark 已上报.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { progressSaveInput } from '../../../core/schemas/workplan';
import { call } from '../../api/call';
import type { ProgressTable } from '../../api/types';
import { setFormDirty } from '../../app/leaveGuard';
import { zodIssues, type Issues } from '../../forms/issues';
import { cellsFrom, liveView, saveRows, type Cells } from './figuresDraft';

export interface Texts {
  mainWork: string;
  problems: string;
  nextPlan: string;
}

const textsOf = (t: ProgressTable): Texts => ({
  mainWork: t.mainWork ?? '',
  problems: t.problems ?? '',
  nextPlan: t.nextPlan ?? '',
});

export function useProgressTable(period: string | null, townshipId: number | null) {
  const dirtyId = useId();
  const [table, setTable] = useState<ProgressTable | null>(null);
  const [previous, setPrevious] = useState<ProgressTable | null>(null);
  const [cells, setCells] = useState<Cells>({});
  const [texts, setTexts] = useState<Texts>({ mainWork: '', problems: '', nextPlan: '' });
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  const show = useCallback((t: ProgressTable) => {
    setTable(t);
    setCells(cellsFrom(t));
    setTexts(textsOf(t));
    setDirty(false);
    setIssues({});
  }, []);

  useEffect(() => {
    if (!period) return;
    let live = true;
    setTable(null);
    void call('progress.get', { period, townshipId, prefill: true }).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setError(null);
      show(r.data);
      const prevPeriod = r.data.previousPeriod;
      const prev = prevPeriod ? await call('progress.get', { period: prevPeriod, townshipId }) : null;
      if (live) setPrevious(prev?.ok ? prev.data : null);
    });
    return () => {
      live = false;
    };
  }, [period, townshipId, show, reloads]);

  useEffect(() => {
    setFormDirty(dirtyId, dirty);
    return () => setFormDirty(dirtyId, false);
  }, [dirtyId, dirty]);

  const view = useMemo(() => (table ? liveView(table, cells, previous) : null), [table, cells, previous]);

  const setCell = (rowCode: string, column: string, value: string) => {
    setCells((c) => ({ ...c, [rowCode]: { ...c[rowCode], [column]: value } }));
    setDirty(true);
  };
  const setText = (key: keyof Texts, value: string) => {
    setTexts((t) => ({ ...t, [key]: value }));
    setDirty(true);
  };

  /** Saves the draft; a message for the clerk, or null when saved. */
  const save = async (): Promise<string | null> => {
    if (!period || !table) return '请先选择报告期';
    const input = { period, townshipId, figures: saveRows(table, cells), ...texts };
    const parsed = progressSaveInput.safeParse(input);
    if (!parsed.success) {
      setIssues(zodIssues(parsed.error));
      return '有数字无法识别，请按红色提示修改';
    }
    setBusy(true);
    const r = await call('progress.save', input);
    setBusy(false);
    if (!r.ok) {
      setIssues(Object.fromEntries(r.error.issues.map((i) => [i.path, i.message])));
      return r.error.message;
    }
    show(r.data);
    return null;
  };

  const markReported = async (): Promise<string | null> => {
    if (!period) return '请先选择报告期';
    setBusy(true);
    const r = await call('progress.markReported', { period, townshipId });
    setBusy(false);
    if (!r.ok) return r.error.message;
    show(r.data);
    return null;
  };

  const aggregate = async (): Promise<string | null> => {
    if (!period) return '请先选择报告期';
    setBusy(true);
    const r = await call('progress.aggregate', { period });
    setBusy(false);
    if (!r.ok) return r.error.message;
    show(r.data);
    return null;
  };

  /** Reads the table again (columns 13–14 switched to or from the quality records). */
  const reload = () => setReloads((n) => n + 1);

  return {
    table,
    cells,
    texts,
    view,
    dirty,
    issues,
    error,
    busy,
    setCell,
    setText,
    save,
    markReported,
    aggregate,
    reload,
  };
}
