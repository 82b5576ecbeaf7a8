// The report catalogue: one descriptor per document the app exports (reports.md R1–R6 and the two
// per-record forms). The export input schema, the export handler, the builders (keyed by id), the
// export form and the docs all read it, so a new report is one entry here plus its builder.
import { z } from 'zod';
import { metaOf, optCode, optDate, optOneOf, optRef } from '../schemas/fields';
import { PERIOD_PATTERN } from '../schemas/workplan';
import { PERSON_ROLES, PERSON_STATUSES } from '../enums';
import type { SensitiveKind, SheetLayout } from './layout';
import { PAY_SHEET, ROSTER, SIGN_IN } from './layouts/people';
import { BUDGET, CONTRACTS, CONTRACT_NODES, TRAINING } from './layouts/money';
import { MONTHLY_SHEETS } from './monthly';

/** Every parameter an export may take; a report names the ones it reads. */
export const REPORT_PARAMS = {
  /** `2018-06` or, where the report allows halves, `2018-06-上`. */
  period: optCode('报告期', PERIOD_PATTERN, '按月为 2018-06，两周一报为 2018-06-上 或 2018-06-下'),
  role: optOneOf('人员类别', PERSON_ROLES),
  townshipId: optRef('乡镇（街道）'),
  status: optOneOf('在岗状态', PERSON_STATUSES),
  sessionId: optRef('培训班'),
  contractId: optRef('合同'),
  payRunId: optRef('劳务报酬发放表'),
  /** The day the report describes (docs/reports.md "As of a day"); empty: the export day. */
  asOf: optDate('截至日期'),
};
export type ReportParamKey = keyof typeof REPORT_PARAMS;

/** How a report uses one parameter. */
export interface ParamUse {
  required: boolean;
  /** Shown after the label in the export form, e.g. what leaving it empty means. */
  note?: string;
  /** A period: whether 上半月 / 下半月 may be chosen as well as a whole month. */
  halves?: boolean;
}

export interface ReportDescriptor {
  id: string;
  /** The document's Chinese name, as in file names, the meta sheet and the history. */
  name: string;
  /** 'report': one of the six reports of reports.md (R1–R6); 'form': a per-record form. */
  kind: 'report' | 'form';
  /** The parameters it reads, in the order the export form shows them. */
  params: Partial<Record<ReportParamKey, ParamUse>>;
  /** The sheets' layouts; the sensitive columns come from them. */
  sheets: readonly SheetLayout[];
  /**
   * Exporting it records it as sent to the city (report.history, versioned, re-exportable byte for
   * byte); so exporting it is a write, for 录入员 and 管理员.
   */
  recordedAsSent: boolean;
}

const need: ParamUse = { required: true };
const filter: ParamUse = { required: false };
const asOf: ParamUse = { required: false, note: '不选则为导出当天' };

/** In the order the export form and the settings list them. */
export const REPORTS = [
  {
    id: 'R1',
    name: '普查人员花名册',
    kind: 'report',
    params: { role: filter, townshipId: filter, status: filter, asOf },
    sheets: [ROSTER],
    recordedAsSent: false,
  },
  {
    id: 'R2',
    name: '工作进度月报',
    kind: 'report',
    params: { period: { required: true, halves: true } },
    sheets: Object.values(MONTHLY_SHEETS).map((s) => s.layout),
    recordedAsSent: true,
  },
  { id: 'R3', name: '经费预算及执行情况表', kind: 'report', params: { asOf }, sheets: [BUDGET], recordedAsSent: false },
  {
    id: 'R4',
    name: '培训情况统计表',
    kind: 'report',
    params: { period: { required: false, note: '可不选，不选则为全部培训班' }, asOf },
    sheets: [TRAINING],
    recordedAsSent: false,
  },
  {
    id: 'R4-signin',
    name: '培训签到表',
    kind: 'form',
    params: { sessionId: need },
    sheets: [SIGN_IN],
    recordedAsSent: false,
  },
  {
    id: 'R5',
    name: '第三方合同履约情况汇总表',
    kind: 'report',
    params: { asOf },
    sheets: [CONTRACTS],
    recordedAsSent: false,
  },
  {
    id: 'R5-tracking',
    name: '合同跟踪表',
    kind: 'form',
    params: { contractId: need },
    sheets: [CONTRACT_NODES],
    recordedAsSent: false,
  },
  {
    id: 'R6',
    name: '劳务报酬发放表',
    kind: 'report',
    params: { payRunId: need },
    sheets: [PAY_SHEET],
    recordedAsSent: false,
  },
] as const satisfies readonly ReportDescriptor[];

