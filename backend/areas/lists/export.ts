// 导出 on any list (list.export): the list method itself is asked, page after page, for every
// row under the list's current search, filters and sort, so the file holds exactly what the list
// shows — masked as the list is — in the list's columns, with its filters in the title. One
// mechanism for every list: a list screen names its method and columns, nothing else is written.
// The rows are read and the workbook built in the first phase (outside the transaction); the
// commit records the export in the 操作日志 (who took which rows out).
import * as XLSX from '@e965/xlsx';
import { api, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../../core/api';
import { UserError } from '../../../db/errors';
import { mayReveal } from '../../access';
import type { AuditRecord, HandlerCtx } from '../../context';
import type { Handler } from '../../handlers/types';
import { maskSensitive } from '../../masking';
import { twoPhase } from '../../phases';

type Row = Record<string, unknown>;
type Input = ParsedInputOf<'list.export'>;

/** More rows than a clerk can read in Excel, and more than one synchronous build should take. */
export const LIST_EXPORT_MAX_ROWS = 100_000;
const PAGE = 1000;

interface Prepared {
  fileName: string;
  base64: string;
  count: number;
  /** Entries the list method would have written (a lookup by a complete 公民身份号码), folded into the export's. */
  lookups: unknown[];
}

const refuse = (message: string) => new UserError('INVALID_INPUT', message, [{ path: 'list', message }]);

/** A cell as the clerk reads it: lists joined, yes/no in words, nothing for empty. */
function cellOf(v: unknown, kind: string): string | number {
  if (v === null || v === undefined) return '';
  if (kind === 'money' && typeof v === 'number') return v / 100;
  if (Array.isArray(v)) return v.map((x) => (x == null ? '' : String(x))).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const localTime = (d: Date) => d.toLocaleString('zh-CN', { hour12: false });
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);

/** Every row of the list for this query, through the list method's own handler. */
async function readAll(handler: Handler<MethodName>, name: MethodName, input: Input, ctx: HandlerCtx) {
  if (typeof handler !== 'function') throw refuse(`列表“${name}”不能导出`);
  const lookups: AuditRecord[] = [];
  // The list method's own entries (a complete-ID lookup) are kept, not written: the export's one
  // entry carries them.
  const inner: HandlerCtx = {
    get db() {
      return ctx.db;
    },
    workspace: ctx.workspace,
    operator: ctx.operator,
    session: ctx.session,
    now: ctx.now,
    audit: (action, entity, entityId, before, after) => lookups.push({ action, entity, entityId, before, after }),
    auditMany: (entries) => lookups.push(...entries),
    auditCount: () => 0,
  };
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const parsed = api[name].input.safeParse({
      q: input.q,
      filters: input.filters,
      sort: input.sort,
      page,
      pageSize: PAGE,
    });
    if (!parsed.success) throw refuse(`筛选条件无效：${parsed.error.issues.map((i) => i.message).join('；')}`);
    const answer = (await handler(parsed.data as never, inner)) as { rows: Row[]; total: number };
    if (answer.total > LIST_EXPORT_MAX_ROWS)
      throw refuse(`共 ${answer.total} 行，超过一次导出的上限 ${LIST_EXPORT_MAX_ROWS} 行，请先筛选缩小范围`);
    rows.push(...answer.rows);
    if (answer.rows.length < PAGE || rows.length >= answer.total) break;
  }
  return { rows, lookups: lookups.map((e) => ({ action: e.action, entity: e.entity, after: e.after })) };
}

function workbook(ctx: HandlerCtx, input: Input, rows: Row[]) {
  const columns = input.columns;
  const sheet = XLSX.utils.aoa_to_sheet([
    [input.title],
    [`导出时间：${localTime(ctx.now())}；导出人：${ctx.operator?.name ?? '系统'}；共 ${rows.length} 条`],
    columns.map((c) => c.title),
    ...rows.map((r) => columns.map((c) => cellOf(r[c.field], c.kind))),
  ]);
  const last = Math.max(columns.length - 1, 0);
  sheet['!merges'] = [0, 1].map((r) => ({ s: { r, c: 0 }, e: { r, c: last } }));
  sheet['!cols'] = columns.map((c) => ({ wch: Math.max(8, Math.min(40, c.title.length * 2 + 4)) }));
  columns.forEach((c, ci) => {
    if (c.kind !== 'money') return;
    for (let ri = 0; ri < rows.length; ri++) {
      const cell = sheet[XLSX.utils.encode_cell({ r: ri + 3, c: ci })] as XLSX.CellObject | undefined;
      if (cell?.t === 'n') cell.z = '#,##0.00';
    }
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '列表');
  return XLSX.write(book, { type: 'base64', bookType: 'xlsx', compression: true }) as string;
}

/** The handler, given the dispatch map to find the list method's handler in (no import cycle). */
export const listExport = (handlerOf: (name: MethodName) => Handler<MethodName>) =>
  twoPhase<'list.export', Prepared>({
    async prepare(input, ctx) {
      const name = input.list;
      if (!isMethodName(name)) throw refuse(`未知的列表：${name}`);
      const spec = api[name];
      // Only plain lists anyone logged in may read; the audit log has its own export (管理员).
      if (spec.effect !== 'none' || spec.access !== 'read') throw refuse(`列表“${spec.summary}”不能在此导出`);
      const { rows, lookups } = await readAll(handlerOf(name), name, input, ctx);
      const masked = maskSensitive(rows, { birthDates: !mayReveal(ctx.db, ctx.operator) }) as Row[];
      const stamp = ctx.now().toISOString().slice(0, 10);
      return {
        fileName: `${safeName(input.title)}_${stamp}.xlsx`,
        base64: workbook(ctx, input, masked),
        count: masked.length,
        lookups,
      };
    },
    commit(prepared, input, ctx): OutputOf<'list.export'> {
      ctx.audit('export', 'list', null, null, {
        list: input.list,
        title: input.title,
        q: input.q ?? null,
        filters: input.filters ?? null,
        columns: input.columns.map((c) => c.title),
        count: prepared.count,
        ...(prepared.lookups.length ? { lookups: prepared.lookups } : {}),
      });
      return { fileName: prepared.fileName, base64: prepared.base64, count: prepared.count };
    },
  });
