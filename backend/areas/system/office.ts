// 单位信息 and the report wording (settings): every report's header and footer read both.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { DEFAULT_REPORT_TEXTS, REPORT_IDS, type ReportTexts } from '../../../core/schemas/system';
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

/** Every report's wording: the saved texts over the defaults, report by report. */
export function reportTexts(ctx: HandlerCtx): ReportTexts {
  const saved = (getSetting(ctx.db, 'reportTexts') ?? {}) as Partial<ReportTexts>;
  const out = { ...DEFAULT_REPORT_TEXTS };
  for (const id of REPORT_IDS) if (saved[id]) out[id] = { ...DEFAULT_REPORT_TEXTS[id], ...saved[id] };
  return out;
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
