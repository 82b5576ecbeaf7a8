// Stored people a roster import updates, checked the way the commit writes them: after the sheet's
// new people, one after another in sheet order, each by the person rules person.update applies
// (backend/areas/personnel/rules.ts). The rules' questions are answered from lookups loaded once
// per sheet and kept current as rows are accepted (a 人员编号 that moves, a 普查员 who changes
// 普查指导员, a person who leaves or drops a role), so each row sees what a person.update at its
// turn would have seen, without a query round or a dry run per row. What each accepted row will
// write is worked out here: only the fields that change, with what the rules derive (a village's
// township, a return to duty's cleared leaving date).
import { identityFromId } from '../../../core/schemas/personnel';
import type { PersonRole } from '../../../core/enums';
import { PERSON_COLUMN_SET } from '../../areas/personnel/bulkUpdate';
import { personIssues, type Named, type PersonFacts, type SupervisorFacts } from '../../areas/personnel/rules';
import { errorRow } from './common';
import type { PersonPlan } from './personWrite';
import type { CheckedRow } from './types';

type Values = Record<string, unknown>;

/** What the update rows need to know that does not change while the sheet is checked. */
export interface UpdateLookups {
  countyCode: string | null;
  /** Stored people by 公民身份号码. */
  idOwners: Map<string, Named & { personCode: string }>;
  /** Stored people by 人员编号: a copy is kept current as rows move codes. */
  codeOwners: Map<string, Named>;
  township: PersonFacts['township'];
  village: PersonFacts['village'];
  /** A stored person as a 所属普查指导员, as stored before the import. */
  storedSupervisor: (id: number) => SupervisorFacts | undefined;
  /** How many 普查员 each stored person supervises, before the import. */
  superviseeCounts: () => Map<number, number>;
  /** How many census districts each person serves in, by `${personId}|${role}` (the import changes none). */
  districtCounts: () => Map<string, number>;
}

/** How person.update reports the first fault: its note beside the field, the field as an import column. */
const REF_FIELD: Record<string, string> = {
  townshipId: 'township',
  villageId: 'village',
  supervisorId: 'supervisor',
  agencyId: 'agency',
};

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
const sameList = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The sheet person a row names as 所属普查指导员, as person.update would see them once written. */
function sheetSupervisor(r: CheckedRow | undefined): SupervisorFacts | undefined {
  if (!r?.values) return undefined;
  return {
    name: String(r.values.name),
    holdsRole: ((r.values.roles as string[] | undefined) ?? []).includes('普查指导员'),
    status: String(r.values.status ?? '在岗'),
  };
}

/** Rows checked per step of checkUpdates: about a millisecond's work. */
const STEP_ROWS = 50;

/**
 * Checks every update row in sheet order and records on its plan what it writes (plan.write), or
 * turns it into an error row with person.update's first fault. New rows must be final (codes
 * generated, orphans refused): the commit writes them first, so the updates see them. A step of
 * the iterator checks STEP_ROWS rows: its driver lets other requests in between steps as its time
 * slice runs out (validate.ts).
 */
export function* checkUpdates(rows: CheckedRow[], lookups: UpdateLookups): Generator<void, void> {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const codeOwners = new Map(lookups.codeOwners);
  const supervisees = lookups.superviseeCounts();
  const districts = lookups.districtCounts();
  const bump = (id: unknown, by: number) => {
    if (typeof id === 'number' && id > 0) supervisees.set(id, (supervisees.get(id) ?? 0) + by);
  };
  /** Stored people as the updates accepted so far left them. */
  const updated = new Map<number, SupervisorFacts>();
  /** A 所属普查指导员 that is a new row of the sheet: its id once written is not known yet. */
  const placeholderOf = (row: number) => -row;

  const supervisorIdOf = (plan: PersonPlan): number | undefined => {
    if (plan.supervisorRow === null) return undefined;
    const target = byRow.get(plan.supervisorRow);
    const targetPlan = target?.plan as PersonPlan | undefined;
    if (!targetPlan) return undefined;
    return targetPlan.op === 'create' ? placeholderOf(target!.row) : targetPlan.id;
  };

  // The new people are written first: their codes are taken and their 普查指导员 supervise them.
  for (const r of rows) {
    const plan = r.plan as PersonPlan | undefined;
    if (r.action !== 'new' || !plan) continue;
    codeOwners.set(String(plan.data.personCode), { id: placeholderOf(r.row), name: String(plan.data.name) });
    bump(plan.data.supervisorId ?? supervisorIdOf(plan), 1);
  }

  const facts: PersonFacts = {
    countyCode: lookups.countyCode,
    idNumberOwner: (idNumber) => lookups.idOwners.get(idNumber),
    codeOwner: (code) => codeOwners.get(code),
    township: lookups.township,
    village: lookups.village,
    supervisor: (id) => (id < 0 ? sheetSupervisor(byRow.get(-id)) : (updated.get(id) ?? lookups.storedSupervisor(id))),
    superviseeCount: (id) => supervisees.get(id) ?? 0,
    districtCount: (id, role) => districts.get(`${id}|${role}`) ?? 0,
  };

  let done = 0;
  for (const r of rows) {
    if (++done % STEP_ROWS === 0) yield;
    const plan = r.plan as PersonPlan | undefined;
    if (plan?.op !== 'update' || !plan.existing) continue;
    const existing = plan.existing;
    plan.existing = undefined; // the staged preview keeps only what will be written
    if (r.action !== 'update') continue;
    const id = plan.id!;
    // What person.update would be given, completed as it completes it.
    const v: Values = { ...plan.data };
    if (v.roles) v.roles = [...new Set(v.roles as PersonRole[])];
    if (v.idNumber != null) Object.assign(v, identityFromId(v.idNumber as string));
    const inSheet = supervisorIdOf(plan);
    if (inSheet !== undefined) v.supervisorId = inSheet;
    const issues = personIssues(v, facts, existing);
    if (issues.length) {
      const i = issues[0];
      Object.assign(r, errorRow(r.row, [{ field: REF_FIELD[i.path] ?? i.path, message: i.note ?? i.message }]));
      continue;
    }

    const set: Values = {};
    const before: Values = {};
    for (const [k, value] of Object.entries(v)) {
      if (!PERSON_COLUMN_SET.has(k) || same(existing[k], value)) continue;
      set[k] = value;
      before[k] = existing[k] ?? null;
    }
    const roles = v.roles && !sameList(v.roles, existing.roles) ? (v.roles as PersonRole[]) : undefined;
    plan.write = { set, before, roles, rolesBefore: roles ? (existing.roles as PersonRole[]) : undefined };

    // What the next rows see.
    const name = String('name' in set ? set.name : existing.name);
    if ('personCode' in set) {
      if (codeOwners.get(String(existing.personCode))?.id === id) codeOwners.delete(String(existing.personCode));
      codeOwners.set(String(set.personCode), { id, name });
    } else if ('name' in set) codeOwners.set(String(existing.personCode), { id, name });
    if ('supervisorId' in set) {
      bump(existing.supervisorId, -1);
      bump(set.supervisorId, 1);
    }
    updated.set(id, {
      name,
      status: String('status' in set ? set.status : existing.status),
      holdsRole: ((roles ?? existing.roles) as string[]).includes('普查指导员'),
    });
  }
}
