// The progress table's methods: save a draft (rules broken or not), mark it 已上报 once every broken
// rule carries a note, add the townships' tables up into the county's, list the periods.
import type { z } from 'zod';
import type { progressGetInput, progressSaveInput, progressPeriodsInput } from '../../../core/schemas/workplan';
import { ENTERED_COLUMNS, blockingViolations, rowLabel, type FigureRow } from '../../../core/progressRules';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import {
  aggregateRows,
  aggregateTable,
  findReport,
  loadCategories,
  storedTable,
  townshipReports,
  type ProgressTable,
  type Scope,
} from './progressTable';

type Issue = { path: string; message: string };

const scopeName = (ctx: HandlerCtx, s: Scope) => {
  if (s.townshipId === null) return `${s.period} 县级`;
  const t = ctx.db.prepare('SELECT name FROM townships WHERE id = ?').get(s.townshipId) as { name: string } | undefined;
  return `${s.period} ${t?.name ?? ''}`;
};

function requireTownship(ctx: HandlerCtx, townshipId: number | null) {
  if (townshipId === null) return;
  if (!ctx.db.prepare('SELECT 1 FROM townships WHERE id = ?').get(townshipId)) {
    const message = `乡镇（街道）不存在（编号 ${townshipId}）`;
    throw new UserError('BAD_REFERENCE', message, [{ path: 'townshipId', message }]);
  }
}

function requireReport(ctx: HandlerCtx, s: Scope) {
  const report = findReport(ctx.db, s);
  if (!report) throw new UserError('NOT_FOUND', `${scopeName(ctx, s)}进度调度表尚未填报`);
  return report;
}

/** What the audit log keeps of a table: the stored figures and texts, not the derived parts. */
const auditView = (t: ProgressTable) => ({
  period: t.period,
  townshipId: t.townshipId,
  status: t.status,
  figures: t.rows.filter((r) => !r.computed && (r.note || ENTERED_COLUMNS.some((c) => r[c] !== null))),
  mainWork: t.mainWork,
  problems: t.problems,
  nextPlan: t.nextPlan,
});

export function getProgress(ctx: HandlerCtx, input: z.output<typeof progressGetInput>) {
  if (input.aggregate) {
    if (input.townshipId !== null) {
      throw new UserError('INVALID_INPUT', '汇总各乡镇时不能指定乡镇（街道）', [
        { path: 'townshipId', message: '汇总各乡镇时不能指定乡镇（街道）' },
      ]);
    }
    return aggregateTable(ctx.db, input.period);
  }
  requireTownship(ctx, input.townshipId);
  return storedTable(ctx.db, input, input.prefill === true);
}

