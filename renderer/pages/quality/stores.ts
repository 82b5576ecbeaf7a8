// The 质量与督办 lists, kept for the session like the app's other list stores (stores/lists.ts).
import { createListStore } from '../../stores/listStore';
import type { ProblemRecord, QualityCheckRecord } from './types';

/** A record's row shows its threshold judgement, which the settings change. */
export const qualityCheckList = createListStore<QualityCheckRecord>('qualityCheck.list', {
  shows: ['qualityCheck', 'quality'],
});
export const problemList = createListStore<ProblemRecord>('problem.list');
