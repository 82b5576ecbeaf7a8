// The office's 差错率上限 (%): a quality record above it is a dashboard error. Kept in the settings
// table under its own key, which the views read too (db/views/quality.ts).
import type { z } from 'zod';
import { DEFAULT_ERROR_RATE_THRESHOLD, type qualitySettings } from '../../../core/schemas/quality';
import { getSetting, setSetting } from '../../../db/entities/system';
import type { HandlerCtx } from '../../context';

export const THRESHOLD_KEY = 'qualityErrorRateThreshold';

export function errorRateThreshold(ctx: HandlerCtx): number {
  const v = getSetting(ctx.db, THRESHOLD_KEY);
  return typeof v === 'number' ? v : DEFAULT_ERROR_RATE_THRESHOLD;
}

export const getQualitySettings = (ctx: HandlerCtx) => ({ errorRateThreshold: errorRateThreshold(ctx) });

export function saveQualitySettings(ctx: HandlerCtx, input: z.output<typeof qualitySettings>) {
  const before = getQualitySettings(ctx);
  setSetting(ctx.db, THRESHOLD_KEY, input.errorRateThreshold, ctx.now().toISOString());
  const after = getQualitySettings(ctx);
  ctx.audit('update', 'qualitySettings', null, before, after);
  return after;
}
