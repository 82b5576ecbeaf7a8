import type { TrainingRecord } from '../../api/types';
import type { Column } from '../../lists/columns';
import { rate } from '../../format/display';

export const trainingColumns: Column<TrainingRecord>[] = [
  { key: 'start', title: '开始日期', width: 108, sortField: 'startDate', render: (t) => t.startDate },
  { key: 'name', title: '培训班名称', width: 280, sortField: 'name', render: (t) => t.name },
  { key: 'kind', title: '培训类型', width: 130, sortField: 'kind', render: (t) => t.kind },
  { key: 'host', title: '主办', width: 70, render: (t) => t.hostLevel },
  { key: 'batch', title: '期次', width: 70, render: (t) => t.batch ?? '' },
  { key: 'attendees', title: '名单人数', width: 86, align: 'right', render: (t) => t.attendeeCount },
  { key: 'signed', title: '签到', width: 70, align: 'right', render: (t) => t.signedInCount },
  { key: 'passed', title: '合格', width: 70, align: 'right', render: (t) => t.passedCount },
  { key: 'rate', title: '合格率', width: 80, align: 'right', render: (t) => rate(t.passRate) },
];
