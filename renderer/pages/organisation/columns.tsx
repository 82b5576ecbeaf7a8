// The columns of the 组织与宣传 lists.
import { Tag } from 'antd';
import type { Column } from '../../lists/columns';
import { orDash } from '../../format/display';
import { Clip } from '../../format/Clip';
import type { DeviceRecord, GroupMemberRecord, PublicityRecord } from './stores';

export const publicityColumns: Column<PublicityRecord>[] = [
  { key: 'date', title: '日期', width: 108, sortField: 'date', render: (r) => r.date },
  { key: 'kind', title: '宣传形式', width: 110, sortField: 'kind', render: (r) => r.kind },
  { key: 'channel', title: '渠道/媒体', width: 180, render: (r) => <Clip text={orDash(r.channel)} /> },
  { key: 'title', title: '标题/内容', width: 320, sortField: 'title', render: (r) => <Clip text={r.title} /> },
  {
    key: 'quantity',
    title: '数量/覆盖',
    width: 110,
    align: 'right',
    render: (r) => (r.quantity == null ? '—' : `${r.quantity}${r.unit ?? ''}`),
  },
  { key: 'note', title: '备注', width: 200, render: (r) => <Clip text={orDash(r.note)} /> },
];

export const groupMemberColumns: Column<GroupMemberRecord>[] = [
  { key: 'sort', title: '排序', width: 64, align: 'right', sortField: 'sort', render: (r) => r.sort },
  { key: 'groupPost', title: '组内职务', width: 110, render: (r) => r.groupPost },
  { key: 'name', title: '姓名', width: 90, sortField: 'name', render: (r) => r.name },
  { key: 'unit', title: '成员单位', width: 180, sortField: 'unit', render: (r) => <Clip text={r.unit} /> },
  { key: 'unitPost', title: '单位职务', width: 100, render: (r) => orDash(r.unitPost) },
  { key: 'duties', title: '职责分工', width: 300, render: (r) => <Clip text={orDash(r.duties)} /> },
  { key: 'phone', title: '联系电话', width: 130, render: (r) => orDash(r.phone) },
];

export const deviceColumns: Column<DeviceRecord>[] = [
  { key: 'kind', title: '类别', width: 90, sortField: 'kind', render: (r) => r.kind },
  { key: 'identifier', title: '编号/账号', width: 150, sortField: 'identifier', render: (r) => r.identifier },
  { key: 'description', title: '型号/说明', width: 200, render: (r) => <Clip text={orDash(r.description)} /> },
  {
    key: 'person',
    title: '领用人',
    width: 130,
    render: (r) => (
      <>
        {r.personName ?? '—'} {r.personStatus === '离岗' && <Tag color="orange">离岗</Tag>}
      </>
    ),
  },
  { key: 'handed', title: '发放日期', width: 108, sortField: 'handedDate', render: (r) => r.handedDate },
  { key: 'returned', title: '归还日期', width: 108, render: (r) => orDash(r.returnedDate) },
  {
    key: 'state',
    title: '状态',
    // 「在用（未归还）」 whole: a cut state reads as another one.
    width: 140,
    render: (r) =>
      r.outWithLeaver ? (
        <Tag color="red">离岗未归还</Tag>
      ) : r.isOut ? (
        <Tag color="blue">{r.state === '在用' ? '在用（未归还）' : `${r.state}（未归还）`}</Tag>
      ) : (
        <Tag>{r.returnedDate ? '已归还' : r.state}</Tag>
      ),
  },
];
