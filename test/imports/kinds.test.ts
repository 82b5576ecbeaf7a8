// Every other import kind through dispatch: townships, villages, census districts, agencies,
// contracts with nodes, budget items, training attendance. Each writes through its area's own
// handlers, so an area's rule refuses a row in the preview already (the dry run).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload, type Preview } from './helpers';
import type { preview } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend({ townships: false });
});
afterEach(() => b.dispose());

type Kind = Parameters<typeof preview>[1];
async function commit(kind: Kind, bytes: Buffer, opts: { trainingId?: number; onExisting?: 'update' | 'skip' } = {}) {
  const up = await upload(b, kind, `${kind}.xlsx`, bytes, opts.trainingId ? { trainingId: opts.trainingId } : {});
  const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
  const done = await b.ok('import.commit', {
    importId: up.importId,
    onExisting: opts.onExisting ?? 'update',
    acceptDuplicateFile: true,
  });
  return { p, done };
}
const reasons = (p: Preview) => p.errors.map((e) => [e.row, e.message]);

describe('regions', () => {
  it('townships by code; the area rules (code shape) give the row errors', async () => {
    const { p, done } = await commit(
      'township',
      sheet([
        ['乡镇（街道）代码', '乡镇（街道）名称'],
        ['511323100', '锦屏镇'],
        ['511323001', '相如街道'],
        ['51132310', '短码镇'],
      ]),
    );
    expect(done).toMatchObject({ created: 2, rejected: 1 });
    expect(reasons(p)).toEqual([[4, expect.stringMatching(/^乡镇（街道）代码/)]]);
    expect((await b.ok('township.list', {})).rows.map((t) => [t.name, t.kind])).toEqual([
      ['相如街道', '街道'],
      ['锦屏镇', '镇'],
    ]);
  });

  it("villages find their township from the code when there is no township column; a wrong prefix is the handler's refusal", async () => {
    await commit(
      'township',
      sheet([
        ['代码', '名称'],
        ['511323100', '锦屏镇'],
        ['511323101', '巨龙镇'],
      ]),
    );
    const { p, done } = await commit(
      'village',
      sheet([
        ['村（居）代码', '村（社区）名称', '所属乡镇'],
        ['511323100201', '白鹤村', null],
        ['511323101201', '青龙村', '巨龙镇'],
        ['511323100202', '双河村', '巨龙镇'],
      ]),
    );
    expect(done.created).toBe(2);
    expect(reasons(p)).toEqual([[4, '村（居）代码 511323100202 应以所属乡镇（街道）代码 511323101 开头']]);
  });

  it('census districts with their village and assigned people', async () => {
    await commit(
      'township',
      sheet([
        ['代码', '名称'],
        ['511323100', '锦屏镇'],
      ]),
    );
    await commit(
      'village',
      sheet([
        ['村（居）代码', '村（社区）名称'],
        ['511323100201', '白鹤村'],
      ]),
    );
    await b.ok('person.create', { name: '张三', idNumber: makeId('19800101', '123'), roles: ['普查员'] });
    await b.ok('person.create', { name: '李四', idNumber: makeId('19800101', '246'), roles: ['普查指导员'] });
    const { p, done } = await commit(
      'district',
      sheet([
        ['普查小区代码', '普查小区名称', '所属村（社区）', '划分依据', '名录库底册数', '普查员', '普查指导员'],
        ['511323100201001', '白鹤村第1普查小区', '白鹤村', '行政村', 12, '张三', '李四'],
        ['511323100201002', '白鹤村第2普查小区', '白鹤村', '行政村', 8, '李四', null],
      ]),
    );
    expect(done.created).toBe(1);
    expect(reasons(p)).toEqual([[3, '李四不是普查员，不能安排为本小区的普查员']]);
    const d = (await b.ok('district.list', {})).rows[0];
    expect(d).toMatchObject({ townshipName: '锦屏镇', villageName: '白鹤村', listingCount: 12 });
    expect(d.enumeratorIds).toHaveLength(1);
  });
});

