// Issue #17's fieldwork and organisation registers, by their Chinese names (messages that say what
// refers to what: a person with a device handed over cannot be deleted).
import type { SchemaPart } from './types';

export const fieldwork: SchemaPart = {
  labels: {
    survey_figures: '抽样调查与监测进度',
    publicity_items: '宣传记录',
    group_members: '领导小组成员',
    devices: '设备与账号',
  },
};
