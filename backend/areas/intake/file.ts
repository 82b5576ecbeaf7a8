// Filing one workbook (inside intake.receive's or intake.accept's transaction): the file as
// received into intake_files (bytes and hash; an exact duplicate of a filed file keeps no second
// copy), the report into received_reports with its UnitSummary when it is filed, the version it
// replaces marked, and the audit record of it. Nothing here is asynchronous.
import type { Database } from 'better-sqlite3';
import type { AuditRecord, HandlerCtx } from '../../context';
import type { IntakeOutcome, IntakeResult } from '../../../core/schemas/intake';
import { periodLabel } from '../../../core/reports/period';
import type { Checked } from './check';
import { decide, whoseOf, type Decision, type Whose } from './decide';
import type { ReceivingOffice } from './office';
import { summaryOf } from './verifiers';
import { localTime } from './time';

export interface Candidate {
  fileName: string;
  container: string | null;
  bytes: Uint8Array;
  sha256: string;
  /** null: already filed when prepared (an exact duplicate), so not read again. */
  checked: Checked | null;
}

interface SameFile {
  id: number;
  unit_code: string | null;
  period: string | null;
  version: number | null;
  received_at: string;
  outcome: string;
}

/** A filed copy of these bytes (a refusal sent again is checked again: the reason may be gone). */
export function sameFileFiled(db: Database, sha256: string): SameFile | null {
  return (
    (db
      .prepare(
        `SELECT id, unit_code, period, version, received_at, outcome FROM intake_files
         WHERE sha256 = ? AND outcome IN ('新收', '新版本', '附说明接收') ORDER BY id LIMIT 1`,
      )
      .get(sha256) as SameFile | undefined) ?? null
  );
}

export interface FileCall {
  ctx: HandlerCtx;
  office: ReceivingOffice;
  batchId: string | null;
  /** The audit records of the call, written by the caller after its own entry. */
  entries: AuditRecord[];
}

