import { crud } from './define';
import * as s from '../schemas/regions';

export const regionsApi = {
  ...crud('township', '乡镇（街道）', { create: s.townshipCreate, record: s.townshipRecord, list: s.townshipList }),
  ...crud('village', '村（社区）', { create: s.villageCreate, record: s.villageRecord, list: s.villageList }),
  ...crud('district', '普查小区', { create: s.districtCreate, record: s.districtRecord, list: s.districtList }),
};
