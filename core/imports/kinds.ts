// What can be imported, with the Chinese names the UI and the audit log show.

export const IMPORT_KINDS = [
  'person',
  'township',
  'village',
  'district',
  'agency',
  'contract',
  'budgetItem',
  'attendance',
  'archive',
  'problem',
  'groupMember',
  'publicity',
  'device',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  person: '人员花名册',
  township: '乡镇（街道）',
  village: '村（社区）',
  district: '普查小区',
  agency: '第三方机构',
  contract: '合同及履约节点',
  budgetItem: '预算科目',
  attendance: '培训签到与考核',
  archive: '档案目录',
  problem: '问题与督办台账',
  groupMember: '领导小组及成员单位',
  publicity: '宣传记录',
  device: '设备与账号',
};
