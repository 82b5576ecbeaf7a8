import { milestoneCreate } from '../../../core/schemas/workplan';
import { MILESTONE_SET_STATUSES } from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';

export const milestoneForm: FormSpec = {
  schema: milestoneCreate,
  items: [
    { name: 'seq', span: 6 },
    { name: 'pointNo', span: 6 },
    { name: 'pointTitle', span: 12 },
    { name: 'title', span: 24, widget: 'textarea' },
    { name: 'deadline', span: 8, help: '持续性要点不填' },
    { name: 'status', span: 8, options: MILESTONE_SET_STATUSES, help: '“已逾期”由完成时限自动得出' },
    { name: 'completedDate', span: 8 },
    { name: 'progressNote', span: 24, widget: 'textarea' },
    { name: 'evidence', span: 24 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
