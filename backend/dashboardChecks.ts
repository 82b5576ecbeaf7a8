// The checks of workplan.md ("the checks the office lives by"). Each list check is a list call
// with filters: the dashboard runs the very query the clerk lands on, so its count is that
// list's total by construction.
import { FILE_HINT, PUBLISH_HINT } from '../core/deadlines';
import type { DashboardCheck } from '../core/schemas/dashboard';
import { workdayRuleText } from '../core/workdays';

import { REGISTER_CHECKS } from './coverageChecks';

export interface ListCheck {
  id: string;
  point: number;
  title: string;
  hint: string;
  method:
    | 'township.list'
    | 'village.list'
    | 'district.list'
    | 'person.list'
    | 'budgetItem.list'
    | 'contract.list'
    | 'milestone.list'
    | 'device.list'
    | 'problem.list'
    | 'qualityCheck.list';
  filters: Record<string, unknown>;
  /** A warning until the training deadline, an error after it (work plan point 10). */
  afterTrainingDeadline?: boolean;
  /** Counts that are worth knowing but not a fault. */
  severity?: 'warning';
}

const onDuty = { status: '在岗' } as const;
const fieldRoles = ['普查员', '普查指导员'] as const;

export const LIST_CHECKS: ListCheck[] = [
  {
    id: 'townshipsWithoutLiaison',
    point: 1,
    title: '未落实联络员的乡镇（街道）',
    hint: '每个乡镇（街道）应落实一名在岗联络员',
    method: 'township.list',
    filters: { withoutLiaison: true },
  },
  {
    id: 'villagesWithoutLiaison',
    point: 1,
    title: '未落实联络员的村（居）',
    hint: '每个村（居）委会应落实一名在岗联络员',
    method: 'village.list',
    filters: { withoutLiaison: true },
  },
  {
    id: 'districtsUnassigned',
    point: 5,
    title: '未安排普查员或普查指导员的普查小区',
    hint: '每个普查小区应安排普查员和普查指导员（已离岗的人员不算已安排）',
    method: 'district.list',
    filters: { unassigned: true },
  },
  {
    id: 'enumeratorsWithoutSupervisor',
    point: 1,
    title: '未指定普查指导员的普查员',
    hint: '每名在岗普查员应有所属普查指导员',
    method: 'person.list',
    filters: { role: '普查员', ...onDuty, hasSupervisor: false },
  },
  {
    id: 'legacyIdNumbers',
    point: 1,
    title: '公民身份号码为15位旧号码的人员',
    hint: '15位旧号码可以保存，但应核对并更换为18位号码',
    method: 'person.list',
    filters: { legacyId: true },
    severity: 'warning',
  },
  ...fieldRoles.flatMap((role): ListCheck[] => [
    {
      id: `untrained:${role}`,
      point: 10,
      title: `未参加培训的在岗${role}`,
      hint: '未经培训考核合格的人员不得从事现场工作',
      method: 'person.list',
      filters: { role, ...onDuty, trainingStatus: '未培训' },
      afterTrainingDeadline: true,
    },
    {
      id: `notPassed:${role}`,
      point: 10,
      title: `已培训但考核未合格的在岗${role}`,
      hint: '应组织补考，合格后方可从事现场工作',
      method: 'person.list',
      filters: { role, ...onDuty, trainingStatus: '已培训' },
      afterTrainingDeadline: true,
    },
    {
      id: `uninsured:${role}`,
      point: 3,
      title: `无有效人身意外伤害保险的在岗${role}`,
      hint: '普查经费应包括普查员、普查指导员的人身意外伤害保险',
      method: 'person.list',
      filters: { role, ...onDuty, insuranceValid: false },
    },
  ]),
  {
    id: 'budgetOverspent',
    point: 3,
    title: '支出超过预算的经费科目',
    hint: '调整预算或核实支出',
    method: 'budgetItem.list',
    filters: { overspent: true },
  },
  {
    id: 'budgetUnderAllocated',
    point: 3,
    title: '到位资金少于支出的经费科目',
    hint: '督促资金到位',
    method: 'budgetItem.list',
    filters: { underAllocated: true },
  },
  {
    id: 'contractsOverdueNodes',
    point: 1,
    title: '有逾期履约节点的合同',
    hint: '督促第三方机构按时完成任务',
    method: 'contract.list',
    filters: { overdue: true },
  },
  {
    id: 'contractsEndedWithoutAcceptance',
    point: 1,
    title: '服务期满未验收的合同',
    hint: '对成果进行检查验收',
    method: 'contract.list',
    filters: { endedWithoutAcceptance: true },
  },
  {
    id: 'contractsOverpaid',
    point: 1,
    title: '付款超过合同金额的合同',
    hint: '核实付款',
    method: 'contract.list',
    filters: { overpaid: true },
  },
  {
    id: 'contractsNotPublished',
    point: 1,
    title: '签订后未公告的合同',
    hint: `${PUBLISH_HINT}；${workdayRuleText()}`,
    method: 'contract.list',
    filters: { notPublished: true },
    severity: 'warning',
  },
  {
    id: 'contractsNotFiled',
    point: 1,
    title: '签订后未备案的合同',
    hint: `${FILE_HINT}；${workdayRuleText()}`,
    method: 'contract.list',
    filters: { notFiled: true },
    severity: 'warning',
  },
  {
    id: 'milestonesOverdue',
    point: 12,
    title: '已逾期的工作要点',
    hint: '按期完成或说明进展',
    method: 'milestone.list',
    filters: { overdue: true },
  },
  {
    id: 'problemsOverdue',
    point: 12,
    title: '逾期未办结的问题与督办事项',
    hint: '督促办理并回复；确已办结的，录入办理情况和办结日期',
    method: 'problem.list',
    filters: { overdue: true },
  },
  {
    id: 'qualityAboveThreshold',
    point: 9,
    // Only while errors remain uncorrected: a past check's rate never changes, so a check counting
    // every record above the threshold could never be cleared by doing the work.
    title: '差错率超过上限且差错未全部改正的质量核查',
    hint: '督促改正差错后在记录中填写已改正数，并扩大抽查；上限在“质量与督办”中设置',
    method: 'qualityCheck.list',
    filters: { aboveThreshold: true, uncorrected: true },
  },
  {
    id: 'milestonesDueSoon',
    point: 12,
    title: '14天内到期的工作要点',
    hint: '提前安排',
    method: 'milestone.list',
    filters: { dueSoon: true },
    severity: 'warning',
  },
  {
    id: 'devicesWithLeavers',
    point: 1,
    title: '离岗人员未归还的设备与账号',
    hint: '收回设备（或注销账号）后登记归还日期',
    method: 'device.list',
    filters: { outWithLeaver: true },
  },
  ...REGISTER_CHECKS,
];

/** Budget lines the work plan requires (point 3), matched by item name. */
export const REQUIRED_BUDGET_LINES = [
  '普查员劳动报酬',
  '普查指导员劳动报酬',
  '交通补助',
  '通讯补助',
  '误餐补助',
  '人身意外伤害保险',
] as const;

/**
 * 「数据未加密」: shown to a 管理员 (the one who can do the 数据加密 step) while the data file is
 * plain — an office from an older version, or the demo county — and absent once it is encrypted.
 * Per caller and per file, so never part of the cached answer.
 */
export function encryptionCheck(encrypted: boolean, role: string | undefined): DashboardCheck | null {
  if (encrypted || role !== '管理员') return null;
  return {
    id: 'dataNotEncrypted',
    point: 0,
    title: '数据未加密',
    count: 1,
    severity: 'warning',
    hint: '数据文件、备份和数据包未加密：电脑或移动硬盘丢失时，人员公民身份号码等信息可能泄露。请在“安全设置”中生成并保存恢复码，加密数据文件',
    link: { method: 'safety.encryption', filters: {} },
  };
}
