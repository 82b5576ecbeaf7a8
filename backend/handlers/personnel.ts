// People (人员): CRUD with the cross-field rules of domain.md §3, 人员编号 generation, and
// person.leave — people leave (离岗) rather than disappear.
import type { personnelApi } from '../../core/api/personnel';
import { personCreate, identityFromId, isInsuranceValid } from '../../core/schemas/personnel';
import { formatPersonCode, MAX_PERSON_SEQUENCE, nextFreeSequence, personCodePrefix } from '../../core/personCode';
import { todayIso } from '../../core/dates';
import type { PersonRole } from '../../core/enums';
import { listRecords, requireRecord, updateRecord, type ListQuery } from '../../db/entity';
import { peopleByIds, personDef, personListQuery } from '../../db/entities/personnel';
import { UserError } from '../../db/errors';
import { crudHandlers } from '../crud';
import type { HandlerCtx } from '../context';
import type { AreaHandlers } from './types';

type Values = Record<string, unknown>;
type Named = { id: number; name: string };

const invalid = (path: string, message: string) => new UserError('INVALID_INPUT', message, [{ path, message }]);
const missing = (path: string, label: string, id: unknown) =>
  new UserError('BAD_REFERENCE', `${label}不存在（编号 ${String(id)}）`, [
    { path, message: `${label}不存在（编号 ${String(id)}）` },
  ]);

/** 人员编号 for a new person: county code from 单位信息, digit of the first role, next free sequence. */
function generatePersonCode(ctx: HandlerCtx, firstRole: PersonRole): string {
  const profile = ctx.db.prepare('SELECT county_code FROM office_profile WHERE id = 1').get() as
    { county_code: string } | undefined;
  if (!profile) {
    throw new UserError(
      'NO_OFFICE_PROFILE',
      '尚未填写单位信息，无法生成人员编号：请先在“单位信息”中填写县级区划代码，或手工填写人员编号',
      [{ path: 'personCode', message: '请先填写单位信息，或手工填写人员编号' }],
    );
  }
  const prefix = personCodePrefix(profile.county_code, firstRole);
  const range = [`${prefix}0000`, `${prefix}9999`];
  const max = ctx.db
    .prepare('SELECT max(person_code) AS c FROM people WHERE person_code BETWEEN ? AND ?')
    .get(...range) as { c: string | null };
  const maxSeq = max.c ? Number(max.c.slice(7)) : 0;
  // Only when 9999 is taken do we need every sequence to find a gap.
  const taken =
    maxSeq < MAX_PERSON_SEQUENCE
      ? [maxSeq]
      : (
          ctx.db.prepare('SELECT person_code AS c FROM people WHERE person_code BETWEEN ? AND ?').all(...range) as {
            c: string;
          }[]
        ).map((r) => Number(r.c.slice(7)));
  const seq = nextFreeSequence(taken);
  if (seq === null) throw invalid('personCode', `以 ${prefix} 开头的人员编号已全部用完，请手工填写人员编号`);
  return formatPersonCode(prefix, seq);
}

function checkGivenCode(ctx: HandlerCtx, code: string, selfId: number | undefined) {
  const profile = ctx.db.prepare('SELECT county_code FROM office_profile WHERE id = 1').get() as
    { county_code: string } | undefined;
  if (profile && !code.startsWith(profile.county_code)) {
    throw invalid('personCode', `人员编号 ${code} 应以本县区划代码 ${profile.county_code} 开头`);
  }
  const other = ctx.db
    .prepare('SELECT id, name FROM people WHERE person_code = ? AND id IS NOT ?')
    .get(code, selfId ?? null) as Named | undefined;
  if (other)
    throw new UserError('DUPLICATE', `人员编号 ${code} 已被${other.name}使用`, [
      { path: 'personCode', message: '人员编号已被使用' },
    ]);
}

function checkIdNumberFree(ctx: HandlerCtx, idNumber: string, selfId: number | undefined) {
  const other = ctx.db
    .prepare('SELECT id, name, person_code AS code FROM people WHERE id_number = ? AND id IS NOT ?')
    .get(idNumber, selfId ?? null) as (Named & { code: string }) | undefined;
  if (other) {
    const message = `公民身份号码 ${idNumber} 已登记为${other.name}（人员编号 ${other.code}）`;
    throw new UserError('DUPLICATE', message, [{ path: 'idNumber', message }]);
  }
}

