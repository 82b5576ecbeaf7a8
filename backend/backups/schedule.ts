// Automatic backups of a running app: one at start, then one whenever the newest backup is a day
// old (checked hourly, so a laptop that slept through the night catches up when it wakes). Started
// by the shells (serve, the desktop app's backend process), not by openBackend: tests and scripts
// open workspaces too. Starting it also clears what a crashed package download or upload left.
import type { BackupRecord } from '../../core/schemas/backups';
import type { Workspace } from '../context';
import { listBackups } from './catalog';
import { dataBaseName } from './folder';
import { removeTransferLeftovers } from './package';
import { backupNow } from './write';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduleOptions {
  checkEveryMs?: number;
  /**
   * Make the start backup this much later rather than at once (0). The backup is synchronous (a
   * copy and a full integrity_check), so a backend that must answer a window's first calls quickly
   * defers it; stop() before then cancels it.
   */
  startDelayMs?: number;
  now?: () => Date;
  onBackup?: (r: BackupRecord) => void;
  /** A failed automatic backup must not stop the app; the shell shows or logs it. */
  onError?: (e: unknown) => void;
}

/** True when no backup of this data file is younger than a day. */
export function dailyBackupDue(ws: Workspace, now: Date): boolean {
  const newest = listBackups(ws.backupDir, dataBaseName(ws.path))[0];
  return !newest || now.getTime() - new Date(newest.createdAt).getTime() >= DAY_MS;
}

export function startBackupSchedule(ws: Workspace, opts: ScheduleOptions = {}): { stop: () => void } {
  const now = opts.now ?? (() => new Date());
  const run = (reason: '启动' | '每日') => {
    try {
      // Made first: `onBackup?.(backupNow(…))` would skip the backup itself when nobody listens.
      const made = backupNow(ws, reason, now());
      opts.onBackup?.(made);
    } catch (e) {
      opts.onError?.(e);
    }
  };
  removeTransferLeftovers(ws.path);
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
    stop: () => {
      if (startTimer) clearTimeout(startTimer);
      clearInterval(timer);
    },
  };
}
