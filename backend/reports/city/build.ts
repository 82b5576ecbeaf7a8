// R2 in a city (市) or province (省) office: the consolidated report, built from received_reports
// (per unit its newest version not replaced) instead of the county's registries. Runs where the
// county's R2 builder runs (the export worker, on its own read-only connection).
import type { Database } from 'better-sqlite3';
import { consolidate, type CityFigures, type ConsolidationUnit } from '../../../core/reports/city/consolidate';
import { CITY_SHEETS, centreText, type CityFrame } from '../../../core/reports/city/docs';
import { CITY_SHEET_KEYS } from '../../../core/reports/city/layouts';
import type { UnitRef, UnitSummary } from '../../../core/reports/city/summary';
import { periodLabel } from '../../../core/reports/period';
import { todayIso } from '../../../core/dates';
import { fillFrame } from '../../../core/reports/texts';
import { monthlySheetText } from '../../../core/schemas/system';
import type { BuildEnv } from '../builders/env';

/** What a consolidation of `period` takes per unit: the version it would include, and when it came. */
export interface UnitVersion {
  unit: UnitRef;
  /** received_reports.id; null when the unit has no report of the period. */
  reportId: number | null;
  version: number | null;
  receivedAt: string | null;
  generatedAt: string | null;
  digestOk: boolean | null;
  acceptNote: string | null;
  correctionReason: string | null;
  summaryJson: string | null;
}

/** Every unit of the office in its order, each with its newest version of `period` not replaced. */
export function unitVersions(db: Database, period: string): UnitVersion[] {
  const rows = db
    .prepare(
      `SELECT u.code, u.name, r.id, r.version, r.received_at, r.generated_at, r.digest_ok, r.accept_note,
              r.correction_reason, r.summary_json
       FROM report_units u
       LEFT JOIN received_reports r ON r.id = (
         SELECT id FROM received_reports
         WHERE unit_code = u.code AND period = ? AND replaced_by IS NULL
         ORDER BY version DESC LIMIT 1)
       ORDER BY u.sort_order, u.code`,
    )
    .all(period) as Record<string, unknown>[];
  return rows.map((r) => ({
    unit: { code: String(r.code), name: String(r.name) },
    reportId: r.id == null ? null : Number(r.id),
    version: r.version == null ? null : Number(r.version),
    receivedAt: (r.received_at as string | null) ?? null,
    generatedAt: (r.generated_at as string | null) ?? null,
    digestOk: r.digest_ok == null ? null : r.digest_ok === 1,
    acceptNote: (r.accept_note as string | null) ?? null,
    correctionReason: (r.correction_reason as string | null) ?? null,
    summaryJson: (r.summary_json as string | null) ?? null,
  }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as the 汇总单位 sheet prints it, on the machine's clock like every day the app shows: 2026-12-03 09:41. */
function shownTime(iso: string | null): string | null {
  if (!iso) return null;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${todayIso(t)} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function noteOf(v: UnitVersion): string | null {
  const parts: string[] = [];
  if (v.digestOk === false) parts.push(`摘要不符，附说明接收：${v.acceptNote ?? ''}`);
  if (v.correctionReason) parts.push(`更正原因：${v.correctionReason}`);
  return parts.length ? parts.join('；') : null;
}

export function consolidationUnits(versions: readonly UnitVersion[]): ConsolidationUnit[] {
  return versions.map((v) => ({
    unit: v.unit,
    summary: v.summaryJson ? (JSON.parse(v.summaryJson) as UnitSummary) : null,
    receivedAt: shownTime(v.receivedAt),
    generatedAt: shownTime(v.generatedAt),
    note: noteOf(v),
  }));
}

/** The consolidated figures of `period` as the received reports stand now, and the units missing. */
export function cityFigures(env: BuildEnv, period: string): { figures: CityFigures; missing: UnitRef[] } {
  const units = consolidationUnits(unitVersions(env.ctx.db, period));
  const office = {
    code: env.office.countyCode,
    name: env.office.countyName,
    totalRowPosition: env.office.totalRowPosition,
  };
  const { figures, missing } = consolidate(period, office, units);
  return { figures, missing };
}

/** Each sheet's title, 填报单位 line (naming the units missing) and footer, recorded with the figures. */
export function cityFrame(env: BuildEnv, period: string, missing: readonly UnitRef[]): CityFrame {
  const periodText = periodLabel(period);
  const sheets = {} as CityFrame['sheets'];
  for (const key of CITY_SHEET_KEYS) {
    const sheet = CITY_SHEETS[key];
    const text = sheet.tableNoOf
      ? monthlySheetText(env.texts, sheet.tableNoOf)
      : { ...monthlySheetText(env.texts, 'milestones'), tableNo: null };
    const unit = sheet.unit === 'money' ? env.office.moneyUnit : sheet.unit;
    const title = key === 'milestones' ? undefined : `{县名}{普查名称}${sheet.title}（{期别}）`;
    const frame = fillFrame(text, env.office, { periodText, exportDay: env.exportDay, unitText: unit, title });
    sheets[key] = { ...frame, unitLine: { ...frame.unitLine, centre: centreText(periodText, missing) } };
  }
  return { moneyUnit: env.office.moneyUnit, totalRowPosition: env.office.totalRowPosition, sheets };
}
