// 经费预算及执行情况: categories and their items with 预算 / 到位 / 支出 / 结余 / 执行率, 小计 on
// each category and the 合计 — the same figures as report R3.
import { useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useRead } from '../../api/useRecord';
import type { BudgetItemRecord } from '../../api/types';
import { canWrite, useSession } from '../../stores/session';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { rate, yuan } from '../../format/display';
import { budgetItemForm } from './budgetForms';

type Row = BudgetItemRecord & { children?: Row[] };

const money = (v: number | null) => yuan(v);

/** The figure columns, and the 合计 row beneath them in the same order. */
const FIGURES: {
  title: string;
  dataIndex: 'budget' | 'allocated' | 'spent' | 'balance' | 'executionRate';
  width: number;
  render: (v: number | null) => string;
}[] = [
  { title: '预算（元）', dataIndex: 'budget', width: 130, render: money },
  { title: '到位（元）', dataIndex: 'allocated', width: 130, render: money },
  { title: '支出（元）', dataIndex: 'spent', width: 130, render: money },
  { title: '结余（元）', dataIndex: 'balance', width: 130, render: money },
  { title: '执行率', dataIndex: 'executionRate', width: 84, render: rate },
];

export function BudgetTree() {
  const { data, error, reload } = useRead('budget.tree', {});
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState<Record<string, unknown> | null | undefined>(undefined);
  const [defaults, setDefaults] = useState<Record<string, unknown>>({});
  if (error) return <Alert type="error" showIcon title={error} />;

  const rows: Row[] = (data?.categories ?? []).map((c) => ({ ...c, children: c.items.length ? c.items : undefined }));
  const add = (parentId: number | null) => {
    setDefaults(parentId ? { parentId } : {});
    setEditing(null);
  };

  return (
    <div data-testid="budget-tree">
      {writer && (
        <div className="list-toolbar">
          <span className="muted">点击科目修改预算金额和测算依据；付款、到位在各自的页签登记。</span>
          <span className="list-actions">
            <Button icon={<PlusOutlined />} onClick={() => add(null)}>
              新增类别
            </Button>
          </span>
        </div>
      )}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={!data}
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        onRow={(r) => ({ onClick: () => writer && setEditing(r), style: { cursor: writer ? 'pointer' : undefined } })}
        summary={() =>
          data && (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0} colSpan={2}>
                合计
              </Table.Summary.Cell>
              {FIGURES.map((f, i) => (
                <Table.Summary.Cell key={f.dataIndex} index={i + 2} align="right">
                  {f.render(data.total[f.dataIndex])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={7} colSpan={2} />
            </Table.Summary.Row>
          )
        }
        columns={[
          { title: '科目', dataIndex: 'name', width: 220, render: (v: string, r) => (r.isCategory ? <b>{v}</b> : v) },
          { title: '测算依据', dataIndex: 'basis', ellipsis: true },
          ...FIGURES.map((f) => ({ ...f, align: 'right' as const })),
          {
            title: '提示',
            width: 150,
            render: (_, r) => (
              <>
                {r.overspent && <Tag color="red">支出超预算</Tag>}
                {r.underAllocated && <Tag color="orange">到位少于支出</Tag>}
              </>
            ),
          },
          {
            title: '',
            width: 110,
            render: (_, r) =>
              writer &&
              r.parentId == null && (
                <Button
                  type="link"
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    add(r.id);
                  }}
                >
                  新增明细科目
                </Button>
              ),
          },
        ]}
      />
      <EntityFormDrawer
        entity="budgetItem"
        label="预算科目"
        spec={budgetItemForm}
        open={editing !== undefined}
        record={editing}
        defaults={defaults}
        width={760}
        onClose={() => setEditing(undefined)}
        onSaved={reload}
      />
    </div>
  );
}
