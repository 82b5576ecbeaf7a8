import { crud, method } from './define';
import * as s from '../schemas/personnel';
import { completeIdQuery } from '../idLookup';
import { personBulkResult, personBulkSet } from '../schemas/personnelBulk';

const people = crud('person', '人员', { create: s.personCreate, record: s.personRecord, list: s.personList });

export const personnelApi = {
  ...people,
  'person.list': {
    ...people['person.list'],
    // A lookup by a complete number is recorded: who looked whom up, and when (backend/idLookupLimit.ts).
    rules: [
      {
        when: '搜索内容为完整的公民身份号码（18位或15位）',
        applies: (input: { q?: string }) => completeIdQuery(input.q) !== null,
        audited: true,
      },
    ],
  },
  'person.leave': method({
    input: s.personLeave,
    output: s.personRecord,
    access: 'write',
    effect: 'write',
    summary: '人员离岗（保留记录，状态改为离岗）',
  }),
  'person.bulkSet': method({
    input: personBulkSet,
    output: personBulkResult,
    access: 'write',
    effect: 'write',
    // One entry for the batch, and one per person it changed (their histories show it).
    recordEntries: (out) => out.changed,
    summary: '批量设置人员（所属指导员、乡镇、保险、离岗），全部成功或全部不改',
  }),
};
