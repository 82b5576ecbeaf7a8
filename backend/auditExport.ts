// The audit log as an .xlsx for the IT person or an inspection: the filtered entries, oldest
// first, with the chain's verdict on top. Written synchronously (SheetJS) because the export is
// itself audited and so runs inside dispatch's write transaction.
import * as XLSX from '@e965/xlsx';
import { actionLabel, entityLabel, objectText } from '../core/auditLabels';
import { listRecords } from '../db/entity';
import { auditDef } from '../db/entities/system';
import { verifyAudit } from '../db/audit';
import type { HandlerCtx } from './context';
import { maskSensitive } from './masking';

/** Excel keeps at most 32767 characters in a cell. */
const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 32_000 ? `${s.slice(0, 32_000)}…（已截断）` : s;
};

const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export interface AuditExportInput {
  filters?: Record<string, unknown>;
  full: boolean;
}

export function buildAuditWorkbook(ctx: HandlerCtx, input: AuditExportInput) {
  const page = listRecords(ctx.db, auditDef, {
    filters: input.filters,
    sort: { field: 'at', dir: 'asc' },
    page: 1,
    pageSize: Number.MAX_SAFE_INTEGER,
  });
  const rows = (input.full ? page.rows : (maskSensitive(page.rows) as typeof page.rows)) as Record<string, unknown>[];
  const verdict = verifyAudit(ctx.db);
  const title = verdict.ok
    ? `操作日志校验：完好（共 ${verdict.count} 条）`
    : `操作日志校验：第 ${verdict.brokenAt} 条处断开——${verdict.reason}`;
  const sheet = XLSX.utils.aoa_to_sheet([
    [title],
    [
      `导出时间：${localTime(ctx.now().toISOString())}`,
      `导出人：${ctx.operator?.name ?? '系统'}`,
      input.full ? '含完整敏感信息' : '敏感信息已隐藏',
    ],
    ['序号', '时间', '操作员', '操作', '对象类别', '对象', '修改前', '修改后'],
    ...rows.map((r) => [
      r.id,
      localTime(String(r.at)),
      r.operatorName,
      actionLabel(String(r.action)),
      entityLabel(String(r.entity)),
      objectText(r as { objectName: string | null; entityId: number | null }),
      cell(r.before),
      cell(r.after),
    ]),
  ]);
  sheet['!cols'] = [6, 20, 12, 14, 14, 10, 60, 60].map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '操作日志');
  const base64 = XLSX.write(book, { type: 'base64', bookType: 'xlsx', compression: true }) as string;
  const stamp = ctx.now().toISOString().slice(0, 10);
  return { fileName: `操作日志_${stamp}.xlsx`, base64, count: rows.length };
}
