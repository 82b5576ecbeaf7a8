// Running a sliced commit (backend/phases.ts): one explicit IMMEDIATE transaction on the writer
// connection, the slices run back to back for up to SLICE_MS, then the event loop gets a turn
// (other requests: reads on the read-only connection, writes queued in backend/writeTurns.ts),
// then the next slices. All of it commits at the end or none of it: any failure rolls back.
import type { Database } from 'better-sqlite3';
import { SLICE_MS, fullTurn, nextTurn } from './eventLoop';
/** From this many slices on, the log is checkpointed in a worker afterwards (backend/checkpoint.ts). */
export const CHECKPOINT_AFTER_SLICES = 10;

/**
 * Runs `slices` inside one transaction on `db`, yielding to the event loop every SLICE_MS;
 * `last` runs inside the same transaction after the last slice (the call's own checks). Returns
 * the value and how many times it let the event loop in (0: it was small enough for one go).
 */
export async function runInSlices<T>(
  db: Database,
  slices: Generator<void, T, void>,
  last: (value: T) => void,
): Promise<{ value: T; yielded: number }> {
  db.exec('BEGIN IMMEDIATE');
  try {
    let since = performance.now();
    let yielded = 0;
    let step = slices.next();
    while (!step.done) {
      if (performance.now() - since >= SLICE_MS) {
        // The first yield comes from the request's own callback: one immediate alone would run
        // before the timers and the I/O poll and let nobody in.
        await (yielded === 0 ? fullTurn() : nextTurn());
        yielded++;
        since = performance.now();
      }
      step = slices.next();
    }
    last(step.value);
    db.exec('COMMIT');
    return { value: step.value, yielded };
  } catch (e) {
    rollBack(db);
    throw e;
  }
}

function rollBack(db: Database) {
  try {
    // SQLite may already have rolled back on its own (a full disk, an I/O error), or the
    // connection was closed under us (the app shutting down): then there is nothing to undo.
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
  } catch {
    // The original failure is what the caller must see.
  }
}