function insertFile(
  call: FileCall,
  c: Candidate,
  stored: boolean,
  outcome: IntakeOutcome,
  reasonCode: string | null,
  reason: string | null,
  whose: Pick<Whose, 'unitCode' | 'period' | 'version'>,
): number {
  const { ctx } = call;
  const r = ctx.db
    .prepare(
      `INSERT INTO intake_files (batch_id, file_name, container_name, size, sha256, bytes, outcome, reason_code, reason,
         unit_code, period, version, received_at, operator_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      call.batchId,
      c.fileName,
      c.container,
      c.bytes.length,
      c.sha256,
      stored ? Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength) : null,
      outcome,
      reasonCode,
      reason,
      whose.unitCode,
      whose.period,
      whose.version,
      ctx.now().toISOString(),
      ctx.operator?.id ?? null,
    );
  return Number(r.lastInsertRowid);
}

/** Files the report of a checked workbook already stored as `fileId`; returns the report id. */
export function fileReport(
  ctx: HandlerCtx,
  checked: Extract<Checked, { kind: 'read' }>,
  whose: Whose,
  fileId: number,
  replaces: { id: number } | null,
  acceptNote: string | null,
): number {
  const v = checked.verified!;
  const unit = whose.unit!;
  const summary = summaryOf(v.as, v.figures, { code: unit.code, name: unit.name, version: whose.version });
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO received_reports (unit_code, period, version, level, export_uid, digest, digest_ok, accept_note,
           correction_reason, generated_at, file_id, summary_json, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        unit.code,
        whose.period,
        whose.version,
        v.as,
        checked.identity.exportId,
        checked.digest,
        v.digest === 'match' ? 1 : 0,
        acceptNote,
        checked.identity.correctionReason,
        checked.identity.generatedAt,
        fileId,
        JSON.stringify(summary),
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
  if (replaces) ctx.db.prepare('UPDATE received_reports SET replaced_by = ? WHERE id = ?').run(id, replaces.id);
  return id;
}

function resultOf(
  c: Candidate,
  fileId: number,
  outcome: IntakeOutcome,
  d: { reasonCode: IntakeResult['reasonCode']; reason: string | null; findings?: IntakeResult['findings'] },
  whose: Whose,
  reportId: number | null,
  replacedVersion: number | null,
): IntakeResult {
  return {
    fileName: c.fileName,
    container: c.container,
    outcome,
    reasonCode: d.reasonCode,
    reason: d.reason,
    unitCode: whose.unitCode,
    unitName: whose.unitName,
    period: whose.period,
    periodText: whose.period ? periodLabel(whose.period) : null,
    version: whose.version,
    fileId,
    reportId,
    replacedVersion,
    findings: d.findings ?? [],
    acceptable: outcome === '拒收' && d.reasonCode === 'DIGEST',
  };
}

/** The audit record of one workbook taken in. */
export function recordOf(r: IntakeResult, c: Pick<Candidate, 'sha256' | 'bytes'>, batchId: string | null): AuditRecord {
  return {
    action: 'intake',
    entity: 'intake_file',
    entityId: r.fileId,
    before: null,
    after: {
      batchId,
      fileName: r.fileName,
      container: r.container,
      size: c.bytes.length,
      sha256: c.sha256,
      outcome: r.outcome,
      reasonCode: r.reasonCode,
      unitCode: r.unitCode,
      period: r.period,
      version: r.version,
      reportId: r.reportId,
      replacedVersion: r.replacedVersion,
    },
  };
}

/** Files one candidate: decides, writes, and adds its audit record to the call's. */
export function fileCandidate(call: FileCall, c: Candidate): IntakeResult {
  const { db } = call.ctx;
  const done = (r: IntakeResult) => {
    call.entries.push(recordOf(r, c, call.batchId));
    return r;
  };
  const same = sameFileFiled(db, c.sha256);
  if (same) {
    const whose: Whose = {
      unitCode: same.unit_code,
      unit: null,
      unitName: same.unit_code ? unitName(db, same.unit_code) : null,
      period: same.period,
      version: same.version,
    };
    const reason = `与 ${localTime(same.received_at)} 收取的文件完全相同，未重复归档`;
    const fileId = insertFile(call, c, false, '重复', 'SAME_FILE', reason, whose);
    return done(resultOf(c, fileId, '重复', { reasonCode: 'SAME_FILE', reason }, whose, null, null));
  }
  // Prepared as a duplicate, yet no filed copy now: impossible while filed rows are never removed.
  if (!c.checked) throw new Error(`“${c.fileName}”未经核对：请重新收取`);
  const whose = whoseOf(db, c.checked);
  const d: Decision = decide(db, call.office, c.checked, whose);
  if (d.kind === 'refuse') {
    const fileId = insertFile(call, c, true, '拒收', d.reasonCode, d.reason, whose);
    return done(resultOf(c, fileId, '拒收', d, whose, null, null));
  }
  if (d.kind === 'duplicate') {
    // The same report in other bytes (resaved, or exported again): kept, as it is not the same file.
    const fileId = insertFile(call, c, true, '重复', d.reasonCode, d.reason, whose);
    return done(resultOf(c, fileId, '重复', d, whose, null, null));
  }
  const outcome: IntakeOutcome = d.replaces ? '新版本' : '新收';
  const reason = d.replaces ? `替换第${d.replaces.version}版（旧版本保留在历史中）` : null;
  const fileId = insertFile(call, c, true, outcome, null, reason, whose);
  const reportId = fileReport(
    call.ctx,
    c.checked as Extract<Checked, { kind: 'read' }>,
    whose,
    fileId,
    d.replaces,
    null,
  );
  return done(resultOf(c, fileId, outcome, { reasonCode: null, reason }, whose, reportId, d.replaces?.version ?? null));
}

function unitName(db: Database, code: string): string | null {
  const row = db.prepare('SELECT name FROM report_units WHERE code = ?').get(code) as { name: string } | undefined;
  return row?.name ?? null;
}

/** A file refused before its workbooks were looked at (a damaged zip, a zip bomb): filed under its own name. */
export function fileRefusedContainer(
  call: FileCall,
  c: Omit<Candidate, 'checked'>,
  refused: { reasonCode: 'DAMAGED' | 'TOO_LARGE'; reason: string },
): IntakeResult {
  const none: Whose = { unitCode: null, unit: null, unitName: null, period: null, version: null };
  const fileId = insertFile(call, { ...c, checked: null }, true, '拒收', refused.reasonCode, refused.reason, none);
  const r = resultOf({ ...c, checked: null }, fileId, '拒收', refused, none, null, null);
  call.entries.push(recordOf(r, c, call.batchId));
  return r;
}
