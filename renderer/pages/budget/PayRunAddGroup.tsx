// 按条件添加 on a pay run: the 在岗 people of a township, a role or a 普查小区 added as lines in one
// step (payRun.candidates), with the days or pieces for all of them; people already on the run are
// skipped, and those without a 银行卡号 are named (the run cannot be posted until they have one).
import { useState } from 'react';
import { Alert, Button, InputNumber, Modal, Select } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import { PERSON_ROLES } from '../../../core/enums';
import { call } from '../../api/call';
import { toast } from '../../app/feedback';
import { RefSelect } from '../../forms/RefSelect';
import type { RefSourceKey } from '../../forms/refSources';
import type { PayLine } from './PayRunLines';

interface Props {
  lines: PayLine[];
  onAdd: (lines: PayLine[]) => void;
}

export function PayRunAddGroup({ lines, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [townshipId, setTownshipId] = useState<number | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [districtId, setDistrictId] = useState<number | null>(null);
  const [quantity, setQuantity] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setBusy(true);
    const r = await call('payRun.candidates', {
      townshipId: townshipId ?? undefined,
      role: (role ?? undefined) as never,
      districtId: districtId ?? undefined,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const have = new Set(lines.map((l) => l.personId));
    const fresh = r.data.people.filter((p) => !have.has(p.personId));
    if (fresh.length === 0)
      return setError(
        r.data.people.length ? `符合条件的 ${r.data.people.length} 人已全部在发放表中` : '没有符合条件的在岗人员',
      );
    // Blank rows the clerk had not filled go: the group takes their place.
    const kept = lines.filter((l) => l.personId != null);
    onAdd([...kept, ...fresh.map((p) => ({ personId: p.personId, quantity, rate: null, note: null }))]);
    const noCard = fresh.filter((p) => !p.hasBankAccount).map((p) => p.name);
    const skipped = r.data.people.length - fresh.length;
    toast.success(
      `已添加 ${fresh.length} 人${skipped ? `（${skipped} 人已在表中）` : ''}` +
        (noCard.length
          ? `；${noCard.slice(0, 5).join('、')}${noCard.length > 5 ? `等 ${noCard.length} 人` : ''}未登记银行卡号，发放入账前须补填`
          : ''),
    );
    setOpen(false);
    setError(null);
  };

  return (
    <>
      <Button icon={<UsergroupAddOutlined />} onClick={() => setOpen(true)} data-testid="payrun-add-group">
        按条件添加
      </Button>
      <Modal
        open={open}
        title="按乡镇（街道）、人员类别或普查小区添加在岗人员"
        okText="添加"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void add()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="payrun-add-group-form">
          <RefChoice
            label="乡镇（街道）"
            id="payrun-group-township"
            source="township"
            value={townshipId}
            onChange={setTownshipId}
          />
          <label>
            人员类别
            <Select
              className="full-width"
              allowClear
              value={role}
              onChange={(v) => setRole(v ?? null)}
              options={PERSON_ROLES.map((r) => ({ value: r, label: r }))}
              id="payrun-group-role"
            />
          </label>
          <RefChoice
            label="普查小区"
            id="payrun-group-district"
            source="district"
            value={districtId}
            onChange={setDistrictId}
          />
          <label>
            天数/件数（可留空，逐行填写）
            <InputNumber
              id="payrun-group-quantity"
              className="full-width"
              min={0}
              value={quantity}
              onChange={(v) => setQuantity(v)}
            />
          </label>
          {error && <Alert type="warning" showIcon title={error} />}
        </div>
      </Modal>
    </>
  );
}

/** One labelled choice of a township or a 普查小区 to narrow the group by (cleared: no narrowing). */
function RefChoice(p: {
  label: string;
  id: string;
  source: RefSourceKey;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  return (
    <label>
      {p.label}
      <RefSelect
        id={p.id}
        source={p.source}
        value={p.value}
        onChange={(v) => p.onChange(v as number | null)}
        allowClear
      />
    </label>
  );
}
