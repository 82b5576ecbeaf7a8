// The idle lock, enforced in the backend for every transport: a session with no request for the set
// number of minutes must log in again before its next one. Kept per session (the transport's
// session: a browser tab's session id, a desktop window), so logging in elsewhere — another tab,
// another PC in browser mode — never unlocks a session left locked; reset by a successful login in
// that same session. In-process callers have no session and are keyed by their operator. It dies
// with the process, like the sessions it guards. Entries are not pruned by age: forgetting a stale
// one would unlock it (a desktop window's session never expires); each is a few dozen bytes per login.
import { idleExpired } from '../core/idle';

export type IdleState = 'active' | 'locked';

/** The key a call's idle clock is kept under: its transport session, else (in-process) its operator. */
export const idleKey = (session: string | undefined, operatorId: number): string => session ?? `operator:${operatorId}`;

export class IdleLock {
  private readonly lastSeen = new Map<string, number>();
  private readonly locked = new Set<string>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Records a request in session `key`, or says it is locked. `idleMinutes` 0 never locks. */
  touch(key: string, idleMinutes: number): IdleState {
    const now = this.clock();
    if (this.locked.has(key)) return 'locked';
    const last = this.lastSeen.get(key);
    if (last !== undefined && idleExpired(last, now, idleMinutes)) {
      this.locked.add(key);
      return 'locked';
    }
    this.lastSeen.set(key, now);
    return 'active';
  }

  /** The page locked itself: refuse this session until it logs in again. */
  lock(key: string): void {
    this.locked.add(key);
  }

  /** A successful login (or first run) in this session unlocks it and restarts its clock. */
  loggedIn(key: string): void {
    this.locked.delete(key);
    this.lastSeen.set(key, this.clock());
  }

  /** The session logged out: nothing to keep. */
  forget(key: string): void {
    this.locked.delete(key);
    this.lastSeen.delete(key);
  }
}
