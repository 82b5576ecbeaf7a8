// The consolidation checked from outside: a consolidated workbook read as a clerk would read it
// (header row found by its labels, each row by its 单位名称 / 区划代码 / 代码), and what its 合计
// must be, summed from the counties' own workbooks (readMonthly over SheetJS grids) — neither
// side through the consolidation's code.
import type { Grid } from '../../core/reports/readTable';
import type { FigureRow } from '../../core/reports/figures';
import { PROGRESS, MILESTONES } from '../../core/reports/layouts/work';
import { STAFF } from '../../core/reports/layouts/people';
import { BUDGET_SUMMARY, TRAINING } from '../../core/reports/layouts/money';
import type { CountyRead } from './read';

export type Row = Record<string, string | number | null>;

/** The rows under the header row (the first row holding `anchor`), down to the notes; the code row (甲, 1, 2…) left out. */
export function tableRows(grid: Grid, anchor = '单位名称'): Row[] {
  const at = grid.findIndex((r) => r.some((v) => v === anchor));
  if (at < 0) throw new Error(`找不到表头“${anchor}”`);
  const header = grid[at].map((v) => (v == null ? '' : String(v)));
  const rows: Row[] = [];
  for (const r of grid.slice(at + 1)) {
    const first = r.find((v) => v !== null && v !== '');
    if (first === undefined || (typeof first === 'string' && /^说明/.test(first))) break;
    if (first === '甲') continue;
    rows.push(Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]).filter(([h]) => h)));
  }
  return rows;
}

const num = (v: unknown) =>
  typeof v === 'number' ? v : v == null || v === '' ? 0 : Number(String(v).replace(/期$/, ''));
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
const total = (rows: FigureRow[], kind: 'total' | 'cumulative' = 'total') =>
  rows.find((r) => r.kind === kind)?.values ?? {};
const yuan = (fen: number) => Math.round(fen) / 100;

/** By sheet: the 合计 (and 累计) row a consolidation of `counties` must print, by column label, in the units the sheet shows. */
export function expectedTotals(counties: CountyRead[]) {
  const staff: Row = {};
  for (const c of STAFF.columns.slice(1))
    staff[c.label] = counties.reduce((s, r) => s + num(total(r.figures.sheets.staff)[c.key]), 0);

  const budget: Row = {};
  for (const c of BUDGET_SUMMARY.columns.filter((x) => x.kind === 'money'))
    budget[c.label] = yuan(counties.reduce((s, r) => s + num(total(r.figures.sheets.budget)[c.key]), 0));
  budget['执行率%'] = rate(num(budget['支出']), num(budget['预算']));

  const training = (kind: 'total' | 'cumulative'): Row => {
    const out: Row = {};
    for (const c of TRAINING.columns.filter((x) => x.kind === 'int'))
      out[c.label] = counties.reduce((s, r) => s + num(total(r.figures.sheets.training, kind)[c.key]), 0);
    out['期次'] = counties.reduce((s, r) => s + num(total(r.figures.sheets.training, kind).batch), 0);
    out['培训经费(元)'] = yuan(counties.reduce((s, r) => s + num(total(r.figures.sheets.training, kind).cost), 0));
    out['合格率%'] = rate(num(out['合格人数']), num(out['参考人数']));
    return out;
  };

  const contracts: Row = {
    合同数: 0,
    合同金额: 0,
    已付金额: 0,
    未付金额: 0,
    履约节点数: 0,
    已完成节点: 0,
    逾期节点: 0,
  };
  for (const r of counties) {
    const items = r.figures.sheets.contracts.filter((x) => x.kind === 'item');
    contracts['合同数'] = num(contracts['合同数']) + items.length;
    for (const [label, key] of [
      ['合同金额', 'amount'],
      ['已付金额', 'paid'],
      ['未付金额', 'unpaid'],
    ] as const)
      contracts[label] = num(contracts[label]) + yuan(items.reduce((s, x) => s + num(x.values[key]), 0));
    for (const x of items) {
      const [done, all] = String(x.values.nodes ?? '0/0')
        .split('/')
        .map(Number);
      contracts['已完成节点'] = num(contracts['已完成节点']) + done;
      contracts['履约节点数'] = num(contracts['履约节点数']) + all;
      contracts['逾期节点'] = num(contracts['逾期节点']) + num(x.values.overdue);
    }
  }
  // Money sums in 元 to the 分, free of float dust.
  for (const k of ['合同金额', '已付金额', '未付金额']) contracts[k] = Math.round(num(contracts[k]) * 100) / 100;

  /** 进度调度表 by row code ('01' the 合计), by column label; rates from the sums. */
  const progress: Record<string, Row> = {};
  const figureColumns = PROGRESS.columns.filter((c) => c.kind === 'int' || c.kind === 'rate');
  for (const r of counties)
    for (const row of r.figures.sheets.progress) {
      const code = String(row.values.rowCode);
      progress[code] ??= Object.fromEntries(figureColumns.filter((c) => c.kind === 'int').map((c) => [c.label, 0]));
      for (const c of figureColumns.filter((x) => x.kind === 'int'))
        progress[code][c.label] = num(progress[code][c.label]) + num(row.values[c.key]);
    }
  const labelOf = (key: string) => PROGRESS.columns.find((c) => c.key === key)!.label;
  for (const row of Object.values(progress)) {
    row[labelOf('c9')] = rate(num(row[labelOf('c8')]), num(row[labelOf('c6')]));
    row[labelOf('c12')] = rate(num(row[labelOf('c11')]), num(row[labelOf('c6')]));
  }

  /** Overdue milestones per county code. */
  const overdue: Record<string, number> = {};
  for (const r of counties)
    overdue[r.meta.countyCode] = r.figures.sheets.milestones.filter(
      (x) => x.values[MILESTONES.columns.find((c) => c.label === '完成情况')!.key] === '已逾期',
    ).length;

  return {
    staff,
    budget,
    training: training('total'),
    cumulative: training('cumulative'),
    contracts,
    progress,
    overdue,
  };
}

/** The labels of a row's figures (those an expected row names), for a like-for-like comparison. */
export const pickLabels = (row: Row | undefined, like: Row): Row =>
  Object.fromEntries(Object.keys(like).map((k) => [k, row?.[k] ?? null]));
