import { qualityCheckCreate, QUALITY_STAGES } from '../../../core/schemas/quality';
import { problemCreate, PROBLEM_KINDS, PROBLEM_STATUSES } from '../../../core/schemas/problems';
import { DEFAULT_PROGRESS_CATEGORIES } from '../../../core/progressRules';
import type { FormSpec } from '../../forms/fieldSpec';

/** The progress table's rows a record can count in (not 合计, which adds them up). */
export const ROW_OPTIONS = DEFAULT_PROGRESS_CATEGORIES.filter((c) => !c.isTotal).map((c) => ({
  value: c.rowCode,
  label: `${c.rowCode} ${c.name}`,
}));

export const qualityCheckForm: FormSpec = {
  schema: qualityCheckCreate,
  items: [
    { name: 'period', span: 8, placeholder: '如 2018-06', help: '计入该期进度调度表第13、14列（累计）' },
    { name: 'stage', span: 8, options: QUALITY_STAGES },
    { name: 'checkDate', span: 8 },
    { name: 'rowCode', span: 24, options: ROW_OPTIONS },
    { section: '核查范围（可不填，即全县）' },
    { name: 'townshipId', span: 12, ref: 'township' },
    {
      name: 'districtId',
      span: 12,
      ref: 'district',
      refFilters: (v) => (v.townshipId ? { townshipId: v.townshipId } : undefined),
    },
    { name: 'agencyId', span: 12, ref: 'agency' },
    {
      name: 'contractId',
      span: 12,
      ref: 'contract',
      refFilters: (v) => (v.agencyId ? { agencyId: v.agencyId } : undefined),
    },
    { section: '核查结果' },
    { name: 'checker', span: 6 },
    { name: 'sampledCount', span: 6 },
    { name: 'errorCount', span: 6 },
    { name: 'correctedCount', span: 6 },
    { name: 'note', span: 24, widget: 'textarea', placeholder: '主要差错类型、整改要求等' },
  ],
};

/** 办结: the reply and the day, the state set by the button that opens it. */
export const closeProblemForm: FormSpec = {
  schema: problemCreate.pick({ status: true, resolution: true, resolvedDate: true }),
  items: [
    { name: 'status', hidden: true },
    { name: 'resolvedDate', span: 12 },
    { name: 'resolution', span: 24, widget: 'textarea', placeholder: '办理情况、回复内容或文号' },
  ],
};

export const problemForm: FormSpec = {
  schema: problemCreate,
  items: [
    { name: 'refNo', span: 8, placeholder: '留空自动编号，如 2018-001' },
    { name: 'kind', span: 8, options: PROBLEM_KINDS },
    { name: 'raisedDate', span: 8 },
    { name: 'source', span: 12, placeholder: '如 市污普办、县级审核、质量核查' },
    { name: 'raisedBy', span: 12 },
    { name: 'subject', span: 24, placeholder: '如 锦屏镇、普查员 王五、某第三方机构' },
    { name: 'townshipId', span: 8, ref: 'township' },
    { name: 'personId', span: 8, ref: 'person' },
    { name: 'agencyId', span: 8, ref: 'agency' },
    { name: 'content', span: 24, widget: 'textarea' },
    { name: 'dueDate', span: 12 },
    { name: 'status', span: 12, options: PROBLEM_STATUSES },
    { section: '办理情况' },
    { name: 'resolution', span: 24, widget: 'textarea' },
    { name: 'resolvedDate', span: 12 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
