import type { Database } from 'better-sqlite3';
import type { OperatorRole } from '../core/enums';
import { appendAudit, appendAuditMany } from '../db/audit';
import { setClock } from '../db/clock';
import { keyOf, type CipherKey } from '../db/cipher';

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
   * Tests turn this on: each result is checked against the method's output schema, and each call
   * is held to its declared effect: exactly one audit entry for a write (or a data swap), none for
   * anything else or for the first phase of a two-phase handler.
   */
  checkOutput?: boolean;
  /**
   * In-process trusted code only (tests, scripts, the demo loader): sensitive fields come back in
   * full. Transports never set it, so every clerk-facing answer is masked.
   */
  unmasked?: boolean;
  /**
   * The transport's session (browser mode: the session id; desktop: the window), or for a call
   * without one a fixed key of its transport: what per-session limits (logins, ID lookups) count by.
   */
  session?: string;
  /**
   * A transport that serves files as bytes (browser mode's HTTP) keeps a method's file here and
   * gets back the reference the answer's file field carries, so the file never becomes base64.
   * Without it (in-process callers, the desktop) the field carries the base64 text.
   */
  keepFile?: (bytes: Uint8Array, fileName: string) => string;
}

/**
 * The open data file as handlers see it. `db` is the current connection: restoring a backup
 * closes it, swaps the file and reopens, so read it at the moment of use, never keep it.
 */
export interface Workspace {
  readonly db: Database;
  /** The data file ('/…/censusdesk.db', or ':memory:'). */
  readonly path: string;
  /** Where backups go (a machine-local setting; see backend/backups/folder.ts). */
  readonly backupDir: string;
  /** Closes the database, runs `swap` on the closed file, reopens it (migrating if needed). */
  reopen: (swap: () => void) => void;
  /**
   * The key the data file is encrypted under (null: a plain file). Every other connection to the
   * file or to its backups — worker threads included — is opened with it (db/cipher.ts openSqlite).
   */
  readonly key: CipherKey | null;
  /**
   * Encrypts a plain data file under `next`, or re-keys an encrypted one, in place: the connection
   * is closed (its statement cache with it), the file rekeyed on a connection of its own
   * (db/cipher.ts rekeyConnection) and opened again under `next`. Synchronous: the caller first
   * awaits backgroundIdle() (backend/backups/offThread.ts) so no worker holds the file. On failure
   * throws a UserError and the file is as it was, opened again under the old key.
   */
  rekey: (next: CipherKey) => void;
  /** Hands a 恢复码 just adopted (encrypt, unlock, an encrypted package) to the shell to keep. */
  adoptRecoveryCode?: (code: string) => void;
}

/** What a handler gets: the store, the caller and an audit writer bound to both. */
export interface HandlerCtx {
  readonly db: Database;
  /** Set by dispatch; contexts built by hand for reading (reports) leave it out. */
  workspace?: Workspace;
  operator: Operator | null;
  now: () => Date;
  audit: (action: string, entity: string, entityId: number | null, before: unknown, after: unknown) => void;
  /**
   * Many entries at once, in order, chained as `audit` would chain them (an import's one entry per
   * record). Contexts built by hand for reading leave it out.
   */
  auditMany?: (entries: readonly AuditRecord[]) => void;
  /** How many audit entries this call has written. */
  auditCount: () => number;
  /** The caller's session, as CallCtx.session. */
  session?: string;
  /** As CallCtx.keepFile. */
  keepFile?: CallCtx['keepFile'];
}

/** One entry for HandlerCtx.auditMany: what `audit` takes, as an object. */
export interface AuditRecord {
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

/** A workspace around one fixed connection (callers that never restore, e.g. tools). */
export function fixedWorkspace(db: Database): Workspace {
  return {
    db,
    path: db.name,
    backupDir: '',
    key: keyOf(db),
    reopen: () => {
      throw new Error('此连接不支持重新打开数据文件');
    },
    rekey: () => {
      throw new Error('此连接不支持更换密钥');
    },
  };
}

/** The workspace of a dispatched call (backups, restore and the like need the file, not just the connection). */
export function workspaceOf(ctx: HandlerCtx): Workspace {
  if (!ctx.workspace) throw new Error('此操作需要通过 dispatch 调用');
  return ctx.workspace;
}

export function handlerCtx(source: Database | Workspace, call: CallCtx): HandlerCtx {
  const workspace = 'reopen' in source ? source : fixedWorkspace(source);
  const now = call.now ?? (() => new Date());
  let audits = 0;
  return {
    auditCount: () => audits,
    // The connection answers census_today() and stamps rows with this call's clock: set each
    // time a handler takes it, so calls with different clocks that interleave (awaits) stay apart.
    get db() {
      setClock(workspace.db, now);
      return workspace.db;
    },
    workspace,
    operator: call.operator,
    session: call.session,
    keepFile: call.keepFile,
    now,
    audit: (action, entity, entityId, before, after) => {
      audits++;
      appendAudit(workspace.db, {
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
    auditMany: (entries) => {
      audits += entries.length;
      const at = now().toISOString();
      const operatorId = call.operator?.id ?? null;
      const operatorName = call.operator?.name ?? '系统';
      appendAuditMany(
        workspace.db,
        entries.map((e) => ({ ...e, at, operatorId, operatorName })),
      );
    },
  };
}
