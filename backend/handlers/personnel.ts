import type { personnelApi } from '../../core/api/personnel';
import {
  createPerson,
  deletePerson,
  getPerson,
  leavePerson,
  listPeople,
  updatePerson,
} from '../areas/personnel/people';
import { bulkSetPeople } from '../areas/personnel/bulkSet';
import { fromServices } from './fromServices';

export const personnelHandlers = fromServices<typeof personnelApi>({
  'person.create': createPerson,
  'person.get': getPerson,
  'person.update': updatePerson,
  'person.list': listPeople,
  'person.delete': deletePerson,
  'person.leave': leavePerson,
  'person.bulkSet': bulkSetPeople,
});