/** Row codes must exist, appear once, and leave the computed 合计 row's figures empty. */
function checkFigureRows(ctx: HandlerCtx, figures: z.output<typeof progressSaveInput>['figures']): FigureRow[] {
  const categories = new Map(loadCategories(ctx.db).map((c) => [c.rowCode, c]));
  const totalParts = [...categories.values()].filter((c) => c.inTotal).map((c) => c.rowCode);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const rows: FigureRow[] = [];
  figures.forEach((f, i) => {
    const label = `第${f.rowCode}行`;
    const path = `figures.${i}`;
    const c = categories.get(f.rowCode);
    if (!c)
      return issues.push({ path: `${path}.rowCode`, message: `${label}：进度统计类别中没有行代码“${f.rowCode}”` });
    if (seen.has(f.rowCode)) return issues.push({ path: `${path}.rowCode`, message: `${label}：重复填写` });
    seen.add(f.rowCode);
    const { rowCode, note, ...values } = f;
    if (c.isTotal && ENTERED_COLUMNS.some((col) => values[col] !== null)) {
      return issues.push({ path, message: `${label}：${c.name}由${totalParts.join('、')}行自动相加，不能直接填写` });
    }
    rows.push({ rowCode, figures: values, note });
  });
  if (issues.length) throw new UserError('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
  return rows;
}

/** Creates or finds the scope's report and replaces its figures; a changed 已上报 table is a draft again. */
function writeTable(
  ctx: HandlerCtx,
  s: Scope,
  rows: FigureRow[],
  texts: { mainWork: string | null; problems: string | null; nextPlan: string | null },
) {
  const at = ctx.now().toISOString();
  const existing = findReport(ctx.db, s);
  let reportId: number;
  if (existing) {
    reportId = existing.id;
    ctx.db
      .prepare(
        `UPDATE progress_reports SET status = '草稿', main_work = ?, problems = ?, next_plan = ?, updated_at = ? WHERE id = ?`,
      )
      .run(texts.mainWork, texts.problems, texts.nextPlan, at, reportId);
  } else {
    reportId = Number(
      ctx.db
        .prepare(
          `INSERT INTO progress_reports (period, township_id, status, main_work, problems, next_plan, created_at, updated_at)
           VALUES (?, ?, '草稿', ?, ?, ?, ?, ?)`,
        )
        .run(s.period, s.townshipId, texts.mainWork, texts.problems, texts.nextPlan, at, at).lastInsertRowid,
    );
  }
  ctx.db.prepare('DELETE FROM progress_figures WHERE report_id = ?').run(reportId);
  const cols = ENTERED_COLUMNS.join(', ');
  const insert = ctx.db.prepare(
    `INSERT INTO progress_figures (report_id, row_code, ${cols}, note) VALUES (?, ?, ${ENTERED_COLUMNS.map(() => '?').join(', ')}, ?)`,
  );
  for (const r of rows) {
    const values = ENTERED_COLUMNS.map((c) => r.figures[c]);
    if (r.note === null && values.every((v) => v === null)) continue; // an empty row is no row
    insert.run(reportId, r.rowCode, ...values, r.note);
  }
  return reportId;
}

export function saveProgress(ctx: HandlerCtx, input: z.output<typeof progressSaveInput>) {
  const s: Scope = { period: input.period, townshipId: input.townshipId };
  requireTownship(ctx, s.townshipId);
  const rows = checkFigureRows(ctx, input.figures);
  const before = findReport(ctx.db, s) ? auditView(storedTable(ctx.db, s)) : null;
  const reportId = writeTable(ctx, s, rows, input);
  const after = storedTable(ctx.db, s);
  ctx.audit('save', 'progress_report', reportId, before, auditView(after));
  return after;
}

/** The county table becomes the sum of the period's township tables; its three text blocks stay. */
export function aggregateProgress(ctx: HandlerCtx, input: { period: string }) {
  const s: Scope = { period: input.period, townshipId: null };
  if (townshipReports(ctx.db, input.period).length === 0) {
    throw new UserError('NOT_FOUND', `${input.period} 尚无乡镇（街道）进度调度表，无法汇总`);
  }
  const existing = findReport(ctx.db, s);
  const before = existing ? auditView(storedTable(ctx.db, s)) : null;
  const texts = {
    mainWork: existing?.main_work ?? null,
    problems: existing?.problems ?? null,
    nextPlan: existing?.next_plan ?? null,
  };
  const reportId = writeTable(ctx, s, aggregateRows(ctx.db, input.period), texts);
  const after = storedTable(ctx.db, s);
  ctx.audit('aggregate', 'progress_report', reportId, before, auditView(after));
  return after;
}

export function markReported(ctx: HandlerCtx, input: Scope) {
  requireTownship(ctx, input.townshipId);
  const report = requireReport(ctx, input);
  if (report.status === '已上报')
    throw new UserError('ALREADY_REPORTED', `${scopeName(ctx, input)}进度调度表已是已上报状态`);
  const table = storedTable(ctx.db, input);
  const blocking = blockingViolations(table.violations);
  if (blocking.length) {
    const names = new Map(table.rows.map((r) => [r.rowCode, r.name]));
    const issues = blocking.map((v) => ({
      path: `figures.${v.rowCode}.${v.column}`,
      message: `${rowLabel(v.rowCode, names.get(v.rowCode))}：${v.rule}`,
    }));
    throw new UserError(
      'RULES_BROKEN',
      `以下${blocking.length}处数据不符合填报规则，请修改或在该行备注中说明后再标记为已上报：${issues.map((i) => i.message).join('；')}`,
      issues,
    );
  }
  // updated_at stays: it marks changes to the figures, which "exported and changed since" compares with.
  ctx.db
    .prepare(`UPDATE progress_reports SET status = '已上报', reported_at = ? WHERE id = ?`)
    .run(ctx.now().toISOString(), report.id);
  const after = storedTable(ctx.db, input);
  ctx.audit(
    'markReported',
    'progress_report',
    report.id,
    { status: report.status },
    { status: after.status, reportedAt: after.reportedAt },
  );
  return after;
}

export function deleteProgress(ctx: HandlerCtx, input: Scope) {
  requireTownship(ctx, input.townshipId);
  const report = requireReport(ctx, input);
  if (report.status === '已上报') {
    throw new UserError('IN_USE', `${scopeName(ctx, input)}进度调度表已上报，不能删除`);
  }
  const before = auditView(storedTable(ctx.db, input));
  ctx.db.prepare('DELETE FROM progress_reports WHERE id = ?').run(report.id);
  ctx.audit('delete', 'progress_report', report.id, before, null);
  return { reportId: report.id };
}

export function listPeriods(ctx: HandlerCtx, input: z.output<typeof progressPeriodsInput>) {
  const where = input.allTownships ? '1' : 'ifnull(r.township_id, 0) = ?';
  const params = input.allTownships ? [] : [input.townshipId ?? 0];
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.period, r.township_id, t.name AS township_name, r.status, r.reported_at, r.updated_at
       FROM progress_reports r LEFT JOIN townships t ON t.id = r.township_id
       WHERE ${where} ORDER BY r.period DESC, r.township_id IS NOT NULL, t.code`,
    )
    .all(...params) as Record<string, unknown>[];
  return rows.map((r) => ({
    reportId: Number(r.id),
    period: String(r.period),
    townshipId: (r.township_id as number | null) ?? null,
    townshipName: (r.township_name as string | null) ?? null,
    status: r.status as '草稿' | '已上报',
    reportedAt: (r.reported_at as string | null) ?? null,
    updatedAt: String(r.updated_at),
  }));
}
