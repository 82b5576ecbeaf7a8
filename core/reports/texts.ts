// The words around a report: title, 填报单位 line and signature footer, filled from the office
// profile and the clerk's report texts (settings reportTexts, with placeholders).
import { fillReportText } from '../schemas/system';
import { formatDateCn } from '../dates';
import type { FilledFrame, MoneyUnit } from './doc';

/** What a report needs of the office profile (office.get). */
export interface OfficeInfo {
  countyName: string;
  countyCode: string;
  cityName: string | null;
  /** 4 digits (office.save stores it so); the R2 meta carries it. */
  cityCode?: string | null;
  unitName: string;
  headName: string | null;
  statsHeadName: string | null;
  preparerName: string | null;
  phone: string | null;
  censusName: string;
  moneyUnit: MoneyUnit;
  totalRowPosition: 'top' | 'bottom';
}

/** One report's editable wording (one entry of settings reportTexts). */
export interface ReportText {
  title: string;
  /** Absent for R2, whose 表号 is per sheet (settings: tableNoProgress…). */
  tableNo?: string | null;
  authority: string | null;
  footer: string | null;
}

/** Placeholder → the profile field it reads and the field's name in 单位信息. */
const PROFILE_PLACEHOLDERS: Record<string, [keyof OfficeInfo, string]> = {
  县名: ['countyName', '县名'],
  市名: ['cityName', '市（州）名称'],
  填报单位: ['unitName', '填报单位'],
  普查名称: ['censusName', '普查名称'],
  单位负责人: ['headName', '单位负责人'],
  统计负责人: ['statsHeadName', '统计负责人'],
  填表人: ['preparerName', '填表人'],
  联系电话: ['phone', '联系电话'],
};

const placeholdersIn = (template: string | null) => [...(template ?? '').matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);

/**
 * The 单位信息 fields a report's wording uses but the profile leaves empty, by their names in the
 * form, so the message can say exactly what to fill in. 填报单位 is always printed.
 */
export function missingProfileFields(office: OfficeInfo, texts: readonly ReportText[]): string[] {
  const used = new Set(['填报单位']);
  for (const t of texts) for (const p of [t.title, t.authority, t.footer].flatMap(placeholdersIn)) used.add(p);
  const missing: string[] = [];
  for (const [placeholder, [field, label]] of Object.entries(PROFILE_PLACEHOLDERS)) {
    const value = office[field];
    if (used.has(placeholder) && (value == null || String(value).trim() === '') && !missing.includes(label))
      missing.push(label);
  }
  return missing;
}

/** What a per-record form fills in besides the profile: `{培训班名称}`, `{合同名称}`… (no braces). */
export type RecordValues = Record<string, string>;

/**
 * Fills a template; `{期别}` is the period as printed, `{报出日期}` the export day, and `record` the
 * placeholders of the record a form is printed for.
 */
export function fillText(
  template: string,
  office: OfficeInfo,
  periodText: string,
  exportDay: string,
  record: RecordValues = {},
): string {
  const values: Record<string, string | null> = { 期别: periodText, 报出日期: formatDateCn(exportDay) };
  for (const [placeholder, [field]] of Object.entries(PROFILE_PLACEHOLDERS))
    values[placeholder] = (office[field] as string | null) ?? '';
  return fillReportText(template, { ...values, ...record });
}

export type { FilledFrame } from './doc';

/** The frame of one sheet: title, row 2 (填报单位 · period · 表号/制定机关/单位) and footer. */
export function fillFrame(
  text: ReportText,
  office: OfficeInfo,
  opts: { periodText: string; exportDay: string; unitText: string | null; title?: string; record?: RecordValues },
): FilledFrame {
  const fill = (t: string) => fillText(t, office, opts.periodText, opts.exportDay, opts.record);
  const right = [
    text.tableNo ? `表\u3000\u3000号：${fill(text.tableNo)}` : null,
    text.authority ? `制定机关：${fill(text.authority)}` : null,
    opts.unitText ? `单位：${opts.unitText}` : null,
  ].filter((s): s is string => s !== null);
  return {
    title: fill(opts.title ?? text.title),
    unitLine: { left: `填报单位（盖章）：${office.unitName}`, centre: opts.periodText, right: right.join('\n') },
    footer: text.footer ? fill(text.footer) : null,
  };
}
