// A person's devices and accounts (PAD, 系统账号) on their page: what they hold, since when,
// returned when; a hand-over is entered here with the person already chosen.
import { useEffect, useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { todayIso } from '../../../core/dates';
import { useRead } from '../../api/useRecord';
import { onWritten } from '../../api/changes';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { canWrite, useSession } from '../../stores/session';
import { orDash } from '../../format/display';
import { deviceForm } from './forms';
import type { DeviceRecord } from './stores';

export function PersonDevices({ personId }: { personId: number }) {
  const { data, error, reload } = useRead('device.list', { filters: { personId }, pageSize: 200 });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState<DeviceRecord | null | undefined>(undefined);
  // A leaving (person.leave) changes what the rows say; a hand-over entered elsewhere adds one.
  useEffect(() => onWritten(['device', 'person'], reload), [reload]);
  const out = data?.rows.filter((r) => r.isOut).length ?? 0;
  return (
    <Card
      size="small"
      title={`设备与账号${data ? `（未归还 ${out} 件）` : ''}`}
      style={{ marginBottom: 16 }}
      data-testid="person-devices"
      extra={
        writer && (
          <Button size="small" onClick={() => setEditing(null)} data-testid="person-device-add">
            登记发放
          </Button>
        )
      }
    >
      {error && <span className="muted">{error}</span>}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: '未领用PAD或系统账号。' }}
        onRow={(r) => ({ onClick: () => writer && setEditing(r), style: { cursor: writer ? 'pointer' : undefined } })}
        columns={[
          { title: '类别', dataIndex: 'kind' },
          { title: '编号/账号', dataIndex: 'identifier' },
          { title: '型号/说明', dataIndex: 'description', render: orDash },
          { title: '发放日期', dataIndex: 'handedDate' },
          { title: '归还日期', dataIndex: 'returnedDate', render: orDash },
          {
            title: '状态',
            render: (_, r) =>
              r.outWithLeaver ? (
                <Tag color="red">离岗未归还</Tag>
              ) : r.isOut ? (
                <Tag color="blue">{r.state}（未归还）</Tag>
              ) : (
                <Tag>{r.returnedDate ? '已归还' : r.state}</Tag>
              ),
          },
        ]}
      />
      <EntityFormDrawer
        entity="device"
        label="设备与账号"
        spec={deviceForm}
        open={editing !== undefined}
        record={editing ?? null}
        defaults={{ kind: 'PAD', state: '在用', personId, handedDate: todayIso() }}
        width={760}
        onClose={() => setEditing(undefined)}
      />
    </Card>
  );
}
