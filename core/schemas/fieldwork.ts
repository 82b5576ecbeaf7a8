// 入户调查 detail: the sample surveys and outfall monitoring per period, and the progress table's
// subtotals by 污染源类型 (docs/spec/fieldwork-and-organisation.md §1).
import { z } from 'zod';
import { oneOf, optInt, optText } from './fields';
import { period, progressGetInput } from './workplan';
import { SOURCE_TYPES, SURVEY_ITEMS } from '../fieldwork';
import { listInput, recordOf } from '../api/define';

export const surveyFigureCreate = z
  .object({
    period: period(),
    item: oneOf('调查项目', SURVEY_ITEMS),
    planned: optInt('计划数'),
    done: optInt('完成数'),
    note: optText('备注'),
  })
  .strict();
export const surveyFigureRecord = recordOf(surveyFigureCreate, {
  /** 户 for the surveys, 个 (outfalls) for the monitoring. */
  unit: z.string(),
  /** 完成率% = done / planned, one decimal; null without a plan. */
  rate: z.number().nullable(),
});
export const surveyFigureList = listInput(
  {
    period: period().optional(),
    item: oneOf('调查项目', SURVEY_ITEMS).optional(),
  },
  ['period', 'item'] as const,
);

const figure = z.number().nullable();
export const sourceSubtotalsOutput = z.object({
  period: z.string(),
  townshipId: z.number().int().nullable(),
  rows: z.array(
    z.object({
      sourceType: z.enum(SOURCE_TYPES),
      /** The progress table's rows the subtotal adds up. */
      rowCodes: z.array(z.string()),
      /** Columns 1–14 as in the progress table (9 and 12 are rates). */
      figures: z.record(z.string(), figure),
    }),
  ),
  /** The 合计 row of the same table: the subtotals add up to it. */
  total: z.record(z.string(), figure),
});
export const sourceSubtotalsInput = progressGetInput;
