// Lost updates: what the clerk confirmed is the preview, row by row. For every row the preview
// records what it will do to the stored record — its action, its errors and each changed field with
// the stored value (`from`) and the new one (`to`) — and a field the row writes that equals the
// stored value is one whose change would show up as a new entry. So a check made again after
// other writes that differs in any of these for a row means that row's record (or the absence of
// one) changed since the preview: the commit is refused with PREVIEW_STALE naming those rows, and
// no value the clerk did not see is ever written.
import { UserError } from '../../db/errors';
import type { CheckedRow } from './kinds/types';
import type { Validated } from './validate';

const json = (v: unknown) => JSON.stringify(v ?? null);
/** Rows named in `issues` (the message names five); a sheet changed everywhere needs no 20 000. */
const MAX_ISSUES = 1000;

/** Everything the clerk saw of a row that depends on the stored data. */
const seen = (r: CheckedRow) =>
  `${r.action}|${r.errors.map((e) => e.message).join('|')}|${r.changes.map((c) => `${c.field}:${json(c.from)}→${json(c.to)}`).join(';')}`;

/** How the clerk would recognise the record: its name, number or code as the row gives it. */
export function recordLabel(r: CheckedRow): string {
  const v = r.values ?? {};
  const pick = (...keys: string[]) => keys.map((k) => v[k]).find((x) => typeof x === 'string' && x !== '');
  const name = pick('name', 'contractName', 'personName', 'title');
  const code = pick('personCode', 'contractNo', 'code', 'creditCode');
  if (name && code) return `${name}，${code}`;
  return (name ?? code ?? '') as string;
}

/** What changed for one row between the preview and now, in the clerk's words. */
function whatChanged(before: CheckedRow, now: CheckedRow): string {
  if (now.action === 'error' && before.action !== 'error')
    return `现在不能导入：${now.errors.map((e) => e.message).join('；')}`;
  if (before.action === 'error') return '预览时有错误，现在的检查结果不同';
  if (before.action === 'new' && now.action !== 'new') return '预览时为新增，现在已有此记录';
  if (before.action !== 'new' && now.action === 'new') return '预览时已有此记录，现在已被删除';
  const was = new Map(before.changes.map((c) => [c.field, c]));
  const fields = now.changes
    .filter((c) => json(was.get(c.field)?.from) !== json(c.from) || json(was.get(c.field)?.to) !== json(c.to))
    .map((c) => c.label);
  for (const c of before.changes) if (!now.changes.some((n) => n.field === c.field)) fields.push(c.label);
  if (fields.length) return `预览后“${[...new Set(fields)].join('、')}”已被修改`;
  return '预览后记录已被修改，检查结果不同';
}

/** The rows whose records changed since the preview; throws PREVIEW_STALE naming them. */
export function refuseStale(preview: Validated, again: Validated): Validated {
  const then = new Map(preview.rows.map((r) => [r.row, r]));
  const issues: { path: string; message: string }[] = [];
  for (const r of again.rows) {
    const p = then.get(r.row);
    if (p && seen(p) === seen(r)) continue;
    const label = recordLabel(p ?? r);
    issues.push({
      path: `rows.${r.row}`,
      message: `第${r.row}行${label ? `（${label}）` : ''}：${p ? whatChanged(p, r) : '预览中没有此行'}`,
    });
  }
  if (issues.length) {
    const stale = issues.length;
    issues.splice(MAX_ISSUES);
    const shown = issues.slice(0, 5).map((i) => i.message);
    const more = stale > 5 ? `等 ${stale} 行` : '';
    throw new UserError(
      'PREVIEW_STALE',
      `预览之后这些记录已被修改：${shown.join('；')}${more}。为免覆盖他人的修改，本次未导入任何数据：请重新预览，核对后再导入`,
      issues,
    );
  }
  if (again.problems.join() !== preview.problems.join()) {
    throw new UserError('PREVIEW_STALE', '预览之后数据已有变化，导入结果会与预览不同：请重新预览，核对后再导入');
  }
  return again;
}
