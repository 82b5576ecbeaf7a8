// 履约节点: what the agency must deliver and when, what is payable and what was paid. A node past
// its planned date and not done is 逾期.
import { Button, Card, Space, Table, Tag } from 'antd';
import type { ContractNodeRecord } from '../../api/types';
import { yuan } from '../../format/display';

interface Props {
  nodes: ContractNodeRecord[];
  writer: boolean;
  onAdd: () => void;
  onEdit: (node: ContractNodeRecord) => void;
  onPay: (node: ContractNodeRecord) => void;
  onDelete: (node: ContractNodeRecord) => void;
}

export function NodesTable({ nodes, writer, onAdd, onEdit, onPay, onDelete }: Props) {
  const sum = (f: (n: ContractNodeRecord) => number | null) => nodes.reduce((s, n) => s + (f(n) ?? 0), 0);
  return (
    <Card
      size="small"
      title={`履约节点（${nodes.filter((n) => n.done).length}/${nodes.length} 已完成）`}
      extra={
        writer && (
          <Button type="primary" size="small" onClick={onAdd} data-testid="node-new">
            新增履约节点
          </Button>
        )
      }
      data-testid="contract-nodes"
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={nodes}
        // Wider than the office laptop's page: it scrolls sideways with 序号 and 工作内容 kept in place,
        // rather than squeezing 工作内容 to two characters.
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: '尚无履约节点。按合同约定的阶段（如方案、中期、成果验收）逐个新增，并填写计划完成日期和应付比例。',
        }}
        summary={() =>
          nodes.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={6}>
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {yuan(sum((n) => n.payableAmount))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {yuan(sum((n) => n.paidAmount))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} colSpan={4} />
            </Table.Summary.Row>
          )
        }
        columns={[
          { title: '序号', dataIndex: 'seq', width: 56, fixed: 'left' },
          { title: '工作内容', dataIndex: 'workContent', width: 220, fixed: 'left' },
          {
            title: '情况',
            // Beside the work: the later columns scroll on the office laptop, the state should not.
            width: 84,
            render: (_, n) =>
              n.done ? <Tag color="green">已完成</Tag> : n.overdue ? <Tag color="red">逾期</Tag> : <Tag>进行中</Tag>,
          },
          { title: '计划完成', dataIndex: 'plannedDate', width: 100 },
          { title: '实际完成', dataIndex: 'actualDate', width: 100 },
          {
            title: '应付比例',
            dataIndex: 'payableRatio',
            width: 76,
            render: (v: number | null) => (v == null ? '' : `${v}%`),
          },
          {
            title: '应付金额',
            dataIndex: 'payableAmount',
            width: 110,
            align: 'right',
            render: (v: number | null) => yuan(v),
          },
          { title: '实付金额', dataIndex: 'paidAmount', width: 110, align: 'right', render: (v: number) => yuan(v) },
          { title: '付款日期', dataIndex: 'paidDate', width: 100 },
          { title: '凭证号', dataIndex: 'voucherNos', width: 96 },
          { title: '经办人', dataIndex: 'handlerName', width: 70 },
          {
            title: '操作',
            width: 170,
            render: (_, n) =>
              writer && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onPay(n)} data-testid={`node-pay-${n.seq}`}>
                    登记付款
                  </Button>
                  <Button type="link" size="small" onClick={() => onEdit(n)}>
                    编辑
                  </Button>
                  <Button type="link" size="small" danger onClick={() => onDelete(n)}>
                    删除
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
