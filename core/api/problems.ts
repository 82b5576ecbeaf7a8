// The problem and 督办 ledger, and the draft of R2's 存在问题 it gives (docs/spec/quality-and-problems.md).
import { crud, method } from './define';
import * as s from '../schemas/problems';

export const problemsApi = {
  ...crud('problem', '问题与督办事项', { create: s.problemCreate, record: s.problemRecord, list: s.problemList }),
  'problem.draft': method({
    input: s.problemDraftInput,
    output: s.problemDraftOutput,
    access: 'read',
    effect: 'none',
    summary: '由问题台账生成月报“存在问题”草稿',
  }),
};
