// 组织与宣传 (docs/spec/fieldwork-and-organisation.md §2–4): the publicity log, the 领导小组 and its
// 成员单位, devices and accounts handed to people.
import { crud } from './define';
import * as s from '../schemas/organisation';

export const organisationApi = {
  ...crud('publicity', '宣传记录', { create: s.publicityCreate, record: s.publicityRecord, list: s.publicityList }),
  ...crud('groupMember', '领导小组成员', {
    create: s.groupMemberCreate,
    record: s.groupMemberRecord,
    list: s.groupMemberList,
  }),
  ...crud('device', '设备与账号', { create: s.deviceCreate, record: s.deviceRecord, list: s.deviceList }),
};
