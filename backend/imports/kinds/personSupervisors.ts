// Supervisors named within the roster sheet itself (a 普查员 row naming a 普查指导员 of another row,
// not yet stored): found once every row is checked, and a person whose supervisor's row is refused
// is refused with it, so nobody is written without the supervisor the sheet gave them.
import { normalizeCode, normalizeText } from '../../../core/text';
import { linkIssues } from '../../areas/personnel/rules';
import { errorRow } from './common';
import type { PersonPlan } from './personWrite';
import type { CheckedRow } from './types';

/** A person whose 普查指导员 is a refused row of the sheet is refused too (never written without them). */
export function refuseOrphans(rows: CheckedRow[]) {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (let changed = true; changed;) {
    changed = false;
    for (const r of rows) {
      const sup = (r.plan as PersonPlan | undefined)?.supervisorRow;
      if (r.action === 'error' || sup == null || byRow.get(sup)?.action !== 'error') continue;
      Object.assign(
        r,
        errorRow(r.row, [{ field: 'supervisor', message: `所属普查指导员（第${sup}行）有误，本行一并未导入` }]),
      );
      changed = true;
    }
  }
}

export interface SheetPerson {
  row: number;
  idNumber: string;
  personCode: string;
  name: string;
}

/**
 * Supervisors named in the sheet but not yet stored: another row of the same sheet, found by
 * 公民身份号码, 人员编号, or name (the one 普查指导员 of that name, else the one person of it, whom
 * person.create's rule then refuses in its words).
 */
export function finishSupervisors(rows: CheckedRow[], named: SheetPerson[]) {
  const pending = rows.filter((r) => r.action !== 'error' && (r.plan as PersonPlan | undefined)?.supervisorRef);
  if (!pending.length) return;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const isSupervisor = (p: SheetPerson) =>
    ((byRow.get(p.row)?.values?.roles as string[] | undefined) ?? []).includes('普查指导员');
  for (const r of pending) {
    const plan = r.plan as PersonPlan;
    const code = normalizeCode(plan.supervisorRef!);
    const name = normalizeText(plan.supervisorRef!);
    let hits = named.filter((p) => p.row !== r.row && (p.idNumber === code || p.personCode === code));
    if (!hits.length) {
      const same = named.filter((p) => p.row !== r.row && p.name === name);
      hits = same.some(isSupervisor) ? same.filter(isSupervisor) : same;
    }
    const fail = (message: string) => Object.assign(r, errorRow(r.row, [{ field: 'supervisor', message }]));
    if (hits.length !== 1) {
      fail(
        hits.length
          ? `所属普查指导员“${plan.supervisorRef}”有重名，请改填公民身份号码或人员编号`
          : `所属普查指导员“${plan.supervisorRef}”不在花名册中`,
      );
      continue;
    }
    const s = byRow.get(hits[0].row)!;
    plan.supervisorRow = s.row;
    if (s.action === 'error') continue; // refused with it by refuseOrphans
    const issues = linkIssues(
      (r.values?.roles as string[]) ?? [],
      s.row,
      {
        name: String(s.values?.name),
        holdsRole: isSupervisor(hits[0]),
        status: String(s.values?.status ?? '在岗'),
      },
      null,
    );
    if (issues.length) fail(issues[0].message);
  }
}
