// One record of 质量与督办 as a page (DetailPage): its fields, 编辑 and 删除 for those who may write.
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { callByName } from '../../api/call';
import { confirm, toast } from '../../app/feedback';
import type { FormSpec } from '../../forms/fieldSpec';
import { href, navigate } from '../../router/route';
import { DetailPage, LoadState } from '../DetailPage';

interface Props {
  entity: 'qualityCheck' | 'problem';
  label: string;
  tab: string;
  record: Record<string, unknown> | null;
  error: string | null;
  title: string;
  items: { key: string; label: string; children: ReactNode; span?: number }[];
  spec: FormSpec;
  testId: string;
  onChanged: () => void;
  /** Buttons of this kind of record, before 编辑 (for those who may write). */
  actions?: ReactNode;
}

export function RecordPage(p: Props) {
  if (p.error || !p.record) return <LoadState error={p.error} />;
  const id = Number(p.record.id);
  const list = href('/quality', { tab: p.tab });
  const remove = async () => {
    if (!(await confirm({ title: `删除${p.label}“${p.title}”？`, danger: true, okText: '删除' }))) return;
    const r = await callByName(`${p.entity}.delete`, { id });
    if (!r.ok) return toast.error(r.error.message);
    toast.success(`已删除${p.label}`);
    void navigate(list, { force: true });
  };
  return (
    <DetailPage
      testId={p.testId}
      back={list}
      title={p.title}
      column={2}
      items={p.items}
      edit={{ entity: p.entity, label: p.label, spec: p.spec, record: p.record, width: 820 }}
      onSaved={p.onChanged}
      leading={p.actions}
      editTestId={`${p.entity}-edit`}
      actions={
        <Button danger onClick={() => void remove()}>
          删除
        </Button>
      }
    />
  );
}
