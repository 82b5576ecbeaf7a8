// Every record an import creates or updates gets its own audit entry, so a person's history shows
// what an import changed (a 银行卡号 changed by a sheet is as visible as one typed in the form). The
// writes report their entries as they would outside an import (ctx.audit: the area services do,
// and so do the bulk writes); they are collected, cut down to what changed, and written after the
// import's own entry is known: action 'import.<action>' ('import.create', 'import.update'…),
// the record as entity / entityId, and `importHistoryId` in `after` naming the import (its
// import_history id, the entityId of its 'import' entry). Sensitive fields keep their names
// (idNumber, bankAccount…), so audit.list masks them like every other entry.
import type { AuditRecord, HandlerCtx } from '../context';

type Values = Record<string, unknown>;

const STAMPS = new Set(['createdAt', 'updatedAt']);
const isRecord = (v: unknown): v is Values => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => JSON.stringify(v ?? null);

/** The fields (or, for a list of rows, the rows) that differ; a creation keeps everything it stored. */
export function changedPart(before: unknown, after: unknown): { before: Values | null; after: Values } {
  if (isRecord(before) && isRecord(after)) {
    const b: Values = {};
    const a: Values = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (STAMPS.has(k) || text(before[k]) === text(after[k])) continue;
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
    return { before: b, after: a };
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const had = new Set(before.map(text));
    const has = new Set(after.map(text));
    return {
      before: { rows: before.filter((x) => !has.has(text(x))) },
      after: { rows: after.filter((x) => !had.has(text(x))) },
    };
  }
  const wrap = (v: unknown): Values => (isRecord(v) ? v : Array.isArray(v) ? { rows: v } : { value: v ?? null });
  return { before: before == null ? null : wrap(before), after: wrap(after) };
}

/** A context whose audit entries are kept for `writeRecordEntries` instead of written. */
export function recordingCtx(ctx: HandlerCtx): { ctx: HandlerCtx; entries: AuditRecord[] } {
  const entries: AuditRecord[] = [];
  return {
    entries,
    ctx: {
      ...ctx,
      audit: (action, entity, entityId, before, after) => entries.push({ action, entity, entityId, before, after }),
    },
  };
}

/** Entries per slice: each slice reads the chain's head and goes on from it, so slices chain as one call would. */
const AUDIT_SLICE = 100;

/**
 * The collected entries, linked to the import's history record, appended in the order written,
 * yielding after each AUDIT_SLICE entries (the commit is sliced; the chain is the same).
 */
export function* writeRecordEntriesInSlices(
  ctx: HandlerCtx,
  entries: readonly AuditRecord[],
  importHistoryId: number,
): Generator<void, void, void> {
  for (let from = 0; from < entries.length; from += AUDIT_SLICE) {
    writeLinked(ctx, entries.slice(from, from + AUDIT_SLICE), importHistoryId);
    yield;
  }
}

function writeLinked(ctx: HandlerCtx, entries: readonly AuditRecord[], importHistoryId: number) {
  const linked = entries.map((e): AuditRecord => {
    const part = changedPart(e.before, e.after);
    return {
      action: `import.${e.action}`,
      entity: e.entity,
      entityId: e.entityId,
      before: part.before,
      after: { ...part.after, importHistoryId },
    };
  });
  if (ctx.auditMany) ctx.auditMany(linked);
  else for (const e of linked) ctx.audit(e.action, e.entity, e.entityId, e.before, e.after);
}
