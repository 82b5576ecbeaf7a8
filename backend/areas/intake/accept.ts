// intake.accept: a workbook refused because its digest failed (figures edited after export) filed
// all the same, with the clerk's note (附说明接收). The stored bytes are read and verified again
// (prepare), then every other check runs again against what is filed now (commit): only the
// digest is forgiven. The file's row becomes 附说明接收; the report is filed with digest_ok 0 and
// the note; one audit entry names the file, the note and the report.
import type { HandlerCtx } from '../../context';
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { IntakeResult } from '../../../core/schemas/intake';
import { periodLabel } from '../../../core/reports/period';
import { UserError } from '../../../db/errors';
import { checkWorkbook, type Checked } from './check';
import { decide, whoseOf } from './decide';
import { fileReport } from './file';
import { receivingOffice } from './office';

interface FileRow {
  id: number;
  file_name: string;
  container_name: string | null;
  outcome: string;
  reason_code: string | null;
  reason: string | null;
  bytes: Buffer | null;
}

function acceptableRow(ctx: HandlerCtx, fileId: number): FileRow {
  const row = ctx.db
    .prepare('SELECT id, file_name, container_name, outcome, reason_code, reason, bytes FROM intake_files WHERE id = ?')
    .get(fileId) as FileRow | undefined;
  if (!row) throw new UserError('NOT_FOUND', `收取文件不存在（编号 ${fileId}）`);
  if (row.outcome === '附说明接收') throw new UserError('ALREADY_ACCEPTED', `“${row.file_name}”已附说明接收`);
  if (row.outcome !== '拒收' || row.reason_code !== 'DIGEST' || !row.bytes)
    throw new UserError(
      'NOT_ACCEPTABLE',
      `只有因数据摘要不符而拒收的文件可以附说明接收；“${row.file_name}”为${row.outcome}${row.reason ? `（${row.reason}）` : ''}`,
    );
  return row;
}

export interface PreparedAccept {
  checked: Checked;
}

export async function prepareAccept(ctx: HandlerCtx, input: ParsedInputOf<'intake.accept'>): Promise<PreparedAccept> {
  const office = receivingOffice(ctx.db);
  const row = acceptableRow(ctx, input.fileId);
  return { checked: await checkWorkbook(ctx.db, new Uint8Array(row.bytes!), row.file_name, office.level) };
}

export function commitAccept(
  ctx: HandlerCtx,
  prepared: PreparedAccept,
  input: ParsedInputOf<'intake.accept'>,
): OutputOf<'intake.accept'> {
  const office = receivingOffice(ctx.db);
  const row = acceptableRow(ctx, input.fileId);
  const { checked } = prepared;
  const whose = whoseOf(ctx.db, checked);
  const d = decide(ctx.db, office, checked, whose, true);
  if (d.kind === 'refuse') throw new UserError(d.reasonCode, `不能接收：${d.reason}`);
  if (d.kind === 'duplicate') throw new UserError(d.reasonCode, `不必接收：${d.reason}`);
  const read = checked as Extract<Checked, { kind: 'read' }>;
  const reportId = fileReport(ctx, read, whose, row.id, d.replaces, input.note);
  ctx.db.prepare(`UPDATE intake_files SET outcome = '附说明接收' WHERE id = ?`).run(row.id);
  const result: IntakeResult = {
    fileName: row.file_name,
    container: row.container_name,
    outcome: '附说明接收',
    reasonCode: 'DIGEST',
    reason: row.reason,
    unitCode: whose.unitCode,
    unitName: whose.unitName,
    period: whose.period,
    periodText: whose.period ? periodLabel(whose.period) : null,
    version: whose.version,
    fileId: row.id,
    reportId,
    replacedVersion: d.replaces?.version ?? null,
    findings: (read.verified?.findings ?? []).map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      kind: f.kind,
      message: f.message,
    })),
    acceptable: false,
  };
  ctx.audit(
    'accept',
    'intake_file',
    row.id,
    { outcome: '拒收', reasonCode: 'DIGEST', reason: row.reason },
    {
      outcome: '附说明接收',
      note: input.note,
      unitCode: result.unitCode,
      period: result.period,
      version: result.version,
      reportId,
      replacedVersion: result.replacedVersion,
    },
  );
  return result;
}
