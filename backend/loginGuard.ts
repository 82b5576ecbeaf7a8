// Back-off after failed logins, per account (the user name as typed, so unknown names count too)
// and per session (the window, or browser mode's callers before login). The counting — five free
// failures, then 30 s doubling to 15 min, attempts being checked counted as failures — is
// backend/backoff.ts's. A success clears both counts (the account's at once, even while other
// attempts are pending); an hour without attempts too. An existing operator's count is also kept in
// the data file (login_failures, migration 10), so closing and reopening the program — which anyone
// at the PC can do — does not grant five fresh guesses; unknown names and sessions are counted in memory.
import type { Database } from 'better-sqlite3';
import { UserError } from '../db/errors';
import type { HandlerCtx } from './context';
import { beginAttempt, FORGET_MS, type Count } from './backoff';
import { perWorkspace, waitText } from './rateLimit';

const countsOf = perWorkspace(() => new Map<string, Count>());
/** Whether a workspace's counts were read back from its file (once per workspace and process). */
const loadedOf = perWorkspace(() => ({ done: false }));

const accountKey = (name: string) => `account:${name.trim().toLowerCase()}`;

const keysOf = (ctx: HandlerCtx, name: string) => [accountKey(name), `session:${ctx.session ?? 'local'}`];

/** The operators a typed name counts against (the account key's names): their counts are stored. */
function operatorsOf(db: Database, key: string): number[] {
  const rows = db.prepare('SELECT id, name FROM operators').all() as { id: number; name: string }[];
  return rows.filter((o) => accountKey(o.name) === key).map((o) => o.id);
}

/** The stored counts back into memory, the first time a workspace sees a login after opening. */
function loadStored(db: Database, counts: Map<string, Count>, now: number) {
  const forgotten = new Date(now - FORGET_MS).toISOString();
  db.prepare('DELETE FROM login_failures WHERE last_failed_at < ?').run(forgotten);
  const rows = db
    .prepare(
      `SELECT o.name, f.failures, f.last_failed_at AS last, f.wait_until AS until
       FROM login_failures f JOIN operators o ON o.id = f.operator_id`,
    )
    .all() as { name: string; failures: number; last: string; until: string }[];
  for (const r of rows) {
    const key = accountKey(r.name);
    const c = counts.get(key) ?? { failures: 0, pending: 0, last: 0, until: 0 };
    c.failures = Math.max(c.failures, r.failures);
    c.last = Math.max(c.last, Date.parse(r.last));
    c.until = Math.max(c.until, Date.parse(r.until));
    counts.set(key, c);
  }
}

/** Keeps an account's count in the file (a success or a forgotten count removes it). */
function store(db: Database, ids: number[], c: Count | undefined) {
  for (const id of ids) {
    if (!c || c.failures === 0) db.prepare('DELETE FROM login_failures WHERE operator_id = ?').run(id);
    else
      db.prepare(
        `INSERT INTO login_failures (operator_id, failures, last_failed_at, wait_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (operator_id) DO UPDATE SET failures = excluded.failures,
           last_failed_at = excluded.last_failed_at, wait_until = excluded.wait_until`,
      ).run(id, c.failures, new Date(c.last).toISOString(), new Date(c.until).toISOString());
  }
}

/** Storing must never change a login's answer: a file that cannot be written keeps the count in memory. */
function tryStore(db: Database, ids: number[], c: Count | undefined) {
  try {
    store(db, ids, c);
  } catch {
    // the in-memory count still holds until the process ends
  }
}

/**
 * Starts an attempt, or refuses it (in Chinese, with how long to wait) while the account or the
 * session must wait. The answer ends it: `end(true)` after a success, `end(false)` after a failure.
 */
export function beginLogin(ctx: HandlerCtx, name: string): { end: (succeeded: boolean) => void } {
  const counts = countsOf(ctx.workspace ?? ctx);
  const now = ctx.now().getTime();
  const loaded = loadedOf(ctx.workspace ?? ctx);
  if (!loaded.done) {
    try {
      loadStored(ctx.db, counts, now);
    } catch {
      // an unreadable table: the memory counts alone, as before migration 10
    }
    loaded.done = true;
  }
  const keys = keysOf(ctx, name);
  const storeAccount = (c: Count | undefined) => tryStore(ctx.db, operatorsOf(ctx.db, keys[0]), c);
  return beginAttempt(counts, keys, () => ctx.now().getTime(), {
    throttled: (wait) =>
      new UserError('LOGIN_THROTTLED', `登录失败次数过多，请在${waitText(wait)}后再试。如忘记密码，请联系管理员重设`),
    onForget: (key) => {
      if (key === keys[0]) storeAccount(undefined);
    },
    clearsAtOnce: (key) => key === keys[0],
    onEnd: () => storeAccount(counts.get(keys[0])),
  });
}
