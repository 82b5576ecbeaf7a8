// Payments on this contract's nodes. Each is one expenditure of the contract's budget item —
// the budget shows the same record.
import { Button, Card, Table } from 'antd';
import type { ContractDetail } from '../../api/types';
import { yuan } from '../../format/display';

type Payment = ContractDetail['payments'][number];

export function PaymentsTable({
  payments,
  writer,
  onDelete,
}: {
  payments: Payment[];
  writer: boolean;
  onDelete: (p: Payment) => void;
}) {
  return (
    <Card size="small" title="付款记录（同时计入预算支出）" data-testid="contract-payments">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={payments}
        locale={{ emptyText: '尚未付款。在履约节点的“登记付款”中录入。' }}
        columns={[
          { title: '付款日期', dataIndex: 'date', width: 110 },
          { title: '节点', render: (_, p) => (p.nodeSeq ? `${p.nodeSeq}. ${p.nodeWorkContent ?? ''}` : '') },
          { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
          { title: '摘要', dataIndex: 'summary' },
          { title: '收款单位', dataIndex: 'payee' },
          { title: '凭证号', dataIndex: 'voucherNo' },
          { title: '预算科目', dataIndex: 'budgetItemName' },
          {
            title: '操作',
            width: 80,
            render: (_, p) =>
              writer && (
                <Button type="link" size="small" danger onClick={() => onDelete(p)}>
                  删除
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
