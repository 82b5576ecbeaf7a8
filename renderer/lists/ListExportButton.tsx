// 导出 on every list: the whole list under its current search, filters and sort, in the columns it
// shows, as an .xlsx (list.export) whose title names the filters as the tags read them.
import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { InputOf } from '../../core/api';
import { call } from '../api/call';
import { saveBase64 } from '../api/desktopFiles';
import { toast } from '../app/feedback';
import { fetchLabel, ID_KEYS } from '../forms/refSources';
import type { ListStore } from '../stores/listStore';
import type { Column } from './columns';
import { filterName, filterText } from './filterLabels';

/** "人员类别：普查员", "乡镇（街道）：锦屏镇" (ids by their record's name), "搜索：张". */
async function filterWords(filters: Record<string, unknown>, q: string): Promise<string[]> {
  const words = await Promise.all(
    Object.entries(filters).map(async ([key, value]) => {
      const text = filterText(key, value);
      if (text !== null) return text;
      const source = ID_KEYS[key];
      return `${filterName(key)}：${source ? await fetchLabel(source, Number(value)) : String(value)}`;
    }),
  );
  return q.trim() ? [...words, `搜索：${q.trim()}`] : words;
}

/**
 * The record field a column shows: its `exportField`, else the first field of the row its render
 * reads (rendered once on a row the list holds, reads recorded), else its key. So a list whose
 * column `township` shows `townshipName` exports the name without saying so.
 */
function fieldOf<R>(column: Column<R>, sample: R | undefined): string {
  if (column.exportField) return column.exportField;
  if (sample === undefined || sample === null || typeof sample !== 'object') return column.key;
  const read: string[] = [];
  const own = sample as Record<string, unknown>;
  const spy = new Proxy(own, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(target, prop)) read.push(prop);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  try {
    column.render(spy as R);
  } catch {
    return column.key;
  }
  return read.includes(column.key) ? column.key : (read[0] ?? column.key);
}

/** Money columns say so in their title: “金额（元）”. */
const isMoney = <R,>(c: Column<R>) => c.money ?? /[（(]元[)）]/.test(c.title);

export function exportColumns<R>(columns: Column<R>[], sample?: R): InputOf<'list.export'>['columns'] {
  return columns
    .filter((c) => c.exportField !== null && c.title !== '')
    .map((c) => ({ field: fieldOf(c, sample), title: c.title, kind: isMoney(c) ? 'money' : 'text' }));
}

interface Props<R> {
  store: ListStore<R>;
  columns: Column<R>[];
  /** The list's name at the top of the file: "人员列表". */
  title: string;
}

export function ListExportButton<R>({ store, columns, title }: Props<R>) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const { method, q, filters, sort } = store.getState();
    setBusy(true);
    const words = await filterWords(filters, q);
    const r = await call('list.export', {
      list: method,
      q: q.trim() || undefined,
      filters: Object.keys(filters).length ? filters : undefined,
      sort: sort ?? undefined,
      columns: exportColumns(columns, store.getState().rowAt(0)),
      title: words.length ? `${title}（${words.join('；')}）` : title,
    });
    if (!r.ok) {
      setBusy(false);
      return toast.error(r.error.message);
    }
    const saved = await saveBase64(r.data.base64, r.data.fileName, 'excel', `导出${title}`);
    setBusy(false);
    if (saved) toast.success(`已导出 ${r.data.count} 条`);
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="list-export">
      导出
    </Button>
  );
}
