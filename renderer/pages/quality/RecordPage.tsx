// One record of 质量与督办 as a page: its fields, 编辑 and 删除 for those who may write.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Spin } from 'antd';
import { callByName } from '../../api/call';
import { confirm, toast } from '../../app/feedback';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import type { FormSpec } from '../../forms/fieldSpec';
import { href, navigate } from '../../router/route';
import { canWrite, useSession } from '../../stores/session';
import { PageHead } from '../PageHead';

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
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  if (p.error) return <Alert type="error" showIcon title={p.error} />;
  if (!p.record) return <Spin />;
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
    <div className="page" data-testid={p.testId}>
      <PageHead
        back={list}
        title={p.title}
        extra={
          writer && (
            <>
              {p.actions}
              <Button onClick={() => setEditing(true)} data-testid={`${p.entity}-edit`}>
                编辑
              </Button>
              <Button danger onClick={() => void remove()}>
                删除
              </Button>
            </>
          )
        }
      />
      <Descriptions size="small" bordered column={2} items={p.items} />
      <EntityFormDrawer
        entity={p.entity}
        label={p.label}
        spec={p.spec}
        width={820}
        open={editing}
        record={p.record}
        onClose={() => setEditing(false)}
        onSaved={p.onChanged}
      />
    </div>
  );
}
