// 单位信息 and the report wording (settings): every report's header and footer read both.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { DEFAULT_REPORT_TEXTS, REPORT_IDS, sheetTableNoKey, type ReportTexts } from '../../../core/schemas/system';
import { MONTHLY_SHEET_KEYS } from '../../../core/reports/monthly';
import { getOffice, getSetting, saveOffice, setSetting } from '../../../db/entities/system';
import type { HandlerCtx } from '../../context';

export const getOfficeProfile = (ctx: HandlerCtx): OutputOf<'office.get'> =>
  getOffice(ctx.db) as OutputOf<'office.get'>;

export function saveOfficeProfile(ctx: HandlerCtx, input: ParsedInputOf<'office.save'>): OutputOf<'office.save'> {
  const before = getOffice(ctx.db);
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
