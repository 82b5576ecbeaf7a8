// People (人员): create / update with the rules of domain.md §3 (rules.ts) and a generated 人员编号,
// get / list with today's insurance validity, delete, and leave — people leave (离岗) rather than
// disappear.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { identityFromId, personCreate, isInsuranceValid } from '../../../core/schemas/personnel';
import { todayIso } from '../../../core/dates';
import type { PersonRole } from '../../../core/enums';
import { deleteRecord, listRecords, requireRecord, updateRecord } from '../../../db/entity';
import { peopleByIds, personDef, personListQuery } from '../../../db/entities/personnel';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { mayReveal } from '../../access';
import { countIdLookup } from '../../idLookupLimit';
import { completeIdQuery } from '../../../core/idLookup';
import { entityRows, type Values } from '../crud';
import { dbPersonFacts } from './facts';
import { PersonCodeAllocator } from './personCode';
import { issueError, personIssues } from './rules';

type Person = OutputOf<'person.get'>;

const rows = entityRows(personDef, personCreate);

/** insuranceValid depends on today, so it is added per call from the caller's clock. */
function withInsurance(ctx: HandlerCtx) {
  const today = todayIso(ctx.now());
  return (r: Values) =>
    ({ ...r, insuranceValid: isInsuranceValid(r.insuranceStart as string, r.insuranceEnd as string, today) }) as Person;
}

/** The row to write: the rules applied (the first fault refuses), a 人员编号 generated last. */
function prepare(ctx: HandlerCtx, values: Values, existing?: Values): Values {
  const v: Values = { ...values };
  if (v.roles) v.roles = [...new Set(v.roles as PersonRole[])];
  if (existing && v.personCode == null) delete v.personCode; // an update that blanks the code keeps the one it has
  if (v.idNumber != null) Object.assign(v, identityFromId(v.idNumber as string));
  const facts = dbPersonFacts(ctx.db);
  const nameHolder = mayReveal(ctx.db, ctx.operator);
  const issues = personIssues(v, facts, existing, { nameHolder });
  // A refusal for a number already registered confirms it: counted like a lookup by that number.
  if (!nameHolder && issues.some((i) => i.code === 'DUPLICATE' && i.path === 'idNumber')) countIdLookup(ctx);
  if (issues.length) throw issueError(issues[0]);
  // Last: the clerk hears about faults in the input before being sent to fill in 单位信息.
  if (!existing && v.personCode == null) {
    const r = new PersonCodeAllocator(ctx.db, facts.countyCode).allocate((v.roles as PersonRole[])[0]);
    if ('issue' in r) throw issueError(r.issue);
    v.personCode = r.code;
  }
  return v;
}

function writeRoles(ctx: HandlerCtx, id: number, roles: PersonRole[] | undefined) {
  if (!roles) return;
  ctx.db.prepare('DELETE FROM person_roles WHERE person_id = ?').run(id);
  const insert = ctx.db.prepare('INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(id, role);
}

export function createPerson(ctx: HandlerCtx, input: ParsedInputOf<'person.create'>): Person {
  const { roles, ...row } = prepare(ctx, input);
  const id = rows.insert(ctx, row);
  writeRoles(ctx, id, roles as PersonRole[]);
  const after = requireRecord(ctx.db, personDef, id);
  ctx.audit('create', personDef.name, id, null, after);
  return withInsurance(ctx)(after);
}

/** A patch checked by the person rules (the first fault refuses) and written, unaudited: the caller audits. */
export function writePersonPatch(ctx: HandlerCtx, before: Values, patch: Values): Values {
  const id = before.id as number;
  const { roles, ...row } = prepare(ctx, patch, before);
  rows.update(ctx, id, row);
  writeRoles(ctx, id, roles as PersonRole[] | undefined);
  return requireRecord(ctx.db, personDef, id);
}

export function updatePerson(ctx: HandlerCtx, input: ParsedInputOf<'person.update'>): Person {
  const { id, ...patch } = input;
  const before = requireRecord(ctx.db, personDef, id);
  const after = writePersonPatch(ctx, before, patch);
  ctx.audit('update', personDef.name, id, before, after);
  return withInsurance(ctx)(after);
}

export const getPerson = (ctx: HandlerCtx, input: ParsedInputOf<'person.get'>): Person =>
  withInsurance(ctx)(requireRecord(ctx.db, personDef, input.id));

/**
 * Callers who may not reveal find a 公民身份号码 only by typing all of it, and only so many times
 * (backend/idLookupLimit.ts); a lookup by a complete number is in the audit log for everyone.
 */
export function listPeople(ctx: HandlerCtx, input: ParsedInputOf<'person.list'>): OutputOf<'person.list'> {
  const complete = completeIdQuery(input.q);
  const revealer = mayReveal(ctx.db, ctx.operator);
  if (complete && !revealer) countIdLookup(ctx);
  const { def, query, knownTotal } = personListQuery(ctx.db, input, todayIso(ctx.now()), revealer ? 'prefix' : 'exact');
  const page = listRecords(ctx.db, def, query, knownTotal);
  const people = peopleByIds(
    ctx.db,
    page.rows.map((r) => r.id as number),
  );
  // Recorded against no record: a person's history stays the history of their changes; the number
  // (masked when read back) says whom the lookup was for.
  if (complete) ctx.audit('lookup', personDef.name, null, null, { idNumber: complete, matches: page.total });
  return { ...page, rows: people.map(withInsurance(ctx)) };
}

export function deletePerson(ctx: HandlerCtx, input: ParsedInputOf<'person.delete'>): OutputOf<'person.delete'> {
  const before = requireRecord(ctx.db, personDef, input.id);
  deleteRecord(ctx.db, personDef, input.id);
  ctx.audit('delete', personDef.name, input.id, before, null);
  return { id: input.id };
}

export function leavePerson(ctx: HandlerCtx, input: ParsedInputOf<'person.leave'>): Person {
  const before = requireRecord(ctx.db, personDef, input.id);
  if (before.status === '离岗') {
    throw new UserError('ALREADY_LEFT', `${String(before.name)}已于${String(before.leftDate)}离岗`);
  }
  if (before.hireStart != null && input.leftDate < String(before.hireStart)) {
    const message = '离岗日期不能早于聘用开始日期';
    throw new UserError('INVALID_INPUT', message, [{ path: 'leftDate', message }]);
  }
  updateRecord(ctx.db, personDef, input.id, { status: '离岗', leftDate: input.leftDate, leftReason: input.reason });
  const after = requireRecord(ctx.db, personDef, input.id);
  ctx.audit('leave', personDef.name, input.id, before, after);
  return withInsurance(ctx)(after);
}
