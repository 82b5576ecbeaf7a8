// The roster import checks new people with the personnel area's rules (backend/areas/personnel/
// rules.ts, the one copy person.create applies) against lookups prepared once, instead of going
// through person.create row by row. These tests hold the two to the same verdict and the same
// words for every rule, and to the same stored person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import type { InputOf } from '../../core/api';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';
import { CODE_HOLDER, RULE_CASES, ruleCounty, type RuleIds } from './personRules';

let b: TestBackend;
let ids: RuleIds;
beforeEach(async () => {
  ({ b, ids } = await ruleCounty({ codeHolder: false }));
});
afterEach(() => b.dispose());

const ID = makeId('19881212', '135');

async function viaImport(row: Record<string, unknown>) {
  const cells = { 姓名: '周新', 公民身份号码: ID, 人员类别: '普查员', ...row };
  await b.ok('person.create', CODE_HOLDER).catch(() => undefined);
  const up = await upload(b, 'person', 'a.xlsx', sheet([Object.keys(cells), Object.values(cells)]));
  const p = await b.ok('import.preview', { importId: up.importId });
  return p.rows[0];
}

describe('the import refuses exactly what person.create refuses, in the same words', () => {
  for (const c of RULE_CASES) {
    it(c.what, async () => {
      const row = await viaImport(c.row);
      const typed = await b.err('person.create', { name: '周新', idNumber: ID, roles: ['普查员'], ...c.typed(ids) });
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
