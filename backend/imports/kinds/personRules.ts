// The rules person.create applies beyond the schema (backend/handlers/personnel.ts preparePerson),
// checked here against lookups prepared once, so 20 000 new rows are checked in milliseconds
// rather than one query round per rule and row. Every message is the handler's own text;
// test/imports/personParity.test.ts holds the two to the same verdicts. Rows that update a stored
// person are not checked here: the preview's dry run sends them through person.update itself.
import type { Database } from 'better-sqlite3';
import type { PersonRole } from '../../../core/enums';
import { formatPersonCode, MAX_PERSON_SEQUENCE, personCodePrefix } from '../../../core/personCode';
import type { RowIssue } from './types';

type Values = Record<string, unknown>;

export interface SupervisorFacts {
  name: string;
  holdsRole: boolean;
  status: string;
}

export interface PlaceFacts {
  villageName?: string;
  villageTownshipId?: number;
  townshipName?: string;
}

/** 人员编号 given in the sheet: the county's prefix, and not used by someone else. */
export function checkGivenCode(
  code: string,
  countyCode: string | null,
  owner: { name: string } | undefined,
): RowIssue[] {
  if (countyCode && !code.startsWith(countyCode)) {
    return [{ field: 'personCode', message: `人员编号 ${code} 应以本县区划代码 ${countyCode} 开头` }];
  }
  return owner ? [{ field: 'personCode', message: `人员编号 ${code} 已被${owner.name}使用` }] : [];
}

export function checkPlace(v: Values, place: PlaceFacts): RowIssue[] {
  if (v.villageId == null || v.townshipId == null || place.villageTownshipId === undefined) return [];
  if (place.villageTownshipId === v.townshipId) return [];
  return [
    { field: 'village', message: `所属村（社区）“${place.villageName}”不在所属乡镇（街道）“${place.townshipName}”内` },
  ];
}

export function checkLinks(v: Values, supervisor: SupervisorFacts | null): RowIssue[] {
  const roles = v.roles as PersonRole[];
  const out: RowIssue[] = [];
  if (supervisor) {
    if (!roles.includes('普查员')) out.push({ field: 'supervisor', message: '只有普查员可以指定所属普查指导员' });
    else if (!supervisor.holdsRole)
      out.push({ field: 'supervisor', message: `${supervisor.name}不是普查指导员，不能作为所属普查指导员` });
    else if (supervisor.status === '离岗')
      out.push({ field: 'supervisor', message: `${supervisor.name}已离岗，不能作为所属普查指导员` });
  }
  if (v.agencyId != null && !roles.includes('第三方机构人员'))
    out.push({ field: 'agency', message: '只有第三方机构人员可以指定所属第三方机构' });
  return out;
}

export function checkDatesAndPay(v: Values): RowIssue[] {
  const out: RowIssue[] = [];
  if (v.status === '离岗' && v.leftDate == null)
    out.push({ field: 'leftDate', message: '在岗状态为离岗时须填写离岗日期' });
  if (v.status === '在岗' && v.leftDate != null) out.push({ field: 'leftDate', message: '在岗人员不应填写离岗日期' });
  const ordered = (from: string, to: string, field: string, message: string) => {
    const a = v[from] as string | null;
    const b = v[to] as string | null;
    if (a != null && b != null && b < a) out.push({ field, message });
  };
  ordered('hireStart', 'hireEnd', 'hireEnd', '聘用结束日期不能早于聘用开始日期');
  ordered('hireStart', 'leftDate', 'leftDate', '离岗日期不能早于聘用开始日期');
  ordered('insuranceStart', 'insuranceEnd', 'insuranceEnd', '保险截止日期不能早于保险起始日期');
  if (v.payRate != null && v.payBasis == null)
    out.push({ field: 'payBasis', message: '填写劳务报酬标准时须同时选择报酬计算方式（元/天或元/户）' });
  if (v.payBasis != null && v.payRate == null)
    out.push({ field: 'payRate', message: '选择报酬计算方式时须同时填写劳务报酬标准' });
  return out;
}

/**
 * 人员编号 for new people without one, as person.create generates them (next after the highest
 * of the prefix, else the lowest gap), counting the codes the sheet itself gives as taken.
 */
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

  /** The next code for a person whose first role is `role`, or null when the prefix is full. */
  next(role: PersonRole): string | null {
    const prefix = personCodePrefix(this.countyCode!, role);
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
