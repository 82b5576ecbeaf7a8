// intake.receive: one file (a workbook, or a zip of them) → one result per workbook. Prepare
// (outside the transaction, writes nothing): unzip, hash, and read and verify each workbook not
// already filed, one after another through the bounded parse. Commit (in dispatch's transaction):
// decide and file each against what is filed now, in the zip's order, so a file twice in one zip
// is filed once; all of it lands or none of it. One audit entry for the call, one per workbook.
import { randomUUID } from 'node:crypto';
import type { HandlerCtx } from '../../context';
import type { ParsedInputOf, OutputOf } from '../../../core/api';
import { sha256 } from '../../reports/hash';
import { checkWorkbook } from './check';
import { fileCandidate, fileRefusedContainer, sameFileFiled, type Candidate, type FileCall } from './file';
import { receivingOffice } from './office';
import { unpack, type Unpacked } from './unpack';

export interface PreparedReceive {
  bytes: Uint8Array;
  sha256: string;
  unpacked: Unpacked;
  candidates: Candidate[];
}

export async function prepareReceive(
  ctx: HandlerCtx,
  input: ParsedInputOf<'intake.receive'>,
): Promise<PreparedReceive> {
  const office = receivingOffice(ctx.db);
  const bytes = Buffer.from(input.base64, 'base64');
  const unpacked = await unpack(input.fileName, bytes);
  const candidates: Candidate[] = [];
  for (const w of unpacked.workbooks) {
    const hash = sha256(w.bytes);
    // Filed already: the commit says 重复 without reading it again; the same bytes twice in one
    // zip are read once (the commit files the first and calls the second 重复, or refuses both).
    const twin = candidates.find((c) => c.sha256 === hash);
    const checked = sameFileFiled(ctx.db, hash)
      ? null
      : twin
        ? twin.checked
        : await checkWorkbook(ctx.db, w.bytes, w.fileName, office.level);
    candidates.push({ ...w, sha256: hash, checked });
  }
  return { bytes, sha256: sha256(bytes), unpacked, candidates };
}

export function commitReceive(
  ctx: HandlerCtx,
  prepared: PreparedReceive,
  input: ParsedInputOf<'intake.receive'>,
): OutputOf<'intake.receive'> {
  const office = receivingOffice(ctx.db);
  const batchId = input.batchId ?? randomUUID();
  const call: FileCall = { ctx, office, batchId, entries: [] };
  const { unpacked } = prepared;
  const results = unpacked.refused
    ? [
        fileRefusedContainer(
          call,
          { fileName: input.fileName, container: null, bytes: prepared.bytes, sha256: prepared.sha256 },
          unpacked.refused,
        ),
      ]
    : prepared.candidates.map((c) => fileCandidate(call, c));
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  ctx.audit('receive', 'intake', null, null, {
    batchId,
    fileName: input.fileName,
    size: prepared.bytes.length,
    sha256: prepared.sha256,
    workbooks: results.length,
    新收: count('新收'),
    新版本: count('新版本'),
    重复: count('重复'),
    拒收: count('拒收'),
    skipped: unpacked.skipped.map((s) => s.fileName),
  });
  if (ctx.auditMany) ctx.auditMany(call.entries);
  else for (const e of call.entries) ctx.audit(e.action, e.entity, e.entityId, e.before, e.after);
  return { batchId, results, skipped: unpacked.skipped };
}
