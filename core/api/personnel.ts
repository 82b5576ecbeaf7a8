import { crud, method } from './define';
import * as s from '../schemas/personnel';
import { completeIdQuery } from '../idLookup';

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
};
