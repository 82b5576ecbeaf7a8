// The file's rows as the commit would treat them: 新增, 更新 (with what changes), 无变化 or 有错误,
// filtered and paged by the backend (the stored check answers, so paging is cheap). A plain table:
// antd's Table measured every column on mount (forced layouts) and built its styles on first use,
// which made showing the preview one long task (issue 18); a page of rows needs neither.
import { Pagination, Segmented, Spin, Tag } from 'antd';
import type { ImportFlowState, Preview } from './useImportFlow';
import type { RowFilter } from './previewRequest';
import { formatYuan } from '../../../core/money';
import './previewRows.css';

type Row = Preview['rows'][number];

const ACTIONS: Record<Row['action'], { text: string; color: string }> = {
  new: { text: '新增', color: 'green' },
  update: { text: '更新', color: 'blue' },
  unchanged: { text: '无变化', color: 'default' },
  error: { text: '有错误', color: 'red' },
};

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '（空）' : Array.isArray(v) ? v.join('、') : String(v);

/**
 * A cell as it will be stored, not as the file holds it: an Excel date serial (43164) shows as
 * 2018-03-05, an amount in 元, a yes/no as 是/否. Rows with errors, and references (stored as a
 * number the clerk cannot read), show the file's text.
 */
export function storedText(r: Row, field: string | null, type: string | undefined, raw: string | undefined): string {
  const v = field && r.values && field in r.values ? r.values[field] : undefined;
  if (v === undefined || type === 'ref') return raw ?? '';
  if (v === null || v === '') return '';
  if (type === 'money' && typeof v === 'number') return formatYuan(v);
  if (type === 'bool' && typeof v === 'boolean') return v ? '是' : '否';
  return Array.isArray(v) ? v.join('、') : String(v);
}

function note(r: Row): string {
  const warned = (r.warnings ?? []).map((w) => `注意：${w.message}`);
  if (r.action === 'update')
    return [...r.changes.map((c) => `${c.label}：${shown(c.from)} → ${shown(c.to)}`), ...warned].join('；');
  if (r.action === 'error') return r.errors.map((e) => e.message).join('；');
  return warned.join('；');
}

export function PreviewRows({ flow, preview }: { flow: ImportFlowState; preview: Preview }) {
  const { counts } = preview;
  const { view } = flow;
  const filters: { value: RowFilter; label: string }[] = [
    { value: 'all', label: `全部 ${counts.rows}` },
    { value: 'new', label: `新增 ${counts.new}` },
    { value: 'update', label: `更新 ${counts.update}` },
    { value: 'unchanged', label: `无变化 ${counts.unchanged}` },
    { value: 'errors', label: `有错误 ${counts.errors}` },
  ];
  // Only the columns that are imported: the others are in the file and stay out of the way here.
  const mapped = preview.columns.map((c, i) => ({ ...c, i })).filter((c) => c.field !== null);
  const label = (key: string | null) => preview.fields.find((f) => f.key === key)?.label ?? key ?? '';
  const typeOf = (key: string | null) => preview.fields.find((f) => f.key === key)?.type;
  return (
    <div style={{ marginTop: 12 }} data-testid="import-rows" data-total={preview.total}>
      <Segmented<RowFilter>
        options={filters}
        value={view.show}
        disabled={Boolean(flow.busy)}
        onChange={(show) => void flow.showRows({ ...view, show, page: 1 })}
        data-testid="import-show"
      />
      <Spin spinning={flow.rowsLoading}>
        <div className="preview-rows">
          <table>
            <thead>
              <tr>
                <th className="preview-sticky">行号</th>
                <th>处理</th>
                {mapped.map((c) => (
                  <th key={c.letter}>{label(c.field)}</th>
                ))}
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <td className="preview-sticky">{r.row}</td>
                  <td>
                    <Tag color={ACTIONS[r.action].color}>{ACTIONS[r.action].text}</Tag>
                  </td>
                  {mapped.map((c) => (
                    <td key={c.letter} title={r.cells[c.i] ? `文件中为：${r.cells[c.i]}` : undefined}>
                      {storedText(r, c.field, typeOf(c.field), r.cells[c.i])}
                    </td>
                  ))}
                  <td>{note(r)}</td>
                </tr>
              ))}
              {preview.rows.length === 0 && (
                <tr>
                  <td colSpan={mapped.length + 3} className="preview-empty">
                    没有这类行
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Spin>
      <Pagination
        style={{ marginTop: 8, justifyContent: 'flex-end' }}
        size="small"
        current={preview.page}
        pageSize={preview.pageSize}
        total={preview.total}
        showSizeChanger={false}
        disabled={Boolean(flow.busy)}
        onChange={(page) => void flow.showRows({ ...view, page })}
      />
    </div>
  );
}
