// 档案登记's columns: what, where kept, filed and handed over when and to whom, who answers for it.
import { Pill } from '../../format/Pill';
import { Clip } from '../../format/Clip';
import type { Column } from '../../lists/columns';
import type { ArchiveRecord } from './archiveStore';

const SECRECY_COLOR = { 公开: 'default', 内部: 'blue', 秘密: 'orange', 机密: 'red' } as const;

export const archiveColumns: Column<ArchiveRecord>[] = [
  {
    key: 'archiveNo',
    title: '档号',
    width: 130,
    sortField: 'archiveNo',
    render: (a) => <span className="mono">{a.archiveNo ?? ''}</span>,
  },
  { key: 'title', title: '档案名称', width: 220, sortField: 'title', render: (a) => <Clip text={a.title} /> },
  { key: 'category', title: '类别', width: 96, render: (a) => a.category },
  { key: 'year', title: '年度', width: 60, render: (a) => a.year ?? '' },
  {
    key: 'secrecy',
    title: '密级',
    width: 64,
    render: (a) => <Pill color={SECRECY_COLOR[a.secrecy]}>{a.secrecy}</Pill>,
  },
  {
    key: 'quantity',
    title: '数量',
    width: 70,
    align: 'right',
    render: (a) => (a.quantity == null ? '' : `${a.quantity}${a.unit ?? ''}`),
  },
  { key: 'location', title: '存放位置', width: 130, render: (a) => <Clip text={a.location} /> },
  { key: 'filedDate', title: '归档日期', width: 100, sortField: 'filedDate', render: (a) => a.filedDate ?? '' },
  {
    key: 'transfer',
    title: '移交',
    width: 170,
    sortField: 'transferDate',
    render: (a) => (a.transferDate ? <Clip text={`${a.transferDate} ${a.transferTo ?? ''}`} /> : <Pill>未移交</Pill>),
  },
  { key: 'keeper', title: '责任人', width: 80, render: (a) => <Clip text={a.keeper} /> },
];
