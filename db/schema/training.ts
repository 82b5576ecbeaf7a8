// Training sessions (培训班) and attendance (签到与考核). A person's training status is derived
// from training_attendance (db/views/derived.ts); the budget area links expenditures to a session.
import type { SchemaPart } from './types';

export const training: SchemaPart = {
  labels: {
    training_sessions: '培训班',
    training_attendance: '培训签到与考核记录',
  },
};
