// Browser-mode sessions: a random id handed out at login, mapped in memory to the operator. They
// die with the process and after a long idle spell; nothing is stored in the database or a cookie.
import { randomBytes } from 'node:crypto';
import type { Operator } from '../context';

const IDLE_MS = 12 * 60 * 60 * 1000;

interface Entry {
  operator: Operator;
  lastSeen: number;
}

export class SessionStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  create(operator: Operator): string {
    const id = randomBytes(32).toString('hex');
    this.entries.set(id, { operator: { ...operator }, lastSeen: this.now() });
    return id;
  }

  /** The operator of a live session (touching it), or null. */
  get(id: string | undefined): Operator | null {
    if (!id) return null;
    const e = this.entries.get(id);
    if (!e) return null;
    if (this.now() - e.lastSeen > IDLE_MS) {
      this.entries.delete(id);
      return null;
    }
    e.lastSeen = this.now();
    return { ...e.operator };
  }

  drop(id: string | undefined): void {
    if (id) this.entries.delete(id);
  }

  /** An admin changed an operator: follow a new name or role, end every session of a switched-off one. */
  operatorChanged(record: { id: number; name: string; role: Operator['role']; active: boolean }): void {
    for (const [id, e] of this.entries) {
      if (e.operator.id !== record.id) continue;
      if (!record.active) this.entries.delete(id);
      else e.operator = { id: record.id, name: record.name, role: record.role };
    }
  }

  /** A password was reset: every other session of that operator must log in again. */
  dropOperator(operatorId: number, keep?: string): void {
    for (const id of [...this.entries.keys()]) {
      if (id !== keep && this.entries.get(id)?.operator.id === operatorId) this.entries.delete(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
