// How an active filter reads on a tag: "未落实联络员", "人员类别：普查员", "乡镇（街道）：锦屏镇".

/** Yes/no filters (most come from dashboard links): the words for true and for false. */
const FLAGS: Record<string, [string, string]> = {
  withoutLiaison: ['未落实联络员', '已落实联络员'],
  unassigned: ['未安排普查员或普查指导员', '已安排普查员和普查指导员'],
  hasSupervisor: ['已指定普查指导员', '未指定普查指导员'],
  insuranceValid: ['意外保险有效', '无有效意外保险'],
  overdue: ['已逾期', '未逾期'],
  aboveThreshold: ['差错率超过上限', '差错率未超上限'],
  uncorrected: ['差错未全部改正', '差错已全部改正'],
  dueSoon: ['14天内到期', '非14天内到期'],
  done: ['已完成', '未完成'],
  endedWithoutAcceptance: ['服务期满未验收', '非期满未验收'],
  overpaid: ['付款超过合同金额', '付款未超过合同金额'],
  notPublished: ['签订后未公告', '已公告'],
  notFiled: ['签订后未备案', '已备案'],
  legacyId: ['公民身份号码为15位旧号码', '公民身份号码为18位'],
  overspent: ['支出超过预算', '支出未超预算'],
  underAllocated: ['到位少于支出', '到位不少于支出'],
  isCategory: ['一级类别', '明细科目'],
  signedIn: ['已签到', '未签到'],
  passed: ['考核合格', '考核不合格'],
  isGuest: ['临时参训人员', '花名册人员'],
  active: ['已启用', '已停用'],
  withoutDistrict: ['未划入普查小区', '已划入普查小区'],
  duplicateDistricts: ['普查小区重复划分', '普查小区未重复划分'],
  overWorkload: ['超过工作量上限', '未超过工作量上限'],
  overSpan: ['负责普查员超过上限', '负责普查员未超过上限'],
  transferred: ['已移交', '未移交'],
  filed: ['已归档', '未归档'],
  isOut: ['未归还', '已归还或已处置'],
  outWithLeaver: ['离岗人员未归还', '非离岗人员未归还'],
};

/** Filters holding a value: their name. */
const NAMES: Record<string, string> = {
  role: '人员类别',
  pledgeStatus: '保密承诺书',
  secrecy: '密级',
  status: '状态',
  trainingStatus: '培训状态',
  townshipId: '乡镇（街道）',
  villageId: '村（社区）',
  supervisorId: '所属普查指导员',
  agencyId: '第三方机构',
  contractId: '合同',
  budgetItemId: '预算科目',
  categoryId: '类别',
  serviceKind: '服务内容',
  kind: '类型',
  hostLevel: '主办层级',
  source: '资金来源',
  fundingLevel: '资金来源',
  conclusion: '验收结论',
  pointNo: '工作要点',
  reportId: '报表',
  period: '报告期',
  operatorName: '操作员',
  entity: '对象',
  entityId: '对象编号',
  from: '起始日期',
  to: '截止日期',
  dateFrom: '起始日期',
  dateTo: '截止日期',
  year: '年度',
  sessionId: '培训班',
  trainingId: '培训班',
  personId: '人员',
  payRunId: '劳务报酬发放表',
  contractNodeId: '履约节点',
};

export function filterName(key: string): string {
  return NAMES[key] ?? FLAGS[key]?.[0] ?? key;
}

/** The tag text when the value needs no lookup; null for ids (shown with their record's name). */
export function filterText(key: string, value: unknown): string | null {
  if (typeof value === 'boolean' && FLAGS[key]) return FLAGS[key][value ? 0 : 1];
  if (typeof value === 'number' && /Id$/.test(key)) return null;
  return `${filterName(key)}：${String(value)}`;
}