/** The village must lie in the township; a village alone fills in its township. */
function checkPlace(ctx: HandlerCtx, v: Values, get: (k: string) => unknown) {
  const townshipId = get('townshipId');
  const villageId = get('villageId');
  let township: Named | undefined;
  if (townshipId != null) {
    township = ctx.db.prepare('SELECT id, name FROM townships WHERE id = ?').get(townshipId) as Named | undefined;
    if (!township) throw missing('townshipId', '所属乡镇（街道）', townshipId);
  }
  if (villageId == null) return;
  const village = ctx.db.prepare('SELECT name, township_id AS townshipId FROM villages WHERE id = ?').get(villageId) as
    { name: string; townshipId: number } | undefined;
  if (!village) throw missing('villageId', '所属村（社区）', villageId);
  if (!township) v.townshipId = village.townshipId;
  else if (village.townshipId !== township.id) {
    throw invalid('villageId', `所属村（社区）“${village.name}”不在所属乡镇（街道）“${township.name}”内`);
  }
}

function checkLinks(ctx: HandlerCtx, roles: PersonRole[], get: (k: string) => unknown, selfId: number | undefined) {
  const supervisorId = get('supervisorId');
  if (supervisorId != null) {
    if (!roles.includes('普查员')) throw invalid('supervisorId', '只有普查员可以指定所属普查指导员');
    if (supervisorId === selfId) throw invalid('supervisorId', '不能将本人设为自己的所属普查指导员');
    const s = ctx.db.prepare('SELECT name, status FROM people WHERE id = ?').get(supervisorId) as
      { name: string; status: string } | undefined;
    if (!s) throw missing('supervisorId', '所属普查指导员', supervisorId);
    const holds = ctx.db
      .prepare(`SELECT 1 FROM person_roles WHERE person_id = ? AND role = '普查指导员'`)
      .get(supervisorId);
    if (!holds) throw invalid('supervisorId', `${s.name}不是普查指导员，不能作为所属普查指导员`);
    if (s.status === '离岗') throw invalid('supervisorId', `${s.name}已离岗，不能作为所属普查指导员`);
  }
  if (get('agencyId') != null && !roles.includes('第三方机构人员')) {
    throw invalid('agencyId', '只有第三方机构人员可以指定所属第三方机构');
  }
}

/** Dropping a role others rely on would leave them pointing at someone who no longer holds it. */
function checkDroppedRoles(ctx: HandlerCtx, id: number, name: string, roles: PersonRole[]) {
  if (!roles.includes('普查指导员')) {
    const n = (ctx.db.prepare('SELECT count(*) AS n FROM people WHERE supervisor_id = ?').get(id) as { n: number }).n;
    if (n > 0) throw invalid('roles', `${name}仍是${n}名普查员的所属普查指导员，不能取消其“普查指导员”类别`);
  }
  for (const role of ['普查员', '普查指导员'] as const) {
    if (roles.includes(role)) continue;
    const n = (
      ctx.db
        .prepare('SELECT count(DISTINCT district_id) AS n FROM district_assignments WHERE person_id = ? AND role = ?')
        .get(id, role) as { n: number }
    ).n;
    if (n > 0) throw invalid('roles', `${name}仍在${n}个普查小区担任${role}，不能取消其“${role}”类别`);
  }
}

function checkDatesAndPay(v: Values, get: (k: string) => unknown) {
  if (get('status') === '离岗' && get('leftDate') == null) throw invalid('leftDate', '在岗状态为离岗时须填写离岗日期');
  if (get('status') === '在岗' && get('leftDate') != null) {
    if (v.leftDate != null) throw invalid('leftDate', '在岗人员不应填写离岗日期');
    // Back on duty: the old leaving date and reason no longer apply (the audit log keeps them).
    v.leftDate = null;
    v.leftReason = null;
  }
  const ordered = (from: string, to: string, message: string, path = to) => {
    const a = get(from) as string | null;
    const b = get(to) as string | null;
    if (a != null && b != null && b < a) throw invalid(path, message);
  };
  ordered('hireStart', 'hireEnd', '聘用结束日期不能早于聘用开始日期');
  ordered('hireStart', 'leftDate', '离岗日期不能早于聘用开始日期');
  ordered('insuranceStart', 'insuranceEnd', '保险截止日期不能早于保险起始日期');
  if (get('payRate') != null && get('payBasis') == null)
    throw invalid('payBasis', '填写劳务报酬标准时须同时选择报酬计算方式（元/天或元/户）');
  if (get('payBasis') != null && get('payRate') == null)
    throw invalid('payRate', '选择报酬计算方式时须同时填写劳务报酬标准');
}

