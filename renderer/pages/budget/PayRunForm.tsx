// A pay run (劳务报酬发放表) as a draft: period, title, budget item and the people paid.
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { payRunCreate } from '../../../core/schemas/budgetPayRuns';
import { callByName } from '../../api/call';
import type { PayRunRecord } from '../../api/types';
import { toast } from '../../app/feedback';
import { FormDrawer } from '../../forms/FormDrawer';
import { SchemaFields } from '../../forms/SchemaFields';
import type { FormSpec } from '../../forms/fieldSpec';
import { useSchemaForm, type Values } from '../../forms/useSchemaForm';
import { PayRunLines, type PayLine } from './PayRunLines';
import { PayRunAddGroup } from './PayRunAddGroup';

const spec: FormSpec = {
  schema: payRunCreate,
  items: [
    { name: 'period', span: 8, placeholder: '年-月，如 2018-06' },
    { name: 'title', span: 16, placeholder: '如 6月普查员劳务报酬' },
    { name: 'budgetItemId', span: 24, ref: 'budgetItem', refFilters: () => ({ bookable: true }) },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
const NAMES = ['period', 'title', 'budgetItemId', 'lines', 'note'];

function initialOf(run: PayRunRecord | null): Values {
  if (!run) return { lines: [] };
  return {
    period: run.period,
    title: run.title,
    budgetItemId: run.budgetItemId,
    note: run.note,
    lines: run.lines.map((l) => ({ personId: l.personId, quantity: l.quantity, rate: l.rate, note: l.note })),
  };
}

interface Props {
  open: boolean;
  run: PayRunRecord | null;
  onClose: () => void;
  onSaved: () => void;
}

export function PayRunForm({ open, run, onClose, onSaved }: Props) {
  const form = useSchemaForm(payRunCreate, NAMES, initialOf(run));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) form.reset(initialOf(run));
  }, [open, run]); // the form follows the run it was opened for

  const save = async () => {
    const v = form.validate();
    if (!v.ok || saving) return;
    setSaving(true);
    const r = run
      ? await callByName('payRun.update', { ...v.data, id: run.id })
      : await callByName('payRun.create', v.data);
    setSaving(false);
    if (!r.ok) return form.applyServerError(r.error);
    toast.success('已保存劳务报酬发放表');
    form.reset(form.values);
    onSaved();
    onClose();
  };
  const lines = (form.values.lines as PayLine[]) ?? [];
  const linesError = lines.length === 0 ? form.errorOf('lines') : undefined;

  return (
    <FormDrawer
      open={open}
      title={run ? '修改劳务报酬发放表' : '新增劳务报酬发放表'}
      dirty={form.dirty}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
      width={900}
    >
      <SchemaFields spec={spec} form={form} idPrefix="payrun" />
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <h4>发放明细</h4>
        <PayRunAddGroup lines={lines} onAdd={(next) => form.setValue('lines', next)} />
      </div>
      {linesError && <Alert type="error" showIcon title={linesError} style={{ marginBottom: 8 }} />}
      <PayRunLines lines={lines} errorAt={form.errorAt} onChange={(next, e) => form.setValue('lines', next, e)} />
    </FormDrawer>
  );
}
