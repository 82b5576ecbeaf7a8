// Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months that have
// backups (like restic's keep-daily/weekly/monthly), the 3 newest of any kind, and every one in
// ALWAYS_KEPT — those are the clerk's to delete. Pure, so the rule is tested without files.
import type { BackupReason } from '../../core/schemas/backups';

/**
 * Never pruned automatically: 手动 ones, and the safety copies made before the data is replaced or
 * rewritten in bulk (恢复前: a restore or an opened data package; 迁移前: a migration, which is also
 * the last copy an older app can open; 导入前: an import commit, the one way back from a sheet that
 * changed hundreds of records at once; 加密前: the plain file just before safety.encrypt). They are
 * the only copy of this PC's data as it was, which the confirmation promises can be restored; they
 * are rare, so keeping them costs little.
 */
export const ALWAYS_KEPT: ReadonlySet<BackupReason> = new Set<BackupReason>([
  '手动',
  '恢复前',
  '迁移前',
  '导入前',
  '加密前',
]);

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  newest: number;
}

export const RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, newest: 3 };

export interface Dated {
  file: string;
  createdAt: string;
  reason: BackupReason;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** ISO 8601 week (Monday first; the week's Thursday decides its year) of the local calendar day. */
export function isoWeekKey(d: Date): string {
  // Calendar arithmetic on a UTC date of the same Y-M-D: no daylight-saving surprises.
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

export function backupsToKeep(rows: Dated[], policy: RetentionPolicy = RETENTION): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...rows].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  for (const r of newestFirst.slice(0, policy.newest)) keep.add(r.file);
  for (const r of newestFirst) if (ALWAYS_KEPT.has(r.reason)) keep.add(r.file);
  const buckets: [number, (d: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, isoWeekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, keyOf] of buckets) {
    const seen = new Set<string>();
    for (const r of newestFirst) {
      if (ALWAYS_KEPT.has(r.reason)) continue;
      const key = keyOf(new Date(r.createdAt));
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(r.file);
    }
  }
  return keep;
}
