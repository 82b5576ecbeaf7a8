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

export function exportColumns<R>(columns: Column<R>[]): InputOf<'list.export'>['columns'] {
  return columns
    .filter((c) => c.exportField !== null && c.title !== '')
    .map((c) => ({ field: c.exportField ?? c.key, title: c.title, kind: c.money ? 'money' : 'text' }));
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
      columns: exportColumns(columns),
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
