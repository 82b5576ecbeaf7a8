// 质量核查 records: the rules a record keeps (counts that fit, a scope that agrees with itself, a
// check done by the end of the period it is reported in) and its error rate.
import { qualityCheckCreate } from '../../../core/schemas/quality';
import { percent } from '../../../core/money';
import { periodRange } from '../../../core/reports/period';
import { qualityCheckDef } from '../../../db/entities/quality';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';

type Issue = { path: string; message: string };

const refuse = (issues: Issue[]): never => {
  throw new UserError('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
};

/** The record as it will be stored: the input over what is stored (on update). */
const merged = (values: Values, existing?: Values) => ({ ...(existing ?? {}), ...values });

function checkRow(ctx: HandlerCtx, rowCode: string, issues: Issue[]) {
  const c = ctx.db.prepare('SELECT name, is_total FROM progress_categories WHERE row_code = ?').get(rowCode) as
    { name: string; is_total: number } | undefined;
  if (!c) issues.push({ path: 'rowCode', message: `进度调度表中没有行代码“${rowCode}”` });
  else if (c.is_total)
    issues.push({ path: 'rowCode', message: `${c.name}（${rowCode}）由各行相加，请选择具体的普查对象类别` });
}

/** A district lies in one township and a contract binds one agency: the record takes theirs. */
function fillScope(ctx: HandlerCtx, values: Values, all: Values, issues: Issue[]) {
  if (all.districtId != null) {
    const d = ctx.db.prepare('SELECT township_id, name FROM census_districts WHERE id = ?').get(all.districtId) as
      { township_id: number; name: string } | undefined;
    if (d) {
      if (all.townshipId != null && all.townshipId !== d.township_id && values.townshipId !== undefined)
        issues.push({ path: 'townshipId', message: `普查小区“${d.name}”不在所选乡镇（街道）内` });
      else values.townshipId = d.township_id;
    }
  }
  if (all.contractId != null) {
    const k = ctx.db.prepare('SELECT agency_id, contract_no FROM contracts WHERE id = ?').get(all.contractId) as
      { agency_id: number; contract_no: string } | undefined;
    if (k) {
      if (all.agencyId != null && all.agencyId !== k.agency_id && values.agencyId !== undefined)
        issues.push({ path: 'agencyId', message: `合同“${k.contract_no}”的第三方机构不是所选机构` });
      else values.agencyId = k.agency_id;
    }
  }
}
function prepare(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const out = { ...values };
  const all = merged(values, existing);
  const issues: Issue[] = [];
  if (values.rowCode !== undefined) checkRow(ctx, String(values.rowCode), issues);
  fillScope(ctx, out, all, issues);
  const sampled = Number(all.sampledCount);
  const errors = Number(all.errorCount);
  const corrected = Number(all.correctedCount ?? 0);
  if (errors > sampled)
    issues.push({ path: 'errorCount', message: `发现差错数（${errors}）不能大于抽查数（${sampled}）` });
  if (corrected > errors)
    issues.push({ path: 'correctedCount', message: `已改正数（${corrected}）不能大于发现差错数（${errors}）` });
  const end = periodRange(String(all.period)).to;
  if (String(all.checkDate) > end)
    issues.push({
      path: 'checkDate',
      message: `核查日期（${String(all.checkDate)}）晚于报告期 ${String(all.period)} 的最后一天（${end}），请填在核查当期`,
    });
  if (issues.length) refuse(issues);
  return out;
}

/** 差错率 = 差错数 / 抽查数, one decimal, rounded as every other rate. */
const withRate = (r: Values) => ({ ...r, errorRate: percent(Number(r.errorCount), Number(r.sampledCount), 1) });

export const qualityChecks = crudServices<'qualityCheck'>(qualityCheckDef, qualityCheckCreate, {
  prepare,
  present: withRate,
});