export type ReportId = (typeof REPORTS)[number]['id'];
export type MainReportId = Extract<(typeof REPORTS)[number], { kind: 'report' }>['id'];

const idsOf = <const T extends readonly { id: string }[]>(list: T) =>
  list.map((r) => r.id) as { -readonly [K in keyof T]: T[K]['id'] };

/** Every id, as a tuple for enum schemas. */
export const REPORT_IDS = idsOf(REPORTS);
/** The six reports of reports.md, which the export history is filtered by. */
export const MAIN_REPORT_IDS = REPORTS.filter((r) => r.kind === 'report').map((r) => r.id) as [
  MainReportId,
  ...MainReportId[],
];

const BY_ID = new Map<string, ReportDescriptor>(REPORTS.map((r) => [r.id, r]));

export function reportOf(id: ReportId): ReportDescriptor {
  return BY_ID.get(id)!;
}
export const isReportId = (id: string): id is ReportId => BY_ID.has(id);

export const reportName = (id: ReportId): string => reportOf(id).name;

/** How a list names a document: 「R1 普查人员花名册」, the per-record forms by their name alone. */
export const reportLabel = (id: ReportId): string => {
  const r = reportOf(id);
  return r.kind === 'form' ? r.name : `${r.id} ${r.name}`;
};

/** The kinds of sensitive columns in a report's sheets (masked unless exported in full). */
export function sensitiveColumns(id: ReportId): SensitiveKind[] {
  const kinds = reportOf(id).sheets.flatMap((s) => s.columns.flatMap((c) => (c.sensitive ? [c.sensitive] : [])));
  return [...new Set(kinds)];
}
export const hasSensitive = (id: ReportId): boolean => sensitiveColumns(id).length > 0;

/** Whether exporting it records it as sent (and so is a write). */
export const isRecordedAsSent = (id: ReportId): boolean => reportOf(id).recordedAsSent;

/** The one report whose exports are recorded as sent (the history and re-export are about it). */
export const SENT_REPORT_ID = REPORTS.find((r) => r.recordedAsSent)!.id;

/** A parameter's Chinese label (the field's own label). */
export const paramLabel = (key: ReportParamKey): string => metaOf(REPORT_PARAMS[key])?.title ?? key;

/** The parameters a report reads and how, in its order. */
export const paramsOf = (id: ReportId): [ReportParamKey, ParamUse][] =>
  Object.entries(reportOf(id).params) as [ReportParamKey, ParamUse][];

/** The required parameters a report is missing from `values`, in its order. */
export function missingParams(id: ReportId, values: Partial<Record<ReportParamKey, unknown>>): ReportParamKey[] {
  return paramsOf(id).flatMap(([k, use]) => (use.required && values[k] == null ? [k] : []));
}

/** The parameters a report reads, as a schema (required ones not optional): for docs and forms. */
export function paramsSchema(id: ReportId) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, use] of paramsOf(id)) {
    shape[k] = use.required
      ? (REPORT_PARAMS[k] as z.ZodType).refine((v) => v != null, { message: `${paramLabel(k)}不能为空` })
      : REPORT_PARAMS[k];
  }
  return z.object(shape).strict();
}
