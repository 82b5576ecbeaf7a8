// 人员编号 for new people: the next after the highest of the prefix, else the lowest gap. One
// allocator serves person.create (a fresh one per call) and the roster import (one per sheet, which
// counts the codes the sheet itself gives as taken).
import type { Database } from 'better-sqlite3';
import type { PersonRole } from '../../../core/enums';
import { formatPersonCode, MAX_PERSON_SEQUENCE, personCodePrefix } from '../../../core/personCode';
import { codeUnavailable, type PersonIssue } from './rules';

export class PersonCodeAllocator {
  private taken = new Map<string, Set<number>>();
  private max = new Map<string, number>();
  private maxOf;
  private allOf;

  constructor(
    db: Database,
    readonly countyCode: string | null,
  ) {
    this.maxOf = db.prepare('SELECT max(person_code) AS c FROM people WHERE person_code BETWEEN ? AND ?');
    this.allOf = db.prepare('SELECT person_code AS c FROM people WHERE person_code BETWEEN ? AND ?');
  }

  private load(prefix: string) {
    if (this.taken.has(prefix)) return;
    const range = [`${prefix}0000`, `${prefix}9999`];
    const c = (this.maxOf.get(...range) as { c: string | null }).c;
    const max = c ? Number(c.slice(7)) : 0;
    const taken = new Set<number>([max]);
    if (max >= MAX_PERSON_SEQUENCE)
      for (const r of this.allOf.all(...range) as { c: string }[]) taken.add(Number(r.c.slice(7)));
    this.taken.set(prefix, taken);
    this.max.set(prefix, max);
  }

  /** A code the sheet gives: never handed out again. */
  reserve(code: string) {
    const prefix = code.slice(0, 7);
    this.load(prefix);
    const seq = Number(code.slice(7));
    this.taken.get(prefix)!.add(seq);
    if (seq > this.max.get(prefix)!) this.max.set(prefix, seq);
  }

  /** The next code for a person whose first role is `role`, or why there is none. */
  allocate(role: PersonRole): { code: string } | { issue: PersonIssue } {
    if (!this.countyCode) return { issue: codeUnavailable(null, null) };
    const prefix = personCodePrefix(this.countyCode, role);
    const code = this.next(prefix);
    return code ? { code } : { issue: codeUnavailable(this.countyCode, prefix) };
  }

  private next(prefix: string): string | null {
    this.load(prefix);
    const taken = this.taken.get(prefix)!;
    let seq: number | null = this.max.get(prefix)! + 1;
    if (seq > MAX_PERSON_SEQUENCE) {
      seq = null;
      for (let n = 1; n <= MAX_PERSON_SEQUENCE; n++)
        if (!taken.has(n)) {
          seq = n;
          break;
        }
    } else this.max.set(prefix, seq);
    if (seq === null) return null;
    taken.add(seq);
    return formatPersonCode(prefix, seq);
  }
}
