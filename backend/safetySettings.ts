// The office-wide safety settings kept in the data (settings key 'safety'): how long an operator
// may be idle before logging in again, and which roles may reveal sensitive fields in full. The
// backup folder is a setting of the computer instead (backend/backups/folder.ts).
import type { Database } from 'better-sqlite3';
import { DEFAULT_IDLE_LOCK_MINUTES, REVEAL_ROLES } from '../core/schemas/backups';
import type { OperatorRole } from '../core/enums';
import { getSetting, setSetting } from '../db/entities/system';

export interface StoredSafety {
  idleLockMinutes: number;
  revealRoles: OperatorRole[];
}

const KEY = 'safety';
const DEFAULTS: StoredSafety = { idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES, revealRoles: ['管理员'] };

/** The saved values over the defaults; anything unreadable falls back to the safe default. */
export function readSafety(db: Database): StoredSafety {
  const saved = (getSetting(db, KEY) ?? {}) as Partial<StoredSafety>;
  const minutes =
    Number.isInteger(saved.idleLockMinutes) && saved.idleLockMinutes! >= 0
      ? saved.idleLockMinutes!
      : DEFAULTS.idleLockMinutes;
  const roles = Array.isArray(saved.revealRoles)
    ? saved.revealRoles.filter((r): r is OperatorRole => (REVEAL_ROLES as readonly string[]).includes(r))
    : DEFAULTS.revealRoles;
  // 管理员 can always reveal, whatever was stored.
  return { idleLockMinutes: minutes, revealRoles: roles.includes('管理员') ? roles : ['管理员', ...roles] };
}

export function saveSafety(db: Database, value: StoredSafety, at: string): void {
  setSetting(db, KEY, value, at);
}