describe('agencies, contracts and nodes', () => {
  beforeEach(async () => {
    await commit(
      'agency',
      sheet([
        ['机构名称', '统一社会信用代码', '联系电话'],
        ['四川蜀清环境咨询有限公司', '91350100M000100Y43', '0817-1234567'],
      ]),
    );
    const category = (await b.ok('budgetItem.list', { filters: { isCategory: true }, pageSize: 100 })).rows.find(
      (c) => c.name === '第三方技术服务费',
    )!;
    await b.ok('budgetItem.create', { parentId: category.id, name: '入户调查服务' });
  });

  it('agencies by credit code: a wrong check character is refused, a second import updates', async () => {
    const { p, done } = await commit(
      'agency',
      sheet([
        ['机构名称', '统一社会信用代码', '联系人'],
        ['四川蜀清环境咨询有限公司', '91350100M000100Y43', '王经理'],
        ['某公司', '91350100M000100Y44', null],
      ]),
    );
    expect(done).toMatchObject({ created: 0, updated: 1, rejected: 1 });
    expect(reasons(p)[0][1]).toMatch(/统一社会信用代码校验位错误/);
    expect(p.rows[0].changes).toEqual([{ field: 'contactName', label: '联系人', from: null, to: '王经理' }]);
  });

  it('a contract with its nodes on the rows under it (contract cells merged or left empty)', async () => {
    const bytes = sheet(
      [
        [
          '合同编号',
          '合同名称',
          '第三方机构',
          '采购方式',
          '服务内容',
          '合同金额（万元）',
          '支付预算科目',
          '履约节点',
          '计划完成日期',
          '应付比例',
        ],
        [
          'PA-2018-01',
          '入户调查服务',
          '91350100M000100Y43',
          '公开招标',
          '入户调查、普查清查',
          12.5,
          '入户调查服务',
          '进场',
          '2018-06-30',
          '30%',
        ],
        [null, null, null, null, null, null, null, '完成入户', '2018-09-30', 50],
        [null, null, null, null, null, null, null, '验收', '2018-12-31', 20],
        ['PA-2018-02', '质量核查', '不存在的公司', '询价', '质量评估', 1, null, '核查', '2018-10-01', 100],
      ],
      ['A2:A4', 'B2:B4'],
    );
    const { p, done } = await commit('contract', bytes);
    expect(reasons(p)).toEqual([[5, '第三方机构“不存在的公司”不存在，请先导入或新增该机构']]);
    expect(done).toMatchObject({ created: 4, rejected: 1 });
    const c = (await b.ok('contract.list', {})).rows[0];
    expect(c).toMatchObject({
      contractNo: 'PA-2018-01',
      amount: 12_500_000,
      serviceKinds: ['入户调查', '普查清查'],
      budgetItemName: '入户调查服务',
      nodeCount: 3,
    });
    const nodes = (await b.ok('contractNode.list', { filters: { contractId: c.id } })).rows;
    expect(nodes.map((n) => [n.seq, n.workContent, n.payableAmount])).toEqual([
      [1, '进场', 3_750_000],
      [2, '完成入户', 6_250_000],
      [3, '验收', 2_500_000],
    ]);
  });

  it('a node the contracts area refuses (a completion date in the future) fails alone', async () => {
    const bytes = sheet([
      ['合同编号', '合同名称', '第三方机构', '采购方式', '服务内容', '合同金额', '履约节点', '实际完成日期'],
      ['PA-1', '清查', '四川蜀清环境咨询有限公司', '询价', '普查清查', 10000, '进场', '2018-06-30'],
      ['PA-1', null, null, null, null, null, '完成', '2999-01-01'],
    ]);
    const { p, done } = await commit('contract', bytes);
    expect(reasons(p)).toEqual([[3, '实际完成日期不能晚于今天']]);
    expect(done.created).toBe(2);
  });
});

