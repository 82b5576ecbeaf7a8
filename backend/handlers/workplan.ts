import type { workplanApi } from '../../core/api/workplan';
import { listMilestones, milestones, progressCategories } from '../areas/workplan/milestones';
import {
  aggregateProgress,
  deleteProgress,
  getProgress,
  listPeriods,
  markReported,
  saveProgress,
} from '../areas/workplan/progress';
import { fromServices } from './fromServices';

export const workplanHandlers = fromServices<typeof workplanApi>({
  'milestone.create': milestones.create,
  'milestone.get': milestones.get,
  'milestone.update': milestones.update,
  'milestone.list': listMilestones,
  'milestone.delete': milestones.delete,
  'progress.categories': progressCategories,
  'progress.get': getProgress,
  'progress.save': saveProgress,
  'progress.aggregate': aggregateProgress,
  'progress.markReported': markReported,
  'progress.delete': deleteProgress,
  'progress.periods': listPeriods,
});
