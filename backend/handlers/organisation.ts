import type { organisationApi } from '../../core/api/organisation';
import { devices } from '../areas/organisation/devices';
import { groupMembers, publicity } from '../areas/organisation/registers';
import { fromServices } from './fromServices';

export const organisationHandlers = fromServices<typeof organisationApi>({
  'publicity.create': publicity.create,
  'publicity.get': publicity.get,
  'publicity.update': publicity.update,
  'publicity.list': publicity.list,
  'publicity.delete': publicity.delete,
  'groupMember.create': groupMembers.create,
  'groupMember.get': groupMembers.get,
  'groupMember.update': groupMembers.update,
  'groupMember.list': groupMembers.list,
  'groupMember.delete': groupMembers.delete,
  'device.create': devices.create,
  'device.get': devices.get,
  'device.update': devices.update,
  'device.list': devices.list,
  'device.delete': devices.delete,
});
