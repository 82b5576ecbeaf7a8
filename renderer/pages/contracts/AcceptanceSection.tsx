// 验收: the office checks and accepts what the agency delivered.
import { Button, Card, Table } from 'antd';
import type { ContractDetail } from '../../api/types';
import { StatusTag } from '../../format/StatusTag';

type Acceptance = ContractDetail['acceptances'][number];

export function AcceptanceSection({
  acceptances,
  writer,
  onAdd,
}: {
  acceptances: Acceptance[];
  writer: boolean;
  onAdd: () => void;
}) {
  return (
    <Card
      size="small"
      title="验收"
      data-testid="contract-acceptance"
      extra={
        writer && (
          <Button size="small" onClick={onAdd}>
            登记验收
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={acceptances}
        locale={{ emptyText: '尚未验收。服务完成后组织验收并在此登记结论。' }}
        columns={[
          { title: '验收日期', dataIndex: 'acceptedDate', width: 110 },
          { title: '结论', dataIndex: 'conclusion', width: 110, render: (v: string) => <StatusTag value={v} /> },
          { title: '方式', dataIndex: 'method' },
          { title: '验收组成员', dataIndex: 'members' },
          { title: '问题与整改', dataIndex: 'issues' },
          { title: '验收书编号', dataIndex: 'certificateNo' },
        ]}
      />
    </Card>
  );
}
