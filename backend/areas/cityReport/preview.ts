// cityReport.preview: each unit of the office with the version its R2 of the period would include,
// read the way the consolidation reads it (backend/reports/city/build.ts unitVersions).
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { periodLabel } from '../../../core/reports/period';
import { missingText } from '../../../core/reports/city/docs';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { officeLevel } from '../../reports/city/level';
import { unitVersions } from '../../reports/city/build';

export function previewCityReport(
  ctx: HandlerCtx,
  input: ParsedInputOf<'cityReport.preview'>,
): OutputOf<'cityReport.preview'> {
  const level = officeLevel(ctx.db);
  if (level === '县')
    throw new UserError('NOT_CITY_OFFICE', '汇总报表只在市、省普查办使用；县（区）普查办请导出本单位的工作进度月报');
  const counts = new Map(
    (
      ctx.db
        .prepare('SELECT unit_code, count(*) AS n FROM received_reports WHERE period = ? GROUP BY unit_code')
        .all(input.period) as { unit_code: string; n: number }[]
    ).map((r) => [r.unit_code, r.n]),
  );
  const units = unitVersions(ctx.db, input.period).map((v) => ({
    code: v.unit.code,
    name: v.unit.name,
    state: v.reportId === null ? ('未报' as const) : ('已报' as const),
    receivedReportId: v.reportId,
    version: v.version,
    versionsReceived: counts.get(v.unit.code) ?? 0,
    receivedAt: v.receivedAt,
    generatedAt: v.generatedAt,
    digestOk: v.digestOk,
    acceptNote: v.acceptNote,
    correctionReason: v.correctionReason,
  }));
  const missing = units.filter((u) => u.state === '未报').map((u) => ({ code: u.code, name: u.name }));
  return {
    period: input.period,
    periodText: periodLabel(input.period),
    level,
    units,
    includedCount: units.length - missing.length,
    missing,
    missingText: missingText(missing),
  };
}
