// Loads a session's attendance into the grid's working copy and saves the changed rows in one
// call (validated first with the backend's own schema; refused rows are named by the grid row).
import { useCallback, useEffect, useId, useState } from 'react';
import { attendanceSaveInput } from '../../../core/schemas/training';
import { call } from '../../api/call';
import type { AttendanceRecord } from '../../api/types';
import { setFormDirty } from '../../app/leaveGuard';
import { fromRecord, merge, toInput, type GridRow } from './attendanceDraft';

/** Messages by grid row key and field ("" for the whole row), plus the list to show above the grid. */
export interface GridIssues {
  byCell: Map<string, string>;
  messages: string[];
}

const NO_ISSUES: GridIssues = { byCell: new Map(), messages: [] };

async function loadAll(sessionId: number): Promise<AttendanceRecord[] | string> {
  const rows: AttendanceRecord[] = [];
  for (let page = 1; ; page++) {
    const r = await call('attendance.list', { filters: { sessionId }, page, pageSize: 1000 });
    if (!r.ok) return r.error.message;
    rows.push(...r.data.rows);
    if (rows.length >= r.data.total || r.data.rows.length === 0) return rows;
  }
}

export function useAttendance(sessionId: number, onSaved: () => void) {
  const dirtyId = useId();
  const [rows, setRows] = useState<GridRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<GridIssues>(NO_ISSUES);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    const loaded = await loadAll(sessionId);
    if (typeof loaded === 'string') return setLoadError(loaded);
    setRows((local) => merge(local ?? [], loaded.map(fromRecord)));
  }, [sessionId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const dirty = (rows ?? []).some((r) => r.changed);
  useEffect(() => {
    setFormDirty(dirtyId, dirty);
    return () => setFormDirty(dirtyId, false);
  }, [dirtyId, dirty]);

  const toIssues = (changed: GridRow[], list: { path: string; message: string }[]): GridIssues => {
    const byCell = new Map<string, string>();
    for (const i of list) {
      const [, index, field = ''] = i.path.split('.');
      const row = changed[Number(index)];
      if (row) byCell.set(`${row.key}:${field}`, i.message);
    }
    return { byCell, messages: [...new Set(list.map((i) => i.message))] };
  };

  /** Saves; returns a message for the clerk, or null when saved. */
  const save = async (): Promise<string | null> => {
    const changed = (rows ?? []).filter((r) => r.changed);
    if (changed.length === 0) return '没有需要保存的修改';
    const input = { sessionId, rows: changed.map(toInput) };
    const parsed = attendanceSaveInput.safeParse(input);
    if (!parsed.success) {
      setIssues(
        toIssues(
          changed,
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
      return '有记录未通过检查，请按红色提示修改';
    }
    setSaving(true);
    const r = await call('attendance.save', input);
    setSaving(false);
    if (!r.ok) {
      setIssues(
        r.error.issues.length ? toIssues(changed, r.error.issues) : { byCell: new Map(), messages: [r.error.message] },
      );
      return '保存失败，数据未改变';
    }
    setIssues(NO_ISSUES);
    setRows(r.data.rows.map(fromRecord));
    onSaved();
    return null;
  };

  return { rows, setRows, loadError, issues, saving, dirty, save, reload };
}
