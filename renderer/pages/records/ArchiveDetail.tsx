// One archive record: what it is, where it is kept, when it was filed and handed over.
import { useState } from 'react';
import { Alert, Button, Descriptions, Spin } from 'antd';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { confirm, toast } from '../../app/feedback';
import { canWrite, useSession } from '../../stores/session';
import { href, navigate } from '../../router/route';
import { EntityFormDrawer } from '../../forms/EntityFormDrawer';
import { orDash } from '../../format/display';
import { PageHead } from '../PageHead';
import { archiveForm } from './archiveForm';

export function ArchiveDetail({ id }: { id: number }) {
  const { data: a, error, reload } = useRead('archive.get', { id });
  const writer = canWrite(useSession((s) => s.operator));
  const [editing, setEditing] = useState(false);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!a) return <Spin />;
  const remove = async () => {
    if (!(await confirm({ title: `删除档案“${a.title}”的登记？`, danger: true, okText: '删除' }))) return;
    const r = await call('archive.delete', { id });
    if (!r.ok) return toast.error(r.error.message);
    toast.success('已删除档案登记');
    void navigate(href('/records', { tab: 'archive' }), { force: true });
  };
  return (
    <div className="page" data-testid="archive-detail">
      <PageHead
        back="#/records?tab=archive"
        title={a.title}
        extra={
          writer && (
            <>
              <Button onClick={() => setEditing(true)}>编辑</Button>
              <Button danger onClick={() => void remove()}>
                删除
              </Button>
            </>
          )
        }
      />
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'no', label: '档号', children: <span className="mono">{orDash(a.archiveNo)}</span> },
          { key: 'cat', label: '档案类别', children: a.category },
          { key: 'year', label: '年度', children: orDash(a.year) },
          { key: 'sec', label: '密级', children: a.secrecy },
          { key: 'ret', label: '保管期限', children: orDash(a.retention) },
          { key: 'qty', label: '数量', children: a.quantity == null ? '—' : `${a.quantity}${a.unit ?? ''}` },
          { key: 'loc', label: '存放位置', children: orDash(a.location) },
          { key: 'keeper', label: '责任人', children: orDash(a.keeper) },
          { key: 'filed', label: '归档日期', children: orDash(a.filedDate) },
          { key: 'tdate', label: '移交日期', children: orDash(a.transferDate) },
          { key: 'tto', label: '接收单位（人）', children: orDash(a.transferTo), span: 2 },
          { key: 'note', label: '备注', children: orDash(a.note), span: 3 },
        ]}
      />
      <EntityFormDrawer
        entity="archive"
        label="档案"
        spec={archiveForm}
        open={editing}
        record={a}
        width={760}
        onClose={() => setEditing(false)}
        onSaved={reload}
      />
    </div>
  );
}
