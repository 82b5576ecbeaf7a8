// 入户调查 detail (work plan point 7, docs/spec/fieldwork-and-organisation.md): the progress table's
// rows grouped by 污染源类型, and the sample surveys and outfall monitoring the office counts per
// period. Pure: the backend loads the figures, these functions shape them.
import { sumFigures, withRates, type FigureRow, type FiguresWithRates, type ProgressCategory } from './progressRules';
import { percent } from './money';

/** The figures the office records per period beside the progress table. */
export const SURVEY_ITEMS = ['城乡居民能源使用抽样调查', '农村居民生活用排水抽样调查', '排污口水质监测'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];

/** What each item counts: sample households for the surveys, outfalls for the monitoring. */
export const SURVEY_UNITS: Record<SurveyItem, string> = {
  城乡居民能源使用抽样调查: '户',
  农村居民生活用排水抽样调查: '户',
  排污口水质监测: '个',
};

/** 完成率% = done / planned, one decimal; null without a plan. */
export const surveyRate = (planned: number | null, done: number | null) =>
  planned && done != null ? percent(done, planned, 1) : null;

export const SOURCE_TYPES = ['工业源', '农业源', '生活源', '集中式污染治理设施', '移动源', '其他'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * The default rows of workplan.md by 污染源类型. 工业园区 goes with 工业源, 入河(湖)排污口 and 行政村
 * (生活源 surveys) with 生活源; rows 05–08 are parts of 04 and 09 counts boilers (台), so neither is
 * summed again. A row code not named here (a census that brings its own rows) counts as 其他.
 */
export const SOURCE_TYPE_OF_ROW: Readonly<Record<string, SourceType>> = {
  '02': '工业源',
  '12': '工业源',
  '03': '农业源',
  '10': '生活源',
  '11': '生活源',
  '04': '集中式污染治理设施',
  '13': '移动源',
};

export interface SourceSubtotal {
  sourceType: SourceType;
  rowCodes: string[];
  figures: FiguresWithRates;
}

/**
 * One subtotal per source type over the rows counted in 合计, so the subtotals add up to the 合计
 * row exactly; a type without rows (其他, usually) is left out.
 */
export function sourceSubtotals(categories: readonly ProgressCategory[], rows: readonly FigureRow[]): SourceSubtotal[] {
  const byCode = new Map(rows.map((r) => [r.rowCode, r]));
  const out: SourceSubtotal[] = [];
  for (const sourceType of SOURCE_TYPES) {
    const members = categories
      .filter((c) => c.inTotal && !c.isTotal && (SOURCE_TYPE_OF_ROW[c.rowCode] ?? '其他') === sourceType)
      .sort((a, b) => a.sort - b.sort);
    if (!members.length) continue;
    const figures = sumFigures(members.map((c) => byCode.get(c.rowCode)?.figures).filter((f) => f !== undefined));
    out.push({ sourceType, rowCodes: members.map((c) => c.rowCode), figures: withRates(figures) });
  }
  return out;
}
