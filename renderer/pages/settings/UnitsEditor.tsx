// 下级单位名单 as an editable table: a city office's counties, a province office's cities. Rows are
// typed or filled from the division dataset (从区划库填入), then saved whole by the caller; messages
// for a row (units.2.code) land on its cell. A block of codes and names pasted from Excel fills the
// rows from the focused cell and adds rows past the last; they are checked when saved, as typed ones.
import { Alert, Button, Input, Popconfirm, Space, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useGridClipboard } from '../../grid/useGridClipboard';

export interface UnitDraft {
  code: string;
  name: string;
}

interface Props {
  /** 县（区） or 市（州）. */
  kind: string;
  units: UnitDraft[];
  onChange: (units: UnitDraft[]) => void;
  /** Messages by path: units.<row>.code / units.<row>.name. */
  errors?: Record<string, string>;
  /** The dataset's suggestions (replaces the rows after asking when there are some). */
  suggest?: () => Promise<{ units: UnitDraft[]; source: string }>;
  editable?: boolean;
  idPrefix: string;
}

export function UnitsEditor({ kind, units, onChange, errors = {}, suggest, editable = true, idPrefix }: Props) {
  const [source, setSource] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const set = (i: number, patch: Partial<UnitDraft>) =>
    onChange(units.map((u, j) => (j === i ? { ...u, ...patch } : u)));
  const clip = useGridClipboard({
    columns: ['seq', 'code', 'name'],
    rowCount: units.length,
    canGrow: true,
    editable,
    read: (i, col) => (col === 'seq' ? String(i + 1) : (units[i]?.[col as keyof UnitDraft] ?? '')),
    write: (cells) => {
      const next = [...units];
      for (const c of cells) {
        if (c.col !== 'code' && c.col !== 'name') continue;
        while (next.length <= c.row) next.push({ code: '', name: '' });
        next[c.row] = { ...next[c.row], [c.col]: c.text.trim() };
      }
      onChange(next);
    },
  });
  const fill = async () => {
    if (!suggest) return;
    const s = await suggest();
    setSource(s.source);
    setEmpty(s.units.length === 0);
    if (s.units.length > 0) onChange(s.units);
  };
  const fillButton = suggest && editable && (
    <Button onClick={() => void fill()} data-testid={`${idPrefix}-fill`}>
      从区划库填入
    </Button>
  );
  return (
    <div data-testid={`${idPrefix}-units`} {...clip.handlers}>
      <Space style={{ marginBottom: 8 }} wrap>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => onChange([...units, { code: '', name: '' }])}>
            添加{kind}
          </Button>
        )}
        {fillButton &&
          (units.length > 0 ? (
            <Popconfirm title={`用区划库中的${kind}替换当前名单？`} onConfirm={() => void fill()}>
              <Button data-testid={`${idPrefix}-fill`}>从区划库填入</Button>
            </Popconfirm>
          ) : (
            fillButton
          ))}
        <span className="muted">共 {units.length} 个</span>
      </Space>
      {source && (
        <Alert
          type={empty ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 8 }}
          title={
            empty
              ? `区划库中没有本单位之下的${kind}，请逐个添加（${source}）`
              : `已按区划库填入，请核对后保存（${source}）`
          }
        />
      )}
      <Table<UnitDraft & { key: number }>
        size="small"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={units.map((u, key) => ({ ...u, key }))}
        locale={{ emptyText: `尚无${kind}：点“添加${kind}”或“从区划库填入”` }}
        columns={[
          { title: '序号', width: 60, render: (_v, _r, i) => <div {...clip.cellProps(i, 'seq')}>{i + 1}</div> },
          {
            title: `${kind}代码`,
            width: 180,
            render: (_v, r, i) => (
              <Cell error={errors[`units.${i}.code`]} cell={clip.cellProps(i, 'code')}>
                <Input
                  id={`${idPrefix}-code-${i}`}
                  value={r.code}
                  disabled={!editable}
                  status={errors[`units.${i}.code`] ? 'error' : undefined}
                  placeholder="6位"
                  onChange={(e) => set(i, { code: e.target.value })}
                />
              </Cell>
            ),
          },
          {
            title: `${kind}名称`,
            render: (_v, r, i) => (
              <Cell error={errors[`units.${i}.name`]} cell={clip.cellProps(i, 'name')}>
                <Input
                  id={`${idPrefix}-name-${i}`}
                  value={r.name}
                  disabled={!editable}
                  status={errors[`units.${i}.name`] ? 'error' : undefined}
                  onChange={(e) => set(i, { name: e.target.value })}
                />
              </Cell>
            ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  width: 50,
                  render: (_v: unknown, _r: UnitDraft, i: number) => (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={`删除第${i + 1}行`}
                      onClick={() => onChange(units.filter((_u, j) => j !== i))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function Cell({ error, children, cell }: { error?: string; children: React.ReactNode; cell: object }) {
  return (
    <div {...cell}>
      {children}
      {error && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{error}</div>}
    </div>
  );
}

/** The messages of a refusal by path (units.2.code), for the table. */
export const unitErrors = (issues: readonly { path: string; message: string }[]): Record<string, string> =>
  Object.fromEntries(issues.filter((i) => i.path.startsWith('units.')).map((i) => [i.path, i.message]));
