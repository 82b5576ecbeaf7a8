// One contract as the office follows it (contract.detail): the terms, the nodes with their
// payments, and the acceptance.
import { useState } from 'react';
import { Button } from 'antd';
import { todayIso } from '../../../core/dates';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import type { ContractNodeRecord } from '../../api/types';
import { confirm, toast } from '../../app/feedback';
import { canWrite, useSession } from '../../stores/session';
import { href, navigate } from '../../router/route';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { FormModal } from '../../forms/FormModal';
import { StatusTag } from '../../format/StatusTag';
import { PageHead } from '../PageHead';
import { LoadState } from '../DetailPage';
import { ContractSummary } from './ContractSummary';
import { NodesTable } from './NodesTable';
import { PaymentsTable } from './PaymentsTable';
import { AcceptanceSection } from './AcceptanceSection';
import { PrintTrackingSlot } from './PrintTrackingSlot';
import { acceptanceForm, contractForm, nodeForm, paymentForm } from './contractForms';
import type { InputOf } from '../../../core/api';

export function ContractDetail({ id }: { id: number }) {
  const { data, error, reload } = useRead('contract.detail', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  const [node, setNode] = useState<ContractNodeRecord | null | undefined>(undefined);
  const [paying, setPaying] = useState<ContractNodeRecord | null>(null);
  const [accepting, setAccepting] = useState(false);

  if (error || !data) return <LoadState error={error} />;
  const c = data.contract;
  const changed = () => reload();
  const act = async (question: string, run: () => ReturnType<typeof call>, done: string): Promise<boolean> => {
    if (!(await confirm({ title: question, okText: '删除', danger: true }))) return false;
    const r = await run();
    if (!r.ok) {
      toast.error(r.error.message);
      return false;
    }
    toast.success(done);
    changed();
    return true;
  };

  return (
    <div className="page" data-testid="contract-detail">
      <PageHead
        back="#/contracts?tab=contracts"
        title={
          <>
            {c.contractNo} {c.name} <StatusTag value={c.status} />
          </>
        }
        extra={
          <>
            <PrintTrackingSlot contractId={id} contractNo={c.contractNo} />
            {writer && <Button onClick={() => setEditing(true)}>编辑合同</Button>}
            {writer && (
              <Button
                danger
                onClick={() =>
                  void act(`删除合同“${c.name}”？`, () => call('contract.delete', { id }), '已删除合同').then(
                    (ok) => ok && navigate(href('/contracts'), { force: true }),
                  )
                }
              >
                删除
              </Button>
            )}
          </>
        }
      />
      <ContractSummary detail={data} />
      <NodesTable
        nodes={data.nodes}
        writer={writer}
        onAdd={() => setNode(null)}
        onEdit={setNode}
        onPay={setPaying}
        onDelete={(n) =>
          void act(
            `删除履约节点“${n.workContent}”？`,
            () => call('contractNode.delete', { id: n.id }),
            '已删除履约节点',
          )
        }
      />
      <PaymentsTable
        payments={data.payments}
        writer={writer}
        onDelete={(p) =>
          void act(
            `删除 ${p.date} 的付款？`,
            () => call('contract.deletePayment', { id: p.id }),
            '已删除付款（预算支出同时删除）',
          )
        }
      />
      <AcceptanceSection acceptances={data.acceptances} writer={writer} onAdd={() => setAccepting(true)} />

      <EntityFormDrawer
        entity="contract"
        label="合同"
        spec={contractForm}
        width={860}
        open={editing}
        record={c}
        onClose={() => setEditing(false)}
        onSaved={changed}
      />
      <EntityFormDrawer
        entity="contractNode"
        label="履约节点"
        spec={nodeForm}
        open={node !== undefined}
        record={node}
        defaults={{ contractId: id }}
        onClose={() => setNode(undefined)}
        onSaved={changed}
      />
      <FormModal
        idPrefix="payment"
        open={paying !== null}
        title={paying ? `登记付款：${paying.seq}. ${paying.workContent}` : ''}
        spec={paymentForm}
        initial={{
          nodeId: paying?.id,
          date: todayIso(),
          amount: paying?.payableAmount != null ? Math.max(0, paying.payableAmount - paying.paidAmount) || null : null,
          allowOverpay: false,
          handlerName: paying?.handlerName ?? null,
        }}
        okText="登记付款"
        successText="已登记付款，并计入预算支出"
        submit={(d) => call('contract.recordPayment', d as InputOf<'contract.recordPayment'>)}
        onClose={() => setPaying(null)}
        onDone={changed}
      />
      <EntityFormDrawer
        entity="acceptance"
        label="验收记录"
        spec={acceptanceForm}
        open={accepting}
        defaults={{ contractId: id, acceptedDate: todayIso() }}
        onClose={() => setAccepting(false)}
        onSaved={changed}
      />
    </div>
  );
}
