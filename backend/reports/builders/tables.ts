// R3 经费预算及执行情况表, R4 培训情况统计表 and R5 第三方合同履约情况汇总表: small statistical
// tables with 合计 first (or last, by the office setting).
import { BUDGET, CONTRACTS, TRAINING } from '../../../core/reports/layouts/money';
import { docRows, type FigureRow } from '../../../core/reports/figures';
import { budgetRows, budgetTotal } from '../../../core/reports/rows/budget';
import { trainingRow, trainingTotal } from '../../../core/reports/rows/training';
import { contractRow, contractTotal } from '../../../core/reports/rows/contracts';
import { periodLabel, periodRange } from '../../../core/reports/period';
import type { SheetLayout } from '../../../core/reports/layout';
import type { MoneyUnit, TableDoc } from '../../../core/reports/doc';
import type { FilledFrame } from '../../../core/reports/texts';
import { asOf, frameOf, type BuildEnv } from './env';
import { readAll } from '../read';
import { asOfParams } from '../asOf/people';
import { budgetTreeAsOf } from '../asOf/budget';
import { contractsAsOf } from '../asOf/contracts';

function tableDoc(
  env: BuildEnv,
  layout: SheetLayout,
  frame: FilledFrame,
  totals: FigureRow[],
  body: FigureRow[],
  unit: MoneyUnit,
): TableDoc {
  const position = layout.total === 'bottom' ? 'bottom' : env.office.totalRowPosition;
  const rows = position === 'top' ? [...totals, ...body] : [...body, ...totals];
  return { ...frame, layout, blocks: [], moneyUnit: unit, rows: docRows(layout, rows, unit, position) };
}

/** As of the asOf day (default: the export day), by the rules R2's 经费情况 follows. */
export async function budgetDoc(env: BuildEnv): Promise<TableDoc> {
  const tree = budgetTreeAsOf(env.ctx.db, asOfParams(env.ctx.db, env.asOfDay));
  const unit = env.office.moneyUnit;
  return tableDoc(env, BUDGET, frameOf(env, 'R3', asOf(env), unit), [budgetTotal(tree)], budgetRows(tree), unit);
}

/** All sessions, or those starting in the period; with an as-of day, only those begun by then. */
export async function trainingDoc(env: BuildEnv): Promise<TableDoc> {
  const { period, asOf: day } = env.params;
  const range = period ? periodRange(period) : null;
  const sessions = (await readAll(env.ctx, 'training.list', { sort: { field: 'startDate', dir: 'asc' } })).filter(
    (s) => (!range || (s.startDate >= range.from && s.startDate <= range.to)) && (!day || s.startDate <= day),
  );
  const frame = frameOf(env, 'R4', period ? periodLabel(period) : asOf(env), '元');
  const body = sessions.map((s, i) => trainingRow(s, i + 1));
  return tableDoc(env, TRAINING, frame, [trainingTotal(sessions, 'total', '合计')], body, '元');
}

/** As of the asOf day (default: the export day), by the rules R2's 第三方合同 follows. */
export async function contractsDoc(env: BuildEnv): Promise<TableDoc> {
  const contracts = contractsAsOf(env.ctx.db, asOfParams(env.ctx.db, env.asOfDay));
  const frame = frameOf(env, 'R5', asOf(env), '元');
  return tableDoc(
    env,
    CONTRACTS,
    frame,
    [contractTotal(contracts)],
    contracts.map((c, i) => contractRow(c, i + 1)),
    '元',
  );
}
