// What every export and print needs before it starts: a complete office profile and the report
// wording. (Who may see sensitive values in full the contract says: core/api/reports.ts.)
import type { ExportReportId } from '../../core/schemas/reports';
import { EXPORT_REPORT_NAMES } from '../../core/schemas/reports';
import type { ReportTexts } from '../../core/schemas/system';
import { missingProfileFields, type OfficeInfo } from '../../core/reports/texts';
import { todayIso } from '../../core/dates';
import { getOffice } from '../../db/entities/system';
import { UserError } from '../../db/errors';
import type { HandlerCtx } from '../context';
import { reportTexts } from '../areas/system/office';
import type { BuildEnv } from './builders/env';
import type { ExportParams } from './types';

/**
 * A province office has no city: where the wording names {市名} (制定机关 by default) it prints the
 * province's own name, so its consolidated R2 needs no field the office cannot have.
 */
const ofLevel = (office: (OfficeInfo & { level?: string }) | null): OfficeInfo | null =>
  office && office.level === '省' && !office.cityName ? { ...office, cityName: office.countyName } : office;

export function exportContext(ctx: HandlerCtx, reportId: ExportReportId): { office: OfficeInfo; texts: ReportTexts } {
  const name = EXPORT_REPORT_NAMES[reportId];
  const office = ofLevel(getOffice(ctx.db) as unknown as (OfficeInfo & { level?: string }) | null);
  if (!office)
    throw new UserError(
      'PROFILE_INCOMPLETE',
      `尚未填写单位信息，无法导出${name}：请管理员先在“单位信息”中填写县名、区划代码和填报单位等`,
    );
  const texts = reportTexts(ctx);
  // Each export prints the wording of its own id (reportTexts has one entry per export).
  const missing = missingProfileFields(office, [texts[reportId]]);
  if (missing.length) {
    throw new UserError(
      'PROFILE_INCOMPLETE',
      `单位信息不完整，无法导出${name}：报表的表头表尾需要${missing.join('、')}。请管理员在“单位信息”中填写后再导出`,
      missing.map((label) => ({ path: 'office', message: `请填写${label}` })),
    );
  }
  return { office, texts };
}

/** A build environment on the caller's own connection, for the print views (small, in-process). */
export function printEnv(ctx: HandlerCtx, params: ExportParams, office: OfficeInfo, texts: ReportTexts): BuildEnv {
  const exportedAt = ctx.now();
  const exportDay = todayIso(exportedAt);
  return { ctx, params, office, texts, exportedAt, exportDay, asOfDay: exportDay, progress: () => undefined };
}

export const NO_PARAMS: ExportParams = {
  reportId: 'R1',
  period: null,
  role: null,
  townshipId: null,
  status: null,
  sessionId: null,
  contractId: null,
  payRunId: null,
  asOf: null,
  fullSensitive: false,
};
