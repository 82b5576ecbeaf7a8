// One pay run: its lines (ID and card number masked on screen, 显示 for who may see them), total in 大写, and what can be
// done with it: edit while a draft, 入账 (posted as one expenditure), 撤销入账, delete.
import { useState } from 'react';
import { Button, Descriptions, Drawer, Space, Table } from 'antd';
import { Warning } from '../../format/Warning';
import { PrintButton } from '../PrintButton';
import { ExportFormButton } from '../reports/ExportFormButton';
import { FullSensitiveOption } from '../reports/FullSensitiveOption';
import { todayIso } from '../../../core/dates';
import { toDaxie } from '../../../core/money';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { confirm, toast } from '../../app/feedback';
import { FormModal } from '../../forms/FormModal';
import { StatusTag } from '../../format/StatusTag';
import { SensitiveValue } from '../../format/SensitiveValue';
import { yuan, yuanText } from '../../format/display';
import type { PayRunRecord } from '../../api/types';
import { payRunPostForm } from './budgetForms';

type PayLine = PayRunRecord['lines'][number];

interface Props {
  id: number;
  writer: boolean;
  onClose: () => void;
  onChanged?: () => void;
  onEdit: (run: PayRunRecord) => void;
}

export function PayRunView({ id, writer, onClose, onChanged, onEdit }: Props) {
  const { data: run, reload } = useRead('payRun.get', { id });
  const [posting, setPosting] = useState(false);
  // The bank needs 公民身份号码 and 银行卡号 in full: asked for, confirmed and audited (FullSensitiveOption).
  const [full, setFull] = useState(false);
  const changed = () => {
    reload();
    onChanged?.();
  };
  const run2 = async (question: string, method: 'payRun.unpost' | 'payRun.delete', done: string) => {
    if (!(await confirm({ title: question, danger: method === 'payRun.delete' }))) return;
    const r = await call(method, { id });
    if (!r.ok) return toast.error(r.error.message);
    toast.success(done);
    if (method === 'payRun.delete') onClose();
    changed();
  };

  return (
    <Drawer open size={960} title={run ? `${run.title}（${run.period}）` : '劳务报酬发放表'} onClose={onClose}>
      {run && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <PrintButton
              target={{ kind: 'paySheet', payRunId: id, fullSensitive: full }}
              label="打印发放表"
              testId="print-paysheet"
            />
            <ExportFormButton
              target={{ reportId: 'R6', payRunId: id, fullSensitive: full }}
              of={`${run.title}（${run.period}）`}
              testId="export-paysheet"
            />
            {writer && run.status === '草稿' && <Button onClick={() => onEdit(run)}>修改</Button>}
            {writer && run.status === '草稿' && (
              <Button type="primary" onClick={() => setPosting(true)}>
                发放入账
              </Button>
            )}
            {writer && run.status === '已发放' && (
              <Button onClick={() => void run2('撤销入账？对应的支出记录将删除。', 'payRun.unpost', '已撤销入账')}>
                撤销入账
              </Button>
            )}
            {writer && run.status === '草稿' && (
              <Button danger onClick={() => void run2('删除这张发放表？', 'payRun.delete', '已删除')}>
                删除
              </Button>
            )}
          </Space>
          {run.status === '草稿' && <MissingBankAccounts lines={run.lines} />}
          <div style={{ marginBottom: 12 }}>
            <FullSensitiveOption reportId="R6" checked={full} onChange={setFull} action="导出或打印" />
          </div>
          <Descriptions
            size="small"
            bordered
            column={3}
            items={[
              { key: 's', label: '状态', children: <StatusTag value={run.status} /> },
              { key: 'i', label: '预算科目', children: run.budgetItemName },
              { key: 'p', label: '发放日期', children: run.paidDate ?? '—' },
              {
                key: 't',
                label: '合计',
                children: `${yuanText(run.totalAmount)}（大写：${toDaxie(run.totalAmount)}）`,
                span: 3,
              },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={run.lines}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 56 },
              { title: '姓名', dataIndex: 'personName', width: 90 },
              { title: '人员类别', dataIndex: 'roles', render: (r: string[]) => r.join('、') },
              {
                title: '公民身份号码',
                dataIndex: 'idNumber',
                render: (v: string | null, l: PayLine) => (
                  <SensitiveValue entity="person" id={l.personId} field="idNumber" value={v} />
                ),
              },
              { title: '开户行', dataIndex: 'bankName' },
              {
                title: '银行卡号',
                dataIndex: 'bankAccount',
                render: (v: string | null, l: PayLine) => (
                  <SensitiveValue entity="person" id={l.personId} field="bankAccount" value={v} />
                ),
              },
              { title: '天数/件数', dataIndex: 'quantity', align: 'right' },
              { title: '标准（元）', dataIndex: 'rate', align: 'right', render: (v: number) => yuan(v) },
              { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
            ]}
          />
          <FormModal
            idPrefix="payrun-post"
            open={posting}
            title="发放入账"
            spec={payRunPostForm}
            initial={{ paidDate: todayIso() }}
            okText="确认入账"
            successText="已入账，合计已记为一笔支出"
            submit={(d) => call('payRun.post', { ...(d as { paidDate: string }), id })}
            onClose={() => setPosting(false)}
            onDone={changed}
          />
        </>
      )}
    </Drawer>
  );
}

/** Lines the bank cannot pay (no 银行卡号): the run is not posted until they have one (payRun.post says so too). */
function MissingBankAccounts({ lines }: { lines: PayLine[] }) {
  const missing = lines.filter((l) => l.bankAccount == null || l.bankAccount === '');
  if (missing.length === 0) return null;
  return (
    <Warning
      data-testid="payrun-missing-bank"
      title={`${missing.map((l) => `第 ${l.seq} 行 ${l.personName}`).join('、')}未登记银行卡号，补填后才能发放入账`}
    />
  );
}
