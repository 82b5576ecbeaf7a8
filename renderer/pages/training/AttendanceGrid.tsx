// 签到与考核 for fast entry: tick 签到, type 成绩 and press Enter to go down the column; a score
// at or above the pass mark means 合格. Ctrl+S saves every changed row in one call. A block pasted
// from Excel (a column of scores, a whole sheet) fills the cells from the focused one, each read as
// if typed (attendancePaste.ts); a cell it cannot read keeps its value and is marked until changed.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table } from 'antd';
import { call } from '../../api/call';
import { confirm, toast } from '../../app/feedback';
import { useFormShortcuts } from '../../forms/formKeys';
import { useGridClipboard } from '../../grid/useGridClipboard';
import { edit, newGuest, type GridRow } from './attendanceDraft';
import { ATTENDANCE_COLUMNS, copiedCell, pasteInto, type PasteErrors } from './attendancePaste';
import { useAttendance } from './useAttendance';
import { EnrolDialog } from './EnrolDialog';
import { GuestAdder } from './GuestAdder';

const VERDICT = [
  { value: 'true', label: '合格' },
  { value: 'false', label: '不合格' },
];
const verdictValue = (v: boolean | null) => (v === null ? undefined : String(v));
const verdictOf = (v: string | undefined) => (v === undefined ? null : v === 'true');

/** Enter moves down the column, like a spreadsheet. */
function downOnEnter(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
  if (!cell) return;
  const next = document.querySelector<HTMLInputElement>(
    `[data-col="${cell.dataset.col}"][data-row="${Number(cell.dataset.row) + 1}"] input`,
  );
  if (next) {
    e.preventDefault();
    next.focus();
    next.select();
  }
}

