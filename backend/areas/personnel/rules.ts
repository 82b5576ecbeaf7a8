// The rules a person must satisfy beyond the schema (domain.md §3), written once: person.create and
// person.update ask the store one question per fact (dbPersonFacts), the roster import answers the
// same questions from lookups it prepared once for the whole sheet. Every fault is returned, in the
// order the form reports them; person.create/update refuse with the first.
import type { PersonRole } from '../../../core/enums';
import { UserError } from '../../../db/errors';
import type { Values } from '../crud';
import { ageIssues } from '../../../core/workingAge';
import { pledgeIssues } from '../../../core/pledge';

export interface PersonIssue {
  code: 'INVALID_INPUT' | 'BAD_REFERENCE' | 'DUPLICATE' | 'NO_OFFICE_PROFILE';
  /** The input key the fault concerns (townshipId, leftDate…). */
  path: string;
  message: string;
  /** A shorter message beside the field, when it differs. */
  note?: string;
}

export interface Named {
  id: number;
  name: string;
}

export interface SupervisorFacts {
  name: string;
  holdsRole: boolean;
  status: string;
}

/** What the rules need to know from the store. */
export interface PersonFacts {
  /** The county code of 单位信息, null without a profile. */
  readonly countyCode: string | null;
  /** Who holds this ID, in either form (a 15-digit ID and its 18-digit form are one person): their stored ID too. */
  idNumberOwner(idNumber: string): (Named & { personCode: string; idNumber?: string }) | undefined;
  codeOwner(personCode: string): Named | undefined;
  township(id: number): Named | undefined;
  village(id: number): { name: string; townshipId: number } | undefined;
  supervisor(id: number): SupervisorFacts | undefined;
  /** For an update that drops a role: how many rely on the person holding it. */
  superviseeCount(personId: number): number;
  districtCount(personId: number, role: '普查员' | '普查指导员'): number;
}

export const NO_OFFICE = '尚未填写单位信息，无法生成人员编号：请先在“单位信息”中填写县级区划代码，或手工填写人员编号';

const invalid = (path: string, message: string): PersonIssue => ({ code: 'INVALID_INPUT', path, message });
const missing = (path: string, label: string, id: unknown): PersonIssue => ({
  code: 'BAD_REFERENCE',
  path,
  message: `${label}不存在（编号 ${String(id)}）`,
});

/** A fault as the API reports it. */
export const issueError = (i: PersonIssue) =>
  new UserError(i.code, i.message, [{ path: i.path, message: i.note ?? i.message }]);

/** Why no 人员编号 can be generated: no county code, or every sequence of the prefix is taken. */
export function codeUnavailable(countyCode: string | null, prefix: string | null): PersonIssue {
  if (!countyCode || !prefix)
    return {
      code: 'NO_OFFICE_PROFILE',
      path: 'personCode',
      message: NO_OFFICE,
      note: '请先填写单位信息，或手工填写人员编号',
    };
  return invalid('personCode', `以 ${prefix} 开头的人员编号已全部用完，请手工填写人员编号`);
}

/** Said to callers who may not reveal: the number is taken, not by whom (that would confirm whose it is). */
export const ID_TAKEN_UNNAMED = '已登记在其他人员名下（当前角色无权查看是谁；如需核对，请联系管理员）';

function idNumberIssues(
  idNumber: string,
  facts: PersonFacts,
  selfId: number | undefined,
  nameHolder: boolean,
): PersonIssue[] {
  const other = facts.idNumberOwner(idNumber);
  if (!other || other.id === selfId) return [];
  if (!nameHolder)
    return [{ code: 'DUPLICATE', path: 'idNumber', message: `公民身份号码 ${idNumber} ${ID_TAKEN_UNNAMED}` }];
  const message =
    other.idNumber && other.idNumber !== idNumber
      ? `公民身份号码 ${idNumber} 与${other.name}（人员编号 ${other.personCode}）登记的${other.idNumber.length}位号码属于同一人，此人已登记`
      : `公民身份号码 ${idNumber} 已登记为${other.name}（人员编号 ${other.personCode}）`;
  return [{ code: 'DUPLICATE', path: 'idNumber', message }];
}

function givenCodeIssues(code: string, facts: PersonFacts, selfId: number | undefined): PersonIssue[] {
  const county = facts.countyCode;
  if (county && !code.startsWith(county))
    return [invalid('personCode', `人员编号 ${code} 应以本县区划代码 ${county} 开头`)];
  const other = facts.codeOwner(code);
  if (!other || other.id === selfId) return [];
  return [
    {
      code: 'DUPLICATE',
      path: 'personCode',
      message: `人员编号 ${code} 已被${other.name}使用`,
      note: '人员编号已被使用',
    },
  ];
}

/** The village must lie in the township; a village alone fills in its township. */
function placeIssues(v: Values, get: (k: string) => unknown, facts: PersonFacts): PersonIssue[] {
  const townshipId = get('townshipId');
  const villageId = get('villageId');
  let township: Named | undefined;
  if (townshipId != null) {
    township = facts.township(Number(townshipId));
    if (!township) return [missing('townshipId', '所属乡镇（街道）', townshipId)];
  }
  if (villageId == null) return [];
  const village = facts.village(Number(villageId));
  if (!village) return [missing('villageId', '所属村（社区）', villageId)];
  if (!township) v.townshipId = village.townshipId;
  else if (village.townshipId !== township.id)
    return [invalid('villageId', `所属村（社区）“${village.name}”不在所属乡镇（街道）“${township.name}”内`)];
  return [];
}

