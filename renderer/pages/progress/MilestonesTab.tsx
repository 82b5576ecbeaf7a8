// 工作要点: the census's milestones with deadlines; 已逾期 is computed, never typed.
import { Pill } from '../../format/Pill';
import { MILESTONE_STATUSES } from '../../../core/enums';
import type { MilestoneRecord } from '../../api/types';
import { milestoneList } from '../../stores/lists';
import type { Column } from '../../lists/columns';
import { RoutedList } from '../../lists/EntityList';
import { StatusTag } from '../../format/StatusTag';
import { milestoneForm } from './milestoneForm';

const days = (m: MilestoneRecord) => {
  if (m.daysLeft === null || m.effectiveStatus === '已完成') return '';
  if (m.daysLeft < 0) return <Pill color="red">逾期 {-m.daysLeft} 天</Pill>;
  return m.dueSoon ? <Pill color="orange">还剩 {m.daysLeft} 天</Pill> : `还剩 ${m.daysLeft} 天`;
};

const columns: Column<MilestoneRecord>[] = [
  { key: 'seq', title: '序号', width: 60, sortField: 'seq', render: (m) => m.seq },
  { key: 'point', title: '工作要点', width: 170, sortField: 'pointNo', render: (m) => `${m.pointNo}. ${m.pointTitle}` },
  { key: 'title', title: '工作内容', width: 380, render: (m) => <span title={m.title}>{m.title}</span> },
  { key: 'deadline', title: '完成时限', width: 108, sortField: 'deadline', render: (m) => m.deadline ?? '持续' },
  {
    key: 'status',
    title: '完成情况',
    width: 90,
    sortField: 'status',
    render: (m) => <StatusTag value={m.effectiveStatus} />,
  },
  { key: 'days', title: '期限', width: 110, render: days },
  { key: 'done', title: '完成日期', width: 108, render: (m) => m.completedDate ?? '' },
  { key: 'note', title: '进展说明', width: 220, render: (m) => m.progressNote ?? '' },
];

export function MilestonesTab() {
  return (
    <RoutedList
      store={milestoneList}
      columns={columns}
      testId="milestone-list"
      unit="项"
      noun="工作要点"
      howToAdd="点击“新增工作要点”，按上级工作方案录入要点和完成时限。"
      searchPlaceholder="工作内容、进展说明、佐证材料"
      filterFields={[{ key: 'status', label: '完成情况', options: MILESTONE_STATUSES }]}
      form={{ entity: 'milestone', label: '工作要点', spec: milestoneForm, width: 760, defaults: { status: '未开始' } }}
    />
  );
}
