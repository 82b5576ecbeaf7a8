// The contract's header grid, as on the 合同跟踪表: parties, money (with 大写), dates, reminders.
import { Descriptions, Space, Tag } from 'antd';
import { toDaxie } from '../../../core/money';
import { FILE_WITHIN_WORKDAYS, PUBLISH_WITHIN_WORKDAYS } from '../../../core/deadlines';
import type { ContractDetail } from '../../api/types';
import { href } from '../../router/route';
import { RefName } from '../../forms/RefName';
import { dateCn, orDash, yuanText } from '../../format/display';

export function ContractSummary({ detail }: { detail: ContractDetail }) {
  const { contract: c, agency } = detail;
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={[
        {
          key: 'agency',
          label: '第三方机构',
          children: <a href={href(`/contracts/agency/${agency.id}`)}>{agency.name}</a>,
        },
        { key: 'credit', label: '统一社会信用代码', children: <span className="mono">{agency.creditCode}</span> },
        { key: 'method', label: '采购方式', children: c.procurementMethod },
        { key: 'kinds', label: '服务内容', children: c.serviceKinds.map((k) => <Tag key={k}>{k}</Tag>) },
        { key: 'amount', label: '合同金额', children: `${yuanText(c.amount)}（大写：${toDaxie(c.amount)}）`, span: 2 },
        {
          key: 'paid',
          label: '已付 / 未付',
          children: (
            <Space>
              <span data-testid="contract-paid">{yuanText(c.paidAmount)}</span>/<span>{yuanText(c.unpaidAmount)}</span>
              {c.overpaid && <Tag color="red">付款超过合同金额</Tag>}
            </Space>
          ),
        },
        { key: 'deposit', label: '履约保证金', children: yuanText(c.deposit) },
        { key: 'signed', label: '签订日期', children: dateCn(c.signedDate) },
        {
          key: 'period',
          label: '服务期限',
          children: c.serviceStart || c.serviceEnd ? `${dateCn(c.serviceStart)} 至 ${dateCn(c.serviceEnd)}` : '—',
        },
        {
          key: 'published',
          label: '公告 / 备案日期',
          children: (
            <Space wrap data-testid="contract-deadlines">
              {dateCn(c.publishedDate)} / {dateCn(c.filedDate)}
              {c.publishOverdue && (
                <Tag color="orange">
                  签订超过{PUBLISH_WITHIN_WORKDAYS}个工作日未公告（期限{dateCn(c.publishDue)}）
                </Tag>
              )}
              {c.fileOverdue && (
                <Tag color="orange">
                  签订超过{FILE_WITHIN_WORKDAYS}个工作日未备案（期限{dateCn(c.fileDue)}）
                </Tag>
              )}
              {!c.publishedDate && !c.publishOverdue && c.publishDue && <span>公告期限 {dateCn(c.publishDue)}</span>}
              {!c.filedDate && !c.fileOverdue && c.fileDue && <span>备案期限 {dateCn(c.fileDue)}</span>}
              {c.deadlineNote && (!c.publishedDate || !c.filedDate) && (
                <Tag color="gold" data-testid="contract-deadline-note">
                  {c.deadlineNote}
                </Tag>
              )}
            </Space>
          ),
        },
        { key: 'manager', label: '项目负责人及电话', children: `${orDash(c.managerName)} ${c.managerPhone ?? ''}` },
        {
          key: 'budget',
          label: '支付预算科目',
          children: c.budgetItemName ?? <Tag color="orange">未设置（无法登记付款）</Tag>,
        },
        {
          key: 'staff',
          label: '派驻人员',
          children: c.staffIds.length
            ? c.staffIds.map((id) => (
                <Tag key={id}>
                  <RefName source="person" id={id} />
                </Tag>
              ))
            : '—',
        },
        {
          key: 'acceptance',
          label: '验收',
          children: c.acceptance ? (
            `${c.acceptance}（${dateCn(c.acceptedDate)}）`
          ) : c.endedWithoutAcceptance ? (
            <Tag color="red">服务期满未验收</Tag>
          ) : (
            '尚未验收'
          ),
        },
        { key: 'note', label: '备注', children: orDash(c.note) },
      ]}
    />
  );
}
