// One audit entry: who, when, what, and each field's value before and after.
import { Descriptions, Drawer, Table } from 'antd';
import type { AuditRecord } from '../../api/types';
import { localTime } from '../../format/display';
import { actionLabel, entityLabel, fieldLabel, objectText } from '../../../core/auditLabels';

const show = (v: unknown) =>
  v === undefined ? '' : v === null ? '（空）' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function changes(entry: AuditRecord) {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !['createdAt', 'updatedAt'].includes(k),
  );
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ key: k, label: fieldLabel(entry.entity, k), before: show(before[k]), after: show(after[k]) }));
}

export function AuditEntry({ entry, onClose }: { entry: AuditRecord; onClose: () => void }) {
  return (
    <Drawer open size={820} title={`操作日志 #${entry.id}`} onClose={onClose}>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'at', label: '时间', children: localTime(entry.at) },
          { key: 'op', label: '操作员', children: entry.operatorName },
          { key: 'act', label: '操作', children: actionLabel(entry.action) },
          {
            key: 'ent',
            label: '对象',
            children: [entityLabel(entry.entity), objectText(entry)].filter(Boolean).join(' '),
          },
        ]}
      />
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={changes(entry)}
        locale={{ emptyText: '没有字段变化' }}
        columns={[
          { title: '字段', dataIndex: 'label', width: 160 },
          {
            title: '修改前',
            dataIndex: 'before',
            render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
          },
          {
            title: '修改后',
            dataIndex: 'after',
            render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
          },
        ]}
      />
    </Drawer>
  );
}
