// Automatic backups of a running app: one at start, then one whenever the newest backup is a day
// old (checked hourly, so a laptop that slept through the night catches up when it wakes). Started
// by the shells (serve, the desktop app's backend process), not by openBackend: tests and scripts
// open workspaces too. Starting it also clears what a crashed package download or upload left.
// A shell passes `background: true`: the copy and its integrity_check then run in the backup
// worker, and the app answers from its first moment while the start backup is being made.
import type { BackupRecord } from '../../core/schemas/backups';
import type { Workspace } from '../context';
import { listBackups } from './catalog';
import { dataBaseName } from './folder';
import { removeTransferLeftovers } from './package';
import { auditFinding } from '../auditCheck';
import { backupInBackground, backupNow } from './write';
import { encryptPlainBackups } from './encryptBackups';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduleOptions {
  checkEveryMs?: number;
  /**
   * Make the start backup this much later rather than at once (0); stop() before then cancels it.
   * Needed only without `background`: a synchronous backup (a copy and a full integrity_check)
   * would hold up a window's first calls.
   */
  startDelayMs?: number;
  now?: () => Date;
  /**
   * Make each backup in the backup worker thread (offThread.ts) instead of on this thread; the
   * start backup then runs while the app already answers. Off by default: a caller that wants the
   * start backup made when startBackupSchedule returns (tests) gets exactly that.
   */
  background?: boolean;
  onBackup?: (r: BackupRecord) => void;
  /** A failed automatic backup must not stop the app; the shell shows or logs it. */
  onError?: (e: unknown) => void;
}

/** True when no backup of this data file is younger than a day. */
export function dailyBackupDue(ws: Workspace, now: Date): boolean {
  const newest = listBackups(ws.backupDir, dataBaseName(ws.path))[0];
  return !newest || now.getTime() - new Date(newest.createdAt).getTime() >= DAY_MS;
}

export interface BackupSchedule {
  /** Stops the timers; resolves once a backup still being made in the background is finished. */
  stop: () => Promise<void>;
}

export function startBackupSchedule(ws: Workspace, opts: ScheduleOptions = {}): BackupSchedule {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const report = (made: BackupRecord) => opts.onBackup?.(made);
  const run = (reason: '启动' | '每日') => {
    if (running) return; // one at a time: a day's backup that is still being made is enough
    try {
      if (!opts.background) {
        // Made first: `onBackup?.(backupNow(…))` would skip the backup itself when nobody listens.
        report(backupNow(ws, reason, now()));
        return;
      }
      running = backupInBackground(ws, reason, now())
        .then(report)
        .catch((e: unknown) => opts.onError?.(e))
        .finally(() => (running = null));
    } catch (e) {
      opts.onError?.(e);
    }
  };
  removeTransferLeftovers(ws.path);
  // An encrypted office's backups still plain (the run after safety.encrypt cut short by a crash or
  // a close, or one that failed): put under the key again, in the backup worker; none is a no-op.
  if (ws.key) void encryptPlainBackups(ws, ws.key);
  // The audit chain verified right after start (in the backup worker for a big log); the
  // dashboard shows the finding kept for this open.
  auditFinding(ws).catch((e: unknown) => opts.onError?.(e));
  const delay = opts.startDelayMs ?? 0;
  const startTimer = delay > 0 ? setTimeout(() => run('启动'), delay) : null;
  startTimer?.unref();
  if (!startTimer) run('启动');
  const timer = setInterval(
    () => {
      if (dailyBackupDue(ws, now())) run('每日');
    },
    opts.checkEveryMs ?? 60 * 60 * 1000,
  );
  timer.unref();
  return {
    stop: async () => {
      if (startTimer) clearTimeout(startTimer);
      clearInterval(timer);
      await running;
    },
  };
}
