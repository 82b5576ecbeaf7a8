// The dashboard's coverage and 保密 checks (docs/spec/coverage-and-archive.md), list checks like
// the others in backend/dashboardChecks.ts: each is a list call with filters, so its count is the
// total of the list it opens. Limits come from the coverage settings (系统设置 → 普查小区与工作量).
interface RegisterCheck {
  id: string;
  point: number;
  title: string;
  hint: string;
  method: 'village.list' | 'person.list';
  filters: Record<string, unknown>;
  severity?: 'warning';
}

const onDuty = { status: '在岗' } as const;

export const REGISTER_CHECKS: RegisterCheck[] = [
  {
    id: 'villagesWithoutDistrict',
    point: 5,
    title: '未划入普查小区的村（居）',
    hint: '按照全面覆盖、不重不漏的原则，每个村（居）都应划入普查小区',
    method: 'village.list',
    filters: { withoutDistrict: true },
  },
  {
    id: 'villagesWithDuplicateDistricts',
    point: 5,
    title: '普查小区重复划分的村（居）',
    hint: '同一村（居）内有名称或四至范围相同的普查小区（工业园区小区除外），核对后删除重复的小区或改正',
    method: 'village.list',
    filters: { duplicateDistricts: true },
  },
  {
    id: 'enumeratorsOverWorkload',
    point: 5,
    title: '超过工作量上限的在岗普查员',
    hint: '所负责普查小区的名录库底册数或小区数超过系统设置的上限（系统设置 → 普查小区与工作量），应调整小区安排',
    method: 'person.list',
    filters: { role: '普查员', ...onDuty, overWorkload: true },
    severity: 'warning',
  },
  {
    id: 'supervisorsOverSpan',
    point: 1,
    title: '负责普查员超过上限的在岗普查指导员',
    hint: '所属在岗普查员人数超过系统设置的普查员与普查指导员比例，应增聘普查指导员或调整所属关系',
    method: 'person.list',
    filters: { role: '普查指导员', ...onDuty, overSpan: true },
    severity: 'warning',
  },
  ...(['普查员', '普查指导员'] as const).map((role): RegisterCheck => ({
    id: `unpledged:${role}`,
    point: 11,
    title: `未签署保密承诺书的在岗${role}`,
    hint: '普查人员应签署保密承诺书，严格按保密守则办事',
    method: 'person.list',
    filters: { role, ...onDuty, pledgeStatus: '未签署' },
  })),
];
