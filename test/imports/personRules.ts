// Shared by the person parity tests (personParity: new people, updateParity: stored people updated):
// the county both start from, and the person rules each holds the import to, as a typed input
// (person.create / person.update) and as the sheet row that should be refused the same way.
import type { TestBackend } from '../helpers/backend';
import type { InputOf } from '../../core/api';
import { countyBackend } from './helpers';
import { makeId } from './make';

export interface RuleIds {
  supervisor: number;
  left: number;
  enumerator: number;
  village: number;
}

/** The person holding 人员编号 51132310001 (the 'already used' case). */
export const CODE_HOLDER: InputOf<'person.create'> = {
  name: '占号',
  idNumber: makeId('19660606', '666'),
  roles: ['普查员'],
  personCode: '51132310001',
};

/**
 * A county with 白鹤村 (锦屏镇) and 青龙村 (巨龙镇), an agency, a 普查指导员, one who has left, and a
 * 普查员; with the code holder first when `codeHolder` is set.
 */
export async function ruleCounty(opts: { codeHolder: boolean }): Promise<{
  b: TestBackend;
  ids: RuleIds;
  townshipId: number;
}> {
  const b = await countyBackend();
  const t = (await b.ok('township.list', { q: '锦屏镇' })).rows[0];
  const other = (await b.ok('township.list', { q: '巨龙镇' })).rows[0];
  await b.ok('village.create', { townshipId: t.id, code: '511323100201', name: '白鹤村' });
  const v = await b.ok('village.create', { townshipId: other.id, code: '511323101201', name: '青龙村' });
  await b.ok('agency.create', { name: '四川蜀清环境咨询有限公司', creditCode: '91350100M000100Y43' });
  if (opts.codeHolder) await b.ok('person.create', CODE_HOLDER);
  const s = await b.ok('person.create', { name: '赵指导', idNumber: makeId('19700101', '111'), roles: ['普查指导员'] });
  const l = await b.ok('person.create', {
    name: '钱离岗',
    idNumber: makeId('19700202', '222'),
    roles: ['普查指导员'],
    status: '离岗',
    leftDate: '2018-06-01',
  });
  const e = await b.ok('person.create', { name: '孙普查', idNumber: makeId('19700303', '333'), roles: ['普查员'] });
  return { b, ids: { supervisor: s.id, left: l.id, enumerator: e.id, village: v.id }, townshipId: t.id };
}

/** One rule: the typed input (beside name, ID number and roles) and the sheet row (header → cell). */
export interface RuleCase {
  what: string;
  typed: (ids: RuleIds) => Record<string, unknown>;
  row: Record<string, unknown>;
}

export const RULE_CASES: RuleCase[] = [
  {
    what: '人员编号 of another county',
    typed: () => ({ personCode: '51132410001' }),
    row: { 人员编号: '51132410001' },
  },
  { what: '人员编号 already used', typed: () => ({ personCode: '51132310001' }), row: { 人员编号: '51132310001' } },
  {
    what: 'village outside the township',
    typed: (ids) => ({ townshipId: 2, villageId: ids.village }),
    row: { 负责乡镇: '锦屏镇', 所属村: '511323101201' },
  },
  {
    what: 'supervisor for someone who is not 普查员',
    typed: (ids) => ({ roles: ['专家'], supervisorId: ids.supervisor }),
    row: { 人员类别: '专家', 所属普查指导员: '赵指导' },
  },
  {
    what: 'supervisor who is not 普查指导员',
    typed: (ids) => ({ supervisorId: ids.enumerator }),
    row: { 所属普查指导员: makeId('19700303', '333') },
  },
  {
    what: 'supervisor who has left',
    typed: (ids) => ({ supervisorId: ids.left }),
    row: { 所属普查指导员: makeId('19700202', '222') },
  },
  {
    what: 'agency for someone who is not 第三方机构人员',
    typed: () => ({ agencyId: 1 }),
    row: { 所属第三方机构: '四川蜀清环境咨询有限公司' },
  },
  { what: '离岗 without a date', typed: () => ({ status: '离岗' }), row: { 在岗状态: '离岗' } },
  { what: '在岗 with a leaving date', typed: () => ({ leftDate: '2018-06-01' }), row: { 离岗日期: '2018-06-01' } },
  {
    what: 'hire end before start',
    typed: () => ({ hireStart: '2018-06-01', hireEnd: '2018-05-01' }),
    row: { 聘用开始日期: '2018-06-01', 聘用结束日期: '2018-05-01' },
  },
  {
    what: 'left before hired',
    typed: () => ({ status: '离岗', hireStart: '2018-06-01', leftDate: '2018-05-01' }),
    row: { 在岗状态: '离岗', 聘用开始日期: '2018-06-01', 离岗日期: '2018-05-01' },
  },
  {
    what: 'insurance end before start',
    typed: () => ({ insuranceStart: '2018-06-01', insuranceEnd: '2018-05-01' }),
    row: { 保险起始日期: '2018-06-01', 保险截止日期: '2018-05-01' },
  },
  { what: 'pay rate without its basis', typed: () => ({ payRate: 20000 }), row: { 劳务报酬标准: 200 } },
  { what: 'pay basis without a rate', typed: () => ({ payBasis: '元/天' }), row: { 报酬计算方式: '元/天' } },
  { what: 'an unknown ethnic group', typed: () => ({ ethnicity: '火星族' }), row: { 民族: '火星族' } },
];
