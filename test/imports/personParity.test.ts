// The roster import checks new people with the personnel area's rules (backend/areas/personnel/
// rules.ts, the one copy person.create applies) against lookups prepared once, instead of going
// through person.create row by row. These tests hold the two to the same verdict and the same
// words for every rule, and to the same stored person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import type { InputOf } from '../../core/api';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
let ids: { supervisor: number; left: number; enumerator: number; village: number };
beforeEach(async () => {
  b = await countyBackend();
  const t = (await b.ok('township.list', { q: '锦屏镇' })).rows[0];
  const other = (await b.ok('township.list', { q: '巨龙镇' })).rows[0];
  await b.ok('village.create', { townshipId: t.id, code: '511323100201', name: '白鹤村' });
  const v = await b.ok('village.create', { townshipId: other.id, code: '511323101201', name: '青龙村' });
  await b.ok('agency.create', { name: '四川蜀清环境咨询有限公司', creditCode: '91350100M000100Y43' });
  const s = await b.ok('person.create', { name: '赵指导', idNumber: makeId('19700101', '111'), roles: ['普查指导员'] });
  const l = await b.ok('person.create', {
    name: '钱离岗',
    idNumber: makeId('19700202', '222'),
    roles: ['普查指导员'],
    status: '离岗',
    leftDate: '2018-06-01',
  });
  const e = await b.ok('person.create', { name: '孙普查', idNumber: makeId('19700303', '333'), roles: ['普查员'] });
  ids = { supervisor: s.id, left: l.id, enumerator: e.id, village: v.id };
});
afterEach(() => b.dispose());

const ID = makeId('19881212', '135');

/** The same person, typed (person.create input) and as a sheet row (header → cell). */
interface Case {
  what: string;
  typed: () => Record<string, unknown>;
  row: Record<string, unknown>;
}

const cases: Case[] = [
  {
    what: '人员编号 of another county',
    typed: () => ({ personCode: '51132410001' }),
    row: { 人员编号: '51132410001' },
  },
  { what: '人员编号 already used', typed: () => ({ personCode: '51132310001' }), row: { 人员编号: '51132310001' } },
  {
    what: 'village outside the township',
    typed: () => ({ townshipId: 2, villageId: ids.village }),
    row: { 负责乡镇: '锦屏镇', 所属村: '511323101201' },
  },
  {
    what: 'supervisor for someone who is not 普查员',
    typed: () => ({ roles: ['专家'], supervisorId: ids.supervisor }),
    row: { 人员类别: '专家', 所属普查指导员: '赵指导' },
  },
  {
    what: 'supervisor who is not 普查指导员',
    typed: () => ({ supervisorId: ids.enumerator }),
    row: { 所属普查指导员: makeId('19700303', '333') },
  },
  {
    what: 'supervisor who has left',
    typed: () => ({ supervisorId: ids.left }),
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

async function viaImport(row: Record<string, unknown>) {
  const cells = { 姓名: '周新', 公民身份号码: ID, 人员类别: '普查员', ...row };
  await b
    .ok('person.create', {
      name: '占号',
      idNumber: makeId('19660606', '666'),
      roles: ['普查员'],
      personCode: '51132310001',
    })
    .catch(() => undefined);
  const up = await upload(b, 'person', 'a.xlsx', sheet([Object.keys(cells), Object.values(cells)]));
  const p = await b.ok('import.preview', { importId: up.importId });
  return p.rows[0];
}

describe('the import refuses exactly what person.create refuses, in the same words', () => {
  for (const c of cases) {
    it(c.what, async () => {
      const row = await viaImport(c.row);
      const typed = await b.err('person.create', { name: '周新', idNumber: ID, roles: ['普查员'], ...c.typed() });
      expect(row.action).toBe('error');
      expect(row.errors.map((e) => e.message)).toContain(typed.message);
    });
  }

  it('and accepts what it accepts: a full row stores the same person as typing it', async () => {
    const typedInput: InputOf<'person.create'> = {
      name: '周新',
      idNumber: ID,
      roles: ['普查员', '村(居)联络员'],
      ethnicity: '汉族',
      politicalStatus: '中共党员',
      education: '大学本科',
      employer: '县统计局',
      position: '科员',
      source: '抽调',
      mobile: '13800000000',
      townshipId: 2,
      villageId: ids.village - 1,
      supervisorId: ids.supervisor,
      certNo: 'PC-001',
      certDate: '2018-03-01',
      certIssuer: '县污普办',
      hireStart: '2018-03-05',
      hireEnd: '2018-12-31',
      insuranceCompany: '人保',
      insurancePolicyNo: 'P1',
      insuranceStart: '2018-03-01',
      insuranceEnd: '2018-12-31',
      insuranceAmount: 50000000,
      bankName: '农业银行',
      bankAccount: '6228480000000000001',
      payRate: 20000,
      payBasis: '元/天',
      note: '备注',
      personCode: '51132310077',
    };
    const row = await viaImport({
      人员类别: '普查员、村（居）联络员',
      民族: '汉',
      政治面貌: '党员',
      文化程度: '本科',
      工作单位: '县统计局',
      职务: '科员',
      人员来源: '抽调',
      手机: '138 0000 0000',
      负责乡镇: '锦屏镇',
      所属村: '白鹤村',
      所属普查指导员: '赵指导',
      证件编号: 'PC-001',
      发证日期: '2018.3.1',
      发证机关: '县污普办',
      聘用日期: 43164,
      聘用结束日期: '2018年12月31日',
      保险公司: '人保',
      保单号: 'P1',
      保险起始日期: '2018/03/01',
      保险截止日期: '20181231',
      保额: '500,000.00',
      开户行: '农业银行',
      银行卡号: '6228480000000000001',
      劳务报酬标准: 200,
      报酬计算方式: '按天',
      备注: ' 备注 ',
      人员编号: '51132310077',
    });
    expect(row.action).toBe('new');
    const imported = { ...row.values };
    const snapshotBefore = b.snapshot();
    const typed = await b.ok('person.create', typedInput);
    // What the preview shows is what person.create stores (derived sex and birth date included).
    for (const [k, v] of Object.entries(imported)) expect([k, (typed as Record<string, unknown>)[k]]).toEqual([k, v]);
    expect(b.snapshot()).not.toEqual(snapshotBefore);
  });
});

describe('stored the same way', () => {
  it('an imported person reads back exactly like a typed one', async () => {
    const other = await countyBackend();
    try {
      const cells = {
        姓名: '周新',
        公民身份号码: ID,
        人员类别: '普查员',
        负责乡镇: '锦屏镇',
        手机: '13800000000',
        聘用日期: '2018-03-05',
        人员编号: '51132310077',
      };
      const up = await upload(b, 'person', 'a.xlsx', sheet([Object.keys(cells), Object.values(cells)]));
      await b.ok('import.preview', { importId: up.importId });
      await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
      const imported = (await b.ok('person.list', { q: ID })).rows[0];
      const typed = await other.ok('person.create', {
        name: '周新',
        idNumber: ID,
        roles: ['普查员'],
        townshipId: 2,
        mobile: '13800000000',
        hireStart: '2018-03-05',
        personCode: '51132310077',
      });
      const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
      expect(strip(imported)).toEqual(strip(typed));
    } finally {
      other.dispose();
    }
  });
});
