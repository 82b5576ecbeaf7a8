// Townships (乡镇/街道), villages (村/社区), census districts (普查小区) and who is assigned to them.
import type { SchemaPart } from './types';

export const regions: SchemaPart = {
  labels: {
    townships: '乡镇（街道）',
    villages: '村（社区）',
    census_districts: '普查小区',
    district_assignments: '普查小区人员安排',
  },
};