describe('budget items', () => {
  it('new categories with their items, stored items updated, amounts in 万元, unknown categories refused', async () => {
    const { p, done } = await commit(
      'budgetItem',
      sheet([
        ['类别', '科目名称', '测算依据', '预算金额（万元）', '资金来源'],
        [null, '专项调查', null, null, '县'],
        ['专项调查', '入户补贴', '50元/户×400户', 2, '县级'],
        ['人员劳务', '普查员劳动报酬', '200元/人·天×120人×30天', 72, '县'],
        ['宣传', '宣传品', null, 1, '县'],
      ]),
    );
    expect(reasons(p)).toEqual([[5, expect.stringMatching(/^类别“宣传”不存在/)]]);
    expect(p.rows.map((r) => r.action)).toEqual(['new', 'new', 'update', 'error']);
    expect(done).toMatchObject({ created: 2, updated: 1 });
    const tree = await b.ok('budget.tree', {});
    expect(
      tree.categories.find((c) => c.name === '专项调查')!.items.map((i) => [i.name, i.amount, i.fundingLevel]),
    ).toEqual([['入户补贴', 2_000_000, '县']]);
    const labour = tree.categories.find((c) => c.name === '人员劳务')!.items.find((i) => i.name === '普查员劳动报酬')!;
    expect([labour.amount, labour.basis]).toEqual([72_000_000, '200元/人·天×120人×30天']);
  });
});

describe('training attendance', () => {
  it('roster people by ID (or unique name), guests by name and unit, the grid rules per row', async () => {
    const training = await b.ok('training.create', {
      name: '清查培训',
      kind: '清查技术',
      hostLevel: '县',
      startDate: '2018-07-01',
      endDate: '2018-07-02',
    });
    const zhang = await b.ok('person.create', { name: '张三', idNumber: makeId('19800101', '123'), roles: ['普查员'] });
    await b.ok('person.create', { name: '李四', idNumber: makeId('19800101', '246'), roles: ['普查员'] });
    const bytes = sheet([
      ['姓名', '身份证号', '工作单位', '签到', '成绩', '是否合格'],
      ['张三', makeId('19800101', '123'), null, '√', 86, '合格'],
      ['李四', null, null, '√', 55, '不合格'],
      ['王镇长', null, '锦屏镇人民政府', '√', null, null],
      ['赵六', null, '县统计局', '×', 90, null],
      ['张三', makeId('19800101', '246'), null, '√', null, null],
    ]);
    const { p, done } = await commit('attendance', bytes, { trainingId: training.id });
    expect(reasons(p)).toEqual([
      [5, '未签到的人员不能有考核成绩'],
      [6, '姓名“张三”与花名册中该号码的姓名“李四”不符'],
    ]);
    expect(done.created).toBe(3);
    const rows = (await b.ok('attendance.list', { filters: { sessionId: training.id } })).rows;
    expect(rows.map((r) => [r.name, r.isGuest, r.signedIn, r.passed])).toEqual([
      ['张三', false, true, true],
      ['李四', false, true, false],
      ['王镇长', true, true, null],
    ]);
    expect((await b.ok('person.get', { id: zhang.id })).trainingStatus).toBe('考核合格');
  });

  it('needs the training session', async () => {
    const e = await b.err('import.upload', {
      kind: 'attendance',
      fileName: 'a.xlsx',
      contentBase64: sheet([['姓名'], ['张三']]).toString('base64'),
    });
    expect(e).toMatchObject({ code: 'TRAINING_REQUIRED' });
  });
});

describe('the kinds and their columns', () => {
  it('lists every kind with its fields for the mapping step', async () => {
    const kinds = await b.ok('import.kinds', {});
    expect(kinds.map((k) => k.kind)).toEqual([
      'person',
      'township',
      'village',
      'district',
      'agency',
      'contract',
      'budgetItem',
      'attendance',
      'archive',
      'problem',
      'groupMember',
      'publicity',
      'device',
    ]);
    const person = kinds[0];
    expect(person.fields.find((f) => f.key === 'idNumber')).toMatchObject({
      label: '公民身份号码',
      required: true,
      synonyms: expect.arrayContaining(['身份证号码', '证件号码']),
    });
  });
});