function preparePerson(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const v: Values = { ...values };
  const selfId = existing?.id as number | undefined;
  const get = (k: string) => (k in v ? v[k] : existing?.[k]);
  if (v.roles) v.roles = [...new Set(v.roles as PersonRole[])];
  const roles = get('roles') as PersonRole[];

  if (v.idNumber != null) {
    checkIdNumberFree(ctx, v.idNumber as string, selfId);
    Object.assign(v, identityFromId(v.idNumber as string));
  }
  if (v.personCode != null) checkGivenCode(ctx, v.personCode as string, selfId);
  else if (existing) delete v.personCode; // an update that blanks the code keeps the one it has

  checkPlace(ctx, v, get);
  checkLinks(ctx, roles, get, selfId);
  if (existing && v.roles) checkDroppedRoles(ctx, selfId!, String(get('name')), roles);
  checkDatesAndPay(v, get);

  // Last: the clerk hears about faults in the input before being sent to fill in 单位信息.
  if (!existing && v.personCode == null) v.personCode = generatePersonCode(ctx, roles[0]);
  return v;
}

function writeRoles(id: number, values: Values, ctx: HandlerCtx) {
  const roles = values.roles as PersonRole[] | undefined;
  if (!roles) return;
  ctx.db.prepare('DELETE FROM person_roles WHERE person_id = ?').run(id);
  const insert = ctx.db.prepare('INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(id, role);
}

/** insuranceValid depends on today, so it is added per call from the caller's clock. */
const withInsurance = (ctx: HandlerCtx) => {
  const today = todayIso(ctx.now());
  return <R extends Values>(r: R) => ({
    ...r,
    insuranceValid: isInsuranceValid(r.insuranceStart as string, r.insuranceEnd as string, today),
  });
};

function leave(input: { id: number; leftDate: string; reason: string | null }, ctx: HandlerCtx) {
  const before = requireRecord(ctx.db, personDef, input.id);
  if (before.status === '离岗') {
    throw new UserError('ALREADY_LEFT', `${String(before.name)}已于${String(before.leftDate)}离岗`);
  }
  if (before.hireStart != null && input.leftDate < String(before.hireStart)) {
    throw invalid('leftDate', '离岗日期不能早于聘用开始日期');
  }
  updateRecord(ctx.db, personDef, input.id, { status: '离岗', leftDate: input.leftDate, leftReason: input.reason });
  const after = requireRecord(ctx.db, personDef, input.id);
  ctx.audit('leave', personDef.name, input.id, before, after);
  return withInsurance(ctx)(after);
}

const generated = crudHandlers(personDef, personCreate, {
  virtual: ['roles'],
  prepare: preparePerson,
  afterWrite: writeRoles,
});
type Generated = (input: never, ctx: HandlerCtx) => Values;
const decorated = (name: string) => (input: never, ctx: HandlerCtx) =>
  withInsurance(ctx)((generated[name] as Generated)(input, ctx));

export const personnelHandlers = {
  'person.create': decorated('person.create'),
  'person.get': decorated('person.get'),
  'person.update': decorated('person.update'),
  'person.list': (input: ListQuery, ctx: HandlerCtx) => {
    const { def, query, knownTotal } = personListQuery(ctx.db, input, todayIso(ctx.now()));
    const page = listRecords(ctx.db, def, query, knownTotal);
    const rows = peopleByIds(
      ctx.db,
      page.rows.map((r) => r.id as number),
    );
    return { ...page, rows: rows.map(withInsurance(ctx)) };
  },
  'person.delete': generated['person.delete'],
  'person.leave': leave,
} as unknown as AreaHandlers<typeof personnelApi>;
