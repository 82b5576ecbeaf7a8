// One archive record: what it is, where it is kept, when it was filed and handed over.
import { Button } from 'antd';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { confirm, toast } from '../../app/feedback';
import { href, navigate } from '../../router/route';
import { orDash } from '../../format/display';
import { DetailPage, LoadState } from '../DetailPage';
import { archiveForm } from './archiveForm';

export function ArchiveDetail({ id }: { id: number }) {
  const { data: a, error, reload } = useRead('archive.get', { id });
  if (error || !a) return <LoadState error={error} />;
  const remove = async () => {
    if (!(await confirm({ title: `删除档案“${a.title}”的登记？`, danger: true, okText: '删除' }))) return;
    const r = await call('archive.delete', { id });
    if (!r.ok) return toast.error(r.error.message);
    toast.success('已删除档案登记');
    void navigate(href('/records', { tab: 'archive' }), { force: true });
  };
  return (
    <DetailPage
      testId="archive-detail"
      back="#/records?tab=archive"
      title={a.title}
      actions={
        <Button danger onClick={() => void remove()}>
          删除
        </Button>
      }
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
      edit={{ entity: 'archive', label: '档案', spec: archiveForm, record: a, width: 760 }}
      onSaved={reload}
    />
  );
}