export function AttendanceGrid({
  sessionId,
  writer,
  onSaved,
}: {
  sessionId: number;
  writer: boolean;
  onSaved: () => void;
}) {
  const a = useAttendance(sessionId, onSaved);
  const [passMark, setPassMark] = useState<number | null>(60);
  const [enrolling, setEnrolling] = useState(false);
  const [pasteErrors, setPasteErrors] = useState<PasteErrors>(new Map());

  const save = async () => {
    if (pasteErrors.size > 0) return toast.error('有粘贴的内容无法识别（红框），请改正后再保存');
    const problem = await a.save();
    if (problem) toast.error(problem);
    else toast.success('已保存签到与考核');
  };
  useFormShortcuts(writer, () => void save());

  const change = (key: string, patch: Partial<GridRow>) => {
    a.setRows((rows) => (rows ?? []).map((r) => (r.key === key ? edit(r, patch, passMark) : r)));
    // A cell changed by hand is no longer the one that could not be read.
    setPasteErrors((errors) => {
      const next = new Map(errors);
      for (const field of Object.keys(patch)) next.delete(`${key}:${field}`);
      return next.size === errors.size ? errors : next;
    });
  };
  const clip = useGridClipboard({
    columns: ATTENDANCE_COLUMNS,
    rowCount: a.rows?.length ?? 0,
    editable: writer,
    read: (i, col) => copiedCell(a.rows?.[i], i, col),
    write: (cells) => {
      const result = pasteInto(a.rows ?? [], cells, passMark);
      a.setRows(result.rows);
      setPasteErrors((errors) => {
        const next = new Map(errors);
        for (const k of result.cleared) next.delete(k);
        for (const [k, m] of result.errors) next.set(k, m);
        return next;
      });
    },
  });
  const remove = async (row: GridRow) => {
    // A removed row's unreadable cells no longer hold the save back.
    const forget = () => setPasteErrors((errors) => new Map([...errors].filter(([k]) => !k.startsWith(`${row.key}:`))));
    if (row.id === null) {
      forget();
      return a.setRows((rows) => (rows ?? []).filter((r) => r.key !== row.key));
    }
    if (!(await confirm({ title: `把${row.name}移出本培训班名单？`, danger: true, okText: '移出' }))) return;
    const r = await call('attendance.delete', { id: row.id });
    if (!r.ok) return toast.error(r.error.message);
    forget();
    a.setRows((rows) => (rows ?? []).filter((x) => x.key !== row.key));
    onSaved();
  };
  const err = (row: GridRow, field: string) =>
    pasteErrors.get(`${row.key}:${field}`) ?? a.issues.byCell.get(`${row.key}:${field}`);
  const cell = (row: GridRow, index: number, field: string, node: ReactNode) => (
    <div
      {...clip.cellProps(index, field)}
      data-col={field}
      data-row={index}
      className={err(row, field) ? 'grid-cell-error' : undefined}
      title={err(row, field)}
    >
      {node}
    </div>
  );

  /** A column of one field's cells, each holding the control `control` makes for its row. */
  const fieldColumn = (title: string, width: number, field: string, control: (r: GridRow) => ReactNode) => ({
    title,
    width,
    render: (_: unknown, r: GridRow, i: number) => cell(r, i, field, control(r)),
  });
  // 成绩 and 补考成绩 are typed alike, 是否合格 and 补考合格 chosen alike; `aria` names the cell for a row.
  const scoreColumn = (title: string, field: 'score' | 'makeupScore', aria: string) =>
    fieldColumn(title, 96, field, (r) => (
      <InputNumber
        size="small"
        disabled={!writer}
        value={r[field]}
        aria-label={`${r.name}${aria}`}
        onChange={(v) => change(r.key, { [field]: v })}
      />
    ));
  const verdictColumn = (title: string, field: 'passed' | 'makeupPassed', aria: string) =>
    fieldColumn(title, 110, field, (r) => (
      <Select
        size="small"
        disabled={!writer}
        allowClear
        style={{ width: 96 }}
        value={verdictValue(r[field])}
        options={VERDICT}
        aria-label={`${r.name}${aria}`}
        onChange={(v) => change(r.key, { [field]: verdictOf(v) })}
      />
    ));

  if (a.loadError) return <Alert type="error" showIcon title={a.loadError} />;
  const rows = a.rows ?? [];

  return (
    <Card
      size="small"
      title={`签到与考核（${rows.length} 人，已签到 ${rows.filter((r) => r.signedIn).length} 人）`}
      data-testid="attendance-grid"
      extra={
        writer && (
          <Space wrap>
            <span>合格分数线</span>
            <InputNumber
              size="small"
              min={0}
              max={100}
              value={passMark}
              onChange={setPassMark}
              style={{ width: 70 }}
              aria-label="合格分数线"
            />
            <Button
              size="small"
              onClick={() =>
                a.setRows((all) => (all ?? []).map((r) => (r.signedIn ? r : edit(r, { signedIn: true }, passMark))))
              }
            >
              全部签到
            </Button>
            <Button size="small" onClick={() => setEnrolling(true)} data-testid="attendance-enrol">
              添加参训人员
            </Button>
            <Button
              size="small"
              type="primary"
              loading={a.saving}
              disabled={!a.dirty}
              onClick={() => void save()}
              data-testid="attendance-save"
            >
              保存（Ctrl+S）
            </Button>
          </Space>
        )
      }
    >
      {a.issues.messages.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title="以下记录未保存，请修改后再保存"
          description={a.issues.messages.join('；')}
        />
      )}
      {writer && (
        <div style={{ marginBottom: 8 }}>
          <GuestAdder onAdd={(n, u, p) => a.setRows((all) => [...(all ?? []), newGuest(n, u, p)])} />
        </div>
      )}
      <div onKeyDown={downOnEnter} {...clip.handlers}>
        <Table<GridRow>
          size="small"
          rowKey="key"
          pagination={false}
          loading={a.rows === null}
          dataSource={rows}
          rowClassName={(r) => (r.changed ? 'row-changed' : '')}
          locale={{ emptyText: '名单为空。点击“添加参训人员”从花名册选择，或在上方添加临时参训人员。' }}
          columns={[
            { title: '序号', width: 56, render: (_, r, i) => cell(r, i, 'seq', i + 1) },
            { title: '姓名', width: 100, render: (_, r, i) => cell(r, i, 'name', r.name) },
            { title: '类别/单位', width: 180, ellipsis: true, render: (_, r, i) => cell(r, i, 'detail', r.detail) },
            {
              title: '签到',
              width: 64,
              render: (_, r, i) =>
                cell(
                  r,
                  i,
                  'signedIn',
                  <Checkbox
                    disabled={!writer}
                    checked={r.signedIn}
                    aria-label={`${r.name}签到`}
                    onChange={(e) => change(r.key, { signedIn: e.target.checked })}
                  />,
                ),
            },
            scoreColumn('成绩', 'score', '成绩'),
            verdictColumn('是否合格', 'passed', '是否合格'),
            scoreColumn('补考成绩', 'makeupScore', '补考成绩'),
            verdictColumn('补考合格', 'makeupPassed', '补考是否合格'),
            {
              title: '备注',
              render: (_, r, i) =>
                cell(
                  r,
                  i,
                  'note',
                  <Input
                    size="small"
                    aria-label={`${r.name}备注`}
                    disabled={!writer}
                    value={r.note ?? ''}
                    onChange={(e) => change(r.key, { note: e.target.value || null })}
                  />,
                ),
            },
            {
              title: '',
              width: 60,
              render: (_, r) =>
                writer && (
                  <Button type="link" size="small" danger onClick={() => void remove(r)}>
                    移出
                  </Button>
                ),
            },
          ]}
        />
      </div>
      <EnrolDialog
        sessionId={sessionId}
        open={enrolling}
        onClose={() => setEnrolling(false)}
        onDone={() => void a.reload().then(onSaved)}
      />
    </Card>
  );
}