/** 所属普查指导员 and 所属第三方机构 go with the roles that have them. */
export function linkIssues(
  roles: readonly string[],
  supervisorId: unknown,
  supervisor: SupervisorFacts | undefined,
  agencyId: unknown,
  selfId?: number,
): PersonIssue[] {
  const out: PersonIssue[] = [];
  if (supervisorId != null) {
    const fault = !roles.includes('普查员')
      ? invalid('supervisorId', '只有普查员可以指定所属普查指导员')
      : supervisorId === selfId
        ? invalid('supervisorId', '不能将本人设为自己的所属普查指导员')
        : !supervisor
          ? missing('supervisorId', '所属普查指导员', supervisorId)
          : !supervisor.holdsRole
            ? invalid('supervisorId', `${supervisor.name}不是普查指导员，不能作为所属普查指导员`)
            : supervisor.status === '离岗'
              ? invalid('supervisorId', `${supervisor.name}已离岗，不能作为所属普查指导员`)
              : null;
    if (fault) out.push(fault);
  }
  if (agencyId != null && !roles.includes('第三方机构人员'))
    out.push(invalid('agencyId', '只有第三方机构人员可以指定所属第三方机构'));
  return out;
}

/** Dropping a role others rely on would leave them pointing at someone who no longer holds it. */
function droppedRoleIssues(id: number, name: string, roles: PersonRole[], facts: PersonFacts): PersonIssue[] {
  if (!roles.includes('普查指导员')) {
    const n = facts.superviseeCount(id);
    if (n > 0) return [invalid('roles', `${name}仍是${n}名普查员的所属普查指导员，不能取消其“普查指导员”类别`)];
  }
  for (const role of ['普查员', '普查指导员'] as const) {
    if (roles.includes(role)) continue;
    const n = facts.districtCount(id, role);
    if (n > 0) return [invalid('roles', `${name}仍在${n}个普查小区担任${role}，不能取消其“${role}”类别`)];
  }
  return [];
}

function dateAndPayIssues(v: Values, get: (k: string) => unknown): PersonIssue[] {
  const out: PersonIssue[] = [];
  if (get('status') === '离岗' && get('leftDate') == null)
    out.push(invalid('leftDate', '在岗状态为离岗时须填写离岗日期'));
  if (get('status') === '在岗' && get('leftDate') != null) {
    if (v.leftDate != null) out.push(invalid('leftDate', '在岗人员不应填写离岗日期'));
    else {
      // Back on duty: the old leaving date and reason no longer apply (the audit log keeps them).
      v.leftDate = null;
      v.leftReason = null;
    }
  }
  const ordered = (from: string, to: string, message: string) => {
    const a = get(from) as string | null;
    const b = get(to) as string | null;
    if (a != null && b != null && b < a) out.push(invalid(to, message));
  };
  ordered('hireStart', 'hireEnd', '聘用结束日期不能早于聘用开始日期');
  ordered('hireStart', 'leftDate', '离岗日期不能早于聘用开始日期');
  ordered('insuranceStart', 'insuranceEnd', '保险截止日期不能早于保险起始日期');
  for (const i of ageIssues(get)) out.push(invalid(i.path, i.message));
  if (get('payRate') != null && get('payBasis') == null)
    out.push(invalid('payBasis', '填写劳务报酬标准时须同时选择报酬计算方式（元/天或元/户）'));
  if (get('payBasis') != null && get('payRate') == null)
    out.push(invalid('payRate', '选择报酬计算方式时须同时填写劳务报酬标准'));
  return out;
}

/**
 * Every fault of a person being created (no `existing`) or updated (`existing`: the stored record,
 * `v`: the fields that change). `v` is completed on the way: the township from the village, a return
 * to duty clears the leaving date. Sex and birth date come from the ID (identityFromId, which the
 * caller applies: the import has it already) and a 人员编号 left empty is generated by
 * PersonCodeAllocator, neither here.
 */
export function personIssues(
  v: Values,
  facts: PersonFacts,
  existing?: Values,
  /** Name the holder of a number already registered: only to callers who may reveal (default: not). */
  opts: { nameHolder?: boolean } = {},
): PersonIssue[] {
  const selfId = existing?.id as number | undefined;
  const get = (k: string) => (k in v ? v[k] : existing?.[k]);
  const roles = get('roles') as PersonRole[];
  const out: PersonIssue[] = [];
  if (v.idNumber != null) out.push(...idNumberIssues(v.idNumber as string, facts, selfId, opts.nameHolder ?? false));
  if (v.personCode != null) out.push(...givenCodeIssues(v.personCode as string, facts, selfId));
  out.push(...placeIssues(v, get, facts));
  const supervisorId = get('supervisorId');
  const supervisor = supervisorId == null ? undefined : facts.supervisor(Number(supervisorId));
  out.push(...linkIssues(roles, supervisorId, supervisor, get('agencyId'), selfId));
  if (existing && v.roles) out.push(...droppedRoleIssues(selfId!, String(get('name')), roles, facts));
  out.push(...dateAndPayIssues(v, get));
  for (const i of pledgeIssues(v, get)) out.push(invalid(i.path, i.message));
  return out;
}
