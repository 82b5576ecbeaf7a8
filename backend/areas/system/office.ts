// 单位信息 and the report wording (settings): every report's header and footer read both.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { DEFAULT_REPORT_TEXTS, REPORT_IDS, sheetTableNoKey, type ReportTexts } from '../../../core/schemas/system';
import { MONTHLY_SHEET_KEYS } from '../../../core/reports/monthly';
import { getOffice, getSetting, saveOffice, setSetting } from '../../../db/entities/system';
import type { HandlerCtx } from '../../context';
import { UserError } from '../../../db/errors';
import { countIntakeFiles, listUnits } from '../../../db/entities/units';
import {
  OFFICE_FIELD_LABELS,
  OFFICE_LEVEL_LABELS,
  validateUnitCode,
  type OfficeLevel,
} from '../../../core/officeLevels';

export const getOfficeProfile = (ctx: HandlerCtx): OutputOf<'office.get'> =>
  getOffice(ctx.db) as OutputOf<'office.get'>;

/**
 * A city or province office's units and received files are filed under its level and code: the level
 * may change only while there are none, and a new code must still hold every unit.
 */
function checkUnitsStillFit(
  ctx: HandlerCtx,
  before: Record<string, unknown> | null,
  input: ParsedInputOf<'office.save'>,
) {
  const units = listUnits(ctx.db);
  const levelChanged = before !== null && before.level !== input.level;
  if (levelChanged && (units.length > 0 || countIntakeFiles(ctx.db) > 0)) {
    throw new UserError(
      'LEVEL_IN_USE',
      `已有下级单位名单或收取的报表，不能把单位级别从${OFFICE_LEVEL_LABELS[before.level as OfficeLevel] ?? before.level}改为${OFFICE_LEVEL_LABELS[input.level]}`,
      [{ path: 'level', message: '已有下级单位名单或收取的报表，不能更改单位级别' }],
    );
  }
  if (input.level === '县' || units.length === 0) return;
  const outside = units.filter((u) => !validateUnitCode(input.level, input.countyCode, u.code).ok);
  if (outside.length > 0) {
    const label = OFFICE_FIELD_LABELS[input.level].countyCode;
    const names = outside.map((u) => `${u.name}（${u.code}）`).join('、');
    const message = `下级单位${names}不在${label}${input.countyCode}之下：请先修改下级单位名单`;
    throw new UserError('UNITS_OUTSIDE', message, [{ path: 'countyCode', message }]);
  }
}

export function saveOfficeProfile(ctx: HandlerCtx, input: ParsedInputOf<'office.save'>): OutputOf<'office.save'> {
  const before = getOffice(ctx.db);
  checkUnitsStillFit(ctx, before, input);
  saveOffice(ctx.db, input, ctx.now().toISOString());
  const after = getOffice(ctx.db);
  ctx.audit(before ? 'update' : 'create', 'office', 1, before, after);
  return after as OutputOf<'office.save'>;
}

/**
 * R2 once had one 表号 for the whole workbook, printed on every sheet; saved that way, it becomes
 * each sheet's 表号, so the sheets keep what they showed until the clerk sets them one by one.
 */
function perSheetTableNos(saved: Record<string, unknown>): Record<string, unknown> {
  const { tableNo, ...rest } = saved;
  if (typeof tableNo !== 'string' || MONTHLY_SHEET_KEYS.some((k) => sheetTableNoKey(k) in rest)) return rest;
  return { ...rest, ...Object.fromEntries(MONTHLY_SHEET_KEYS.map((k) => [sheetTableNoKey(k), tableNo])) };
}

/** Every report's wording: the saved texts over the defaults, report by report. */
export function reportTexts(ctx: HandlerCtx): ReportTexts {
  const saved = (getSetting(ctx.db, 'reportTexts') ?? {}) as Partial<Record<string, Record<string, unknown>>>;
  const out: Record<string, unknown> = { ...DEFAULT_REPORT_TEXTS };
  for (const id of REPORT_IDS) {
    const mine = saved[id];
    if (mine) out[id] = { ...DEFAULT_REPORT_TEXTS[id], ...(id === 'R2' ? perSheetTableNos(mine) : mine) };
  }
  return out as ReportTexts;
}

export const getSettings = (ctx: HandlerCtx, input: ParsedInputOf<'settings.get'>): OutputOf<'settings.get'> => ({
  key: input.key,
  value: reportTexts(ctx),
});

export function saveSettings(ctx: HandlerCtx, input: ParsedInputOf<'settings.set'>): OutputOf<'settings.set'> {
  const before = reportTexts(ctx);
  const after = { ...before, ...input.value } as ReportTexts;
  setSetting(ctx.db, input.key, after, ctx.now().toISOString());
  ctx.audit('update', 'settings', null, { key: input.key, value: before }, { key: input.key, value: after });
  return { key: input.key, value: after };
}
