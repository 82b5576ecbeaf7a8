// intake.list and intake.download: every file taken in, with what happened to it, and its bytes
// exactly as received (an exact duplicate keeps none of its own: the filed copy's are the same).
import type { HandlerCtx } from '../../context';
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { IntakeOutcome, IntakeReason } from '../../../core/schemas/intake';
import { periodLabel } from '../../../core/reports/period';
import { displayFileName } from '../../../core/imports/fileName';
import { UserError } from '../../../db/errors';
import { sha256 } from '../../reports/hash';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v == null ? null : String(v));
const int = (v: unknown) => (v == null ? null : Number(v));

const SORT_COLUMNS = {
  receivedAt: 'f.id',
  unitCode: 'f.unit_code',
  period: 'f.period',
  fileName: 'f.file_name',
} as const;

/** Newest first unless the caller sorts; ties by arrival. */
const orderOf = (sort: ParsedInputOf<'intake.list'>['sort']) =>
  sort ? `${SORT_COLUMNS[sort.field]} ${sort.dir === 'desc' ? 'DESC' : 'ASC'}, f.id DESC` : 'f.id DESC';

export function listIntake(ctx: HandlerCtx, input: ParsedInputOf<'intake.list'>): OutputOf<'intake.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (sql: string, v: unknown) => {
    if (v == null) return;
    where.push(sql);
    params.push(v);
  };
  const f: Partial<NonNullable<ParsedInputOf<'intake.list'>['filters']>> = input.filters ?? {};
  filter('f.batch_id = ?', f.batchId);
  filter('f.outcome = ?', f.outcome);
  filter('f.unit_code = ?', f.unitCode);
  filter('f.period = ?', f.period);
  if (input.q) {
    where.push(`(instr(f.file_name, ?) > 0 OR instr(coalesce(u.name, ''), ?) > 0)`);
    params.push(input.q, input.q);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    ctx.db
      .prepare(`SELECT count(*) AS n FROM intake_files f LEFT JOIN report_units u ON u.code = f.unit_code ${clause}`)
      .get(...params) as { n: number }
  ).n;
  const rows = ctx.db
    .prepare(
      `SELECT f.id, f.batch_id, f.file_name, f.container_name, f.size, f.sha256, f.outcome, f.reason_code, f.reason,
              f.unit_code, u.name AS unit_name, f.period, f.version, f.received_at,
              o.name AS operator_name, r.id AS report_id, r.replaced_by, r.accept_note
       FROM intake_files f
       LEFT JOIN report_units u ON u.code = f.unit_code
       LEFT JOIN operators o ON o.id = f.operator_id
       LEFT JOIN received_reports r ON r.file_id = f.id
       ${clause}
       ORDER BY ${orderOf(input.sort)} LIMIT ? OFFSET ?`,
    )
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as Row[];
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      batchId: str(r.batch_id),
      fileName: String(r.file_name),
      container: str(r.container_name),
      size: Number(r.size),
      sha256: String(r.sha256),
      outcome: r.outcome as IntakeOutcome,
      reasonCode: str(r.reason_code) as IntakeReason | null,
      reason: str(r.reason),
      unitCode: str(r.unit_code),
      unitName: str(r.unit_name),
      period: str(r.period),
      periodText: r.period ? periodLabel(String(r.period)) : null,
      version: int(r.version),
      receivedAt: String(r.received_at),
      operatorName: str(r.operator_name),
      reportId: int(r.report_id),
      replacedBy: int(r.replaced_by),
      acceptNote: str(r.accept_note),
      acceptable: r.outcome === '拒收' && r.reason_code === 'DIGEST',
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export function downloadIntake(ctx: HandlerCtx, input: ParsedInputOf<'intake.download'>): OutputOf<'intake.download'> {
  const row = ctx.db.prepare('SELECT file_name, sha256, bytes FROM intake_files WHERE id = ?').get(input.fileId) as
    { file_name: string; sha256: string; bytes: Buffer | null } | undefined;
  if (!row) throw new UserError('NOT_FOUND', `收取文件不存在（编号 ${input.fileId}）`);
  // An exact duplicate stored no bytes: any stored copy with its hash is the same file.
  const bytes =
    row.bytes ??
    (
      ctx.db
        .prepare('SELECT bytes FROM intake_files WHERE sha256 = ? AND bytes IS NOT NULL ORDER BY id LIMIT 1')
        .get(row.sha256) as { bytes: Buffer } | undefined
    )?.bytes;
  if (!bytes) throw new UserError('NOT_FOUND', `“${displayFileName(row.file_name)}”的原文件未保存`);
  if (sha256(bytes) !== row.sha256)
    throw new UserError('FILE_CHANGED', `“${displayFileName(row.file_name)}”保存的内容与收取时的校验值不符`);
  return {
    fileName: displayFileName(row.file_name),
    size: bytes.length,
    sha256: row.sha256,
    base64: Buffer.from(bytes).toString('base64'),
    savedPath: null,
  };
}
