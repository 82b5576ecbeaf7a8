// The idle lock, enforced in the backend for every transport: an operator who has made no request
// for the set number of minutes must log in again before the next one. Kept per operator in the
// running app (a clerk's tabs share it) and reset by a successful login; it dies with the process,
// like the sessions it guards.
import { idleExpired } from '../core/idle';

export type IdleState = 'active' | 'locked';

export class IdleLock {
  private readonly lastSeen = new Map<number, number>();
  private readonly locked = new Set<number>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Records a request by `operatorId`, or says it is locked. `idleMinutes` 0 never locks. */
  touch(operatorId: number, idleMinutes: number): IdleState {
    const now = this.clock();
    if (this.locked.has(operatorId)) return 'locked';
    const last = this.lastSeen.get(operatorId);
    if (last !== undefined && idleExpired(last, now, idleMinutes)) {
      this.locked.add(operatorId);
      return 'locked';
    }
    this.lastSeen.set(operatorId, now);
    return 'active';
  }

  /** The page locked itself: refuse this operator until they log in again. */
  lock(operatorId: number): void {
    this.locked.add(operatorId);
  }

  /** A successful login (or first run) unlocks and restarts the clock. */
  loggedIn(operatorId: number): void {
    this.locked.delete(operatorId);
    this.lastSeen.set(operatorId, this.clock());
  }
}
