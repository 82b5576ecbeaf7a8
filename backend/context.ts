import type { Database } from 'better-sqlite3';
import type { OperatorRole } from '../core/enums';
import { appendAudit } from '../db/audit';

export interface Operator {
  id: number | null;
  name: string;
  role: OperatorRole;
}

/** Who is calling: transports fill this from the session. */
export interface CallCtx {
  operator: Operator | null;
  /** Tests pin the clock; everything else uses the real one. */
  now?: () => Date;
  /**
   * Tests turn this on: each result is checked against the method's output schema, and each
   * successful write must have written exactly one audit entry.
   */
  checkOutput?: boolean;
}

/** What a handler gets: the store, the caller and an audit writer bound to both. */
export interface HandlerCtx {
  db: Database;
  operator: Operator | null;
  now: () => Date;
  audit: (action: string, entity: string, entityId: number | null, before: unknown, after: unknown) => void;
  /** How many audit entries this call has written. */
  auditCount: () => number;
}

export function handlerCtx(db: Database, call: CallCtx): HandlerCtx {
  const now = call.now ?? (() => new Date());
  let audits = 0;
  return {
    auditCount: () => audits,
    db,
    operator: call.operator,
    now,
    audit: (action, entity, entityId, before, after) => {
      audits++;
      appendAudit(db, {
        at: now().toISOString(),
        operatorId: call.operator?.id ?? null,
        operatorName: call.operator?.name ?? '系统',
        action,
        entity,
        entityId,
        before,
        after,
      });
    },
  };
}
