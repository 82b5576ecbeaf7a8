import { crud, method } from './define';
import * as s from '../schemas/personnel';

export const personnelApi = {
  ...crud('person', '人员', { create: s.personCreate, record: s.personRecord, list: s.personList }),
  'person.leave': method({
    input: s.personLeave,
    output: s.personRecord,
    access: 'write',
    effect: 'write',
    summary: '人员离岗（保留记录，状态改为离岗）',
  }),
};
