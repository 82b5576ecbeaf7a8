// 催报: for one period, the units whose report is missing, refused and not resent, or only a draft,
// since the deadline — and one message to paste into WeChat or mail (ledger.reminders).
import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Tag } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useRead } from '../../api/useRecord';
import { toast } from '../../app/feedback';
import { MonthInput } from '../../forms/MonthInput';
import { STATE_COLORS } from './intakeLabels';

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast.success('已复制催报消息，可粘贴到微信或邮件');
  } catch {
    toast.error('无法访问剪贴板：请在下方文本框中全选后复制');
  }
}

export function RemindersCard({ initial }: { initial: string }) {
  const [period, setPeriod] = useState(initial);
  const r = useRead('ledger.reminders', { period });
  const data = r.data;
  return (
    <Card
      size="small"
      title="催报名单"
      data-testid="reminders"
      extra={
        <Space>
          <span>报告期</span>
          <MonthInput value={period} onChange={(m) => m && setPeriod(m)} testId="reminders-period" />
        </Space>
      }
    >
      {r.error && <Alert type="error" showIcon title={r.error} />}
      {data && data.lines.length === 0 && (
        <Alert type="success" showIcon title={`${data.periodText}：各单位均已报送，无需催报`} />
      )}
      {data && data.lines.length > 0 && (
        <>
          <Table
            size="small"
            rowKey="unitCode"
            pagination={false}
            dataSource={data.lines}
            columns={[
              { title: '单位', render: (_v, l) => `${l.unitName}（${l.unitCode}）` },
              { title: '情况', render: (_v, l) => <Tag color={STATE_COLORS[l.state]}>{l.state}</Tag> },
              { title: '缺什么', dataIndex: 'missing' },
              {
                title: '自何时起',
                render: (_v, l) => `${l.since}${l.daysLate > 0 ? `（已逾期${l.daysLate}天）` : ''}`,
              },
            ]}
          />
          <div style={{ marginTop: 12 }}>
            <Space style={{ marginBottom: 8 }}>
              <Button
                type="primary"
                icon={<CopyOutlined />}
                onClick={() => void copy(data.text)}
                data-testid="reminders-copy"
              >
                复制催报消息
              </Button>
              <span className="muted">截止日 {data.deadline}</span>
            </Space>
            <Input.TextArea
              value={data.text}
              readOnly
              autoSize={{ minRows: 3, maxRows: 10 }}
              data-testid="reminders-text"
            />
          </div>
        </>
      )}
    </Card>
  );
}
