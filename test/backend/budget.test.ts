import { describe, expect, it } from 'vitest';
import { percent } from '../../core/money';
import { DEFAULT_BUDGET } from '../../db/schema/budget';
import { tempBackend } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import { itemNamed, refusedOn, setOffice } from './budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const refused = (method: string, input: unknown) => refusedOn(b, method, input);

describe('the seeded budget tree', () => {
  it('starts a new workspace with the default categories and items of domain.md §5, all at 0', async () => {
    const tree = await b.ok('budget.tree', {});
    expect(tree.categories.map((c) => c.name)).toEqual(DEFAULT_BUDGET.map((c) => c.name));
    expect(tree.categories.map((c) => c.name)).toEqual([
      '人员劳务',
      '补助',
      '保险',
      '培训费',
      '宣传费',
      '印刷费',
      '设备购置/租赁',
      '第三方技术服务费',
      '数据处理',
      '质量核查费',
      '档案整理费',
      '差旅费/会议费',
      '办公费',
      '其他',
    ]);
    expect(tree.categories[0].items.map((i) => i.name)).toEqual([
      '普查员劳动报酬',
      '普查指导员劳动报酬',
      '联络员补助',
      '专家咨询费',
    ]);
    expect(tree.categories[1].items.map((i) => i.name)).toEqual(['交通补助', '通讯补助', '误餐补助']);
    expect(tree.categories[2].items.map((i) => i.name)).toEqual(['人身意外伤害保险']);
    expect(tree.categories[3].items).toEqual([]);
    for (const c of tree.categories)
      expect(c).toMatchObject({ amount: 0, year: null, budget: 0, isCategory: true, executionRate: null });
    expect(tree.total).toEqual({ budget: 0, allocated: 0, spent: 0, balance: 0, executionRate: null });
  });

  it('does not seed when asked not to', async () => {
    const bare = tempBackend({ seed: false });
    try {
      expect((await bare.ok('budget.tree', {})).categories).toEqual([]);
    } finally {
      bare.dispose();
    }
  });
});

describe('budget items', () => {
  it('creates an item whose amount follows 单价 × 数量 × 次数, reads, updates, lists and deletes it', async () => {
    const cat = await itemNamed(b, '人员劳务');
    const item = await b.ok('budgetItem.create', {
      parentId: cat.id,
      year: 2018,
      name: ' 村级联络员补助 ',
      basis: '200元/人·天×120人×30天',
      unitPrice: 20000,
      quantity: 120,
      unit: '人·天',
      times: 30,
      fundingLevel: '县',
      approvalNo: '蓬财〔2018〕12号',
    });
    expect(item).toMatchObject({
      name: '村级联络员补助',
      amount: 72_000_000,
      budget: 72_000_000,
      parentName: '人员劳务',
      isCategory: false,
      sortOrder: 50,
      balance: 72_000_000,
      executionRate: 0,
    });
    expect(await b.ok('budgetItem.get', { id: item.id })).toEqual(item);

    const fewer = await b.ok('budgetItem.update', { id: item.id, quantity: 100 });
    expect(fewer.amount).toBe(60_000_000);
    const typed = await b.ok('budgetItem.update', { id: item.id, amount: 59_999_900, note: '财政核减' });
    expect(typed.amount).toBe(59_999_900);
    const untouched = await b.ok('budgetItem.update', { id: item.id, note: null });
    expect(untouched.amount).toBe(59_999_900);

    const category = await b.ok('budgetItem.get', { id: cat.id });
    expect(category).toMatchObject({ budget: 59_999_900, itemCount: 5, amount: 0 });

    expect((await b.ok('budgetItem.list', { q: '联络员' })).rows.map((r) => r.name)).toEqual([
      '联络员补助',
      '村级联络员补助',
    ]);
    expect((await b.ok('budgetItem.list', { q: '人·天' })).total).toBe(1);
    expect((await b.ok('budgetItem.list', { filters: { parentId: cat.id } })).total).toBe(5);
    expect((await b.ok('budgetItem.list', { filters: { isCategory: true } })).total).toBe(14);
    expect((await b.ok('budgetItem.list', { filters: { isCategory: false } })).total).toBe(9);
    expect((await b.ok('budgetItem.list', { filters: { year: 2018 } })).rows.map((r) => r.id)).toEqual([item.id]);
    expect((await b.ok('budgetItem.list', { filters: { fundingLevel: '县' } })).rows.map((r) => r.id)).toEqual([
      item.id,
    ]);
    expect((await b.ok('budgetItem.list', { filters: { fundingLevel: '省' } })).total).toBe(0);
    const byBudget = await b.ok('budgetItem.list', { sort: { field: 'budget', dir: 'desc' }, pageSize: 2 });
    expect(byBudget.rows.map((r) => r.budget)).toEqual([59_999_900, 59_999_900]);

    expect(await b.ok('budgetItem.delete', { id: item.id })).toEqual({ id: item.id });
    expect((await b.err('budgetItem.get', { id: item.id })).message).toBe(`预算科目不存在（编号 ${item.id}）`);
  });

  it('keeps the tree at two levels and category amounts as 小计', async () => {
    const cat = await itemNamed(b, '人员劳务');
    const leaf = await itemNamed(b, '专家咨询费');
    let e = await refused('budgetItem.create', { parentId: leaf.id, name: '院士咨询费' });
    expect(e.message).toBe('“专家咨询费”是明细科目，不能再下设科目（预算科目只有类别和明细科目两级）');
    expect(e.issues[0].path).toBe('parentId');
    e = await refused('budgetItem.create', { parentId: 999, name: 'X' });
    expect(e).toMatchObject({ code: 'BAD_REFERENCE', message: '上级类别不存在（编号 999）' });
    e = await refused('budgetItem.update', { id: cat.id, amount: 100 });
    expect(e.message).toBe('类别“人员劳务”的预算金额是其明细科目的小计，不能直接填写');
    e = await refused('budgetItem.update', { id: cat.id, parentId: (await itemNamed(b, '补助')).id });
    expect(e.message).toBe('类别“人员劳务”下设有明细科目，不能改为其他类别的明细科目');
    e = await refused('budgetItem.update', { id: cat.id, parentId: cat.id });
    expect(e.message).toBe('上级类别不能是科目本身');
    e = await refused('budgetItem.create', { parentId: cat.id, name: '专家咨询费' });
    expect(e).toMatchObject({ code: 'DUPLICATE', message: '类别“人员劳务”下已有同名的明细科目“专家咨询费”' });
    e = await refused('budgetItem.create', { name: '培训费' });
    expect(e.message).toBe('已有同名的类别“培训费”');
    // The same name in another budget year is another line.
    const next = await b.ok('budgetItem.create', { parentId: cat.id, name: '专家咨询费', year: 2019 });
    expect(next.year).toBe(2019);
  });

  it('refuses to split a category that already holds money directly, saying what it holds', async () => {
    const training = await itemNamed(b, '培训费');
    await b.ok('budgetItem.update', { id: training.id, amount: 500_000 });
    await b.ok('allocation.create', { budgetItemId: training.id, date: '2018-04-01', amount: 200_000 });
    await b.ok('expenditure.create', {
      budgetItemId: training.id,
      date: '2018-04-02',
      amount: 100_000,
      summary: '场地费',
    });
    const e = await refused('budgetItem.create', { parentId: training.id, name: '讲课费' });
    expect(e.message).toBe(
      '类别“培训费”已直接记有预算金额 5,000.00 元、1 条经费到位、1 条支出，不能再下设明细科目；请先将其转到明细科目',
    );
    const t = await b.ok('budgetItem.get', { id: training.id });
    expect(t).toMatchObject({
      budget: 500_000,
      allocated: 200_000,
      spent: 100_000,
      balance: 400_000,
      executionRate: 20,
    });
  });

  it('refuses deleting a category with items and an item with expenditures, naming 支出', async () => {
    const cat = await itemNamed(b, '保险');
    let e = await refused('budgetItem.delete', { id: cat.id });
    expect(e).toMatchObject({
      code: 'IN_USE',
      message: '无法删除类别“保险”：其下还有 1 个明细科目，请先删除或移走这些明细科目',
    });
    const item = await itemNamed(b, '人身意外伤害保险');
    await b.ok('expenditure.create', { budgetItemId: item.id, date: '2018-05-01', amount: 12_000, summary: '意外险' });
    e = await refused('budgetItem.delete', { id: item.id });
    expect(e).toMatchObject({ code: 'IN_USE', message: '无法删除预算科目：仍有1 条支出引用它，请先处理这些记录' });
  });

  it('rejects bad input with the field named in Chinese', async () => {
    const cat = await itemNamed(b, '补助');
    const cases: [unknown, string][] = [
      [{ parentId: cat.id }, '科目名称不能为空'],
      [{ name: 'X', amount: '100' }, '预算金额应为金额（以分为单位的整数）'],
      [{ name: 'X', amount: 1.5 }, '预算金额应为以分为单位的整数'],
      [{ name: 'X', amount: -1 }, '预算金额不能为负数'],
      [{ name: 'X', fundingLevel: '乡' }, '资金来源应为以下之一：中央、省、市、县'],
      [{ name: 'X', year: 1990 }, '年度不能小于2000'],
      [{ name: 'X', parentId: 'abc' }, '上级类别应为有效的编号'],
      [{ name: 'X', colour: 'red' }, '无法识别的字段：colour'],
    ];
    for (const [input, message] of cases) {
      const e = await refused('budgetItem.create', input);
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toBe(message);
    }
  });
});

describe('allocations and expenditures', () => {
  it('records allocations and expenditures, and item and category figures follow', async () => {
    const cat = await itemNamed(b, '补助');
    const traffic = await itemNamed(b, '交通补助');
    const phone = await itemNamed(b, '通讯补助');
    await b.ok('budgetItem.update', { id: traffic.id, amount: 100_000 });
    await b.ok('budgetItem.update', { id: phone.id, amount: 60_000 });

    const a = await b.ok('allocation.create', {
      budgetItemId: traffic.id,
      date: '2018.4.1',
      amount: 50_000,
      source: '县',
      docNo: '蓬财预〔2018〕8号',
    });
    expect(a).toMatchObject({
      date: '2018-04-01',
      budgetItemName: '交通补助',
      categoryId: cat.id,
      categoryName: '补助',
    });
    expect(await b.ok('allocation.get', { id: a.id })).toEqual(a);
    await b.ok('allocation.create', { budgetItemId: phone.id, date: '2018-06-01', amount: 60_000, source: '市' });
    const moved = await b.ok('allocation.update', { id: a.id, amount: 40_000 });
    expect(moved.amount).toBe(40_000);

    const e1 = await b.ok('expenditure.create', {
      budgetItemId: traffic.id,
      date: '2018-04-20',
      amount: 30_000,
      summary: '4月交通补助',
      payee: '普查员',
      voucherNo: '记-0412',
    });
    expect(e1).toMatchObject({
      kind: '其他',
      contractNodeId: null,
      payRunId: null,
      trainingId: null,
      categoryName: '补助',
    });
    await b.ok('expenditure.create', { budgetItemId: phone.id, date: '2018-06-20', amount: 7_500, summary: '通讯费' });

    const t = await b.ok('budgetItem.get', { id: traffic.id });
    expect(t).toMatchObject({ budget: 100_000, allocated: 40_000, spent: 30_000, balance: 70_000, executionRate: 30 });
    const c = await b.ok('budgetItem.get', { id: cat.id });
    expect(c).toMatchObject({ budget: 160_000, allocated: 100_000, spent: 37_500, balance: 122_500 });
    expect(c.executionRate).toBe(percent(37_500, 160_000));
    expect(c.executionRate).toBe(23.4);

    const tree = await b.ok('budget.tree', {});
    expect(tree.total).toEqual({
      budget: 160_000,
      allocated: 100_000,
      spent: 37_500,
      balance: 122_500,
      executionRate: 23.4,
    });
    expect(tree.categories.find((x) => x.id === cat.id)?.items.find((i) => i.id === traffic.id)?.spent).toBe(30_000);

    // Allocation list: each filter and the search.
    const ids = async (input: object) => (await b.ok('allocation.list', input)).rows.map((r) => r.amount);
    expect(await ids({ filters: { budgetItemId: traffic.id } })).toEqual([40_000]);
    expect(await ids({ filters: { categoryId: cat.id } })).toEqual([60_000, 40_000]);
    expect(await ids({ filters: { source: '市' } })).toEqual([60_000]);
    expect(await ids({ filters: { dateFrom: '2018-05-01' } })).toEqual([60_000]);
    expect(await ids({ filters: { dateTo: '2018-05-01' } })).toEqual([40_000]);
    expect(await ids({ q: '蓬财预' })).toEqual([40_000]);
    expect(await ids({ sort: { field: 'amount', dir: 'asc' } })).toEqual([40_000, 60_000]);

    // Expenditure list: each filter and the search.
    const amounts = async (input: object) => (await b.ok('expenditure.list', input)).rows.map((r) => r.amount);
    expect(await amounts({ filters: { budgetItemId: phone.id } })).toEqual([7_500]);
    expect(await amounts({ filters: { categoryId: cat.id } })).toEqual([7_500, 30_000]);
    expect(await amounts({ filters: { kind: '其他' } })).toEqual([7_500, 30_000]);
    expect(await amounts({ filters: { kind: '合同付款' } })).toEqual([]);
    expect(await amounts({ filters: { dateFrom: '2018-05-01', dateTo: '2018-06-30' } })).toEqual([7_500]);
    expect(await amounts({ q: '记-04' })).toEqual([30_000]);
    expect(await amounts({ q: '通讯' })).toEqual([7_500]);

    // Overspent and under-allocated lines (dashboard checks).
    await b.ok('expenditure.create', { budgetItemId: traffic.id, date: '2018-07-01', amount: 80_000, summary: '补发' });
    const over = await b.ok('budgetItem.list', { filters: { overspent: true } });
    expect(over.rows.map((r) => r.name)).toEqual(['交通补助']); // 补助 as a whole: 1,175.00 of 1,600.00
    const under = await b.ok('budgetItem.list', { filters: { underAllocated: true, isCategory: false } });
    expect(under.rows.map((r) => r.name)).toEqual(['交通补助']);
    expect((await b.ok('budgetItem.list', { filters: { overspent: false } })).total).toBe(21); // 14 categories + 8 items − 1

    const u = await b.ok('expenditure.update', { id: e1.id, summary: '4月交通补助（更正）', amount: 31_000 });
    expect(u).toMatchObject({ summary: '4月交通补助（更正）', amount: 31_000 });
    expect(await b.ok('expenditure.delete', { id: e1.id })).toEqual({ id: e1.id });
    expect(await b.ok('allocation.delete', { id: a.id })).toEqual({ id: a.id });
    expect((await b.ok('budgetItem.get', { id: traffic.id })).spent).toBe(80_000);
  });

  it('rounds the execution rate half up to one decimal, exactly as percent() does', async () => {
    const item = await itemNamed(b, '误餐补助');
    await b.ok('budgetItem.update', { id: item.id, amount: 2_000 });
    await b.ok('expenditure.create', { budgetItemId: item.id, date: '2018-05-01', amount: 3, summary: '误餐' });
    expect((await b.ok('budgetItem.get', { id: item.id })).executionRate).toBe(0.2); // 0.15% → 0.2
    await b.ok('budgetItem.update', { id: item.id, amount: 8 });
    expect((await b.ok('budgetItem.get', { id: item.id })).executionRate).toBe(37.5);
    await b.ok('budgetItem.update', { id: item.id, amount: 0 });
    expect((await b.ok('budgetItem.get', { id: item.id })).executionRate).toBeNull();
  });

  it('books money only on leaves and links an expenditure to a training session', async () => {
    const cat = await itemNamed(b, '人员劳务');
    let e = await refused('allocation.create', { budgetItemId: cat.id, date: '2018-04-01', amount: 1 });
    expect(e.message).toBe('“人员劳务”是类别，下设 4 个明细科目，请选择具体的明细科目');
    expect(e.issues[0].path).toBe('budgetItemId');
    e = await refused('expenditure.create', { budgetItemId: cat.id, date: '2018-04-01', amount: 1, summary: 'x' });
    expect(e.message).toBe('“人员劳务”是类别，下设 4 个明细科目，请选择具体的明细科目');
    e = await refused('expenditure.create', { budgetItemId: 999, date: '2018-04-01', amount: 1, summary: 'x' });
    expect(e).toMatchObject({ code: 'BAD_REFERENCE', message: '预算科目不存在（编号 999）' });

    const training = await itemNamed(b, '培训费');
    e = await refused('expenditure.create', {
      budgetItemId: training.id,
      date: '2018-07-01',
      amount: 1,
      summary: 'x',
      trainingId: 999,
    });
    expect(e).toMatchObject({ code: 'BAD_REFERENCE', message: '培训班不存在（编号 999）' });
    const session = await b.ok('training.create', {
      name: '入户调查培训班',
      kind: '入户调查技术规定',
      hostLevel: '县',
      startDate: '2018-07-10',
      endDate: '2018-07-11',
    });
    const x = await b.ok('expenditure.create', {
      budgetItemId: training.id,
      date: '2018-07-12',
      amount: 800_000,
      summary: '培训场地及资料',
      trainingId: session.id,
    });
    expect(x.kind).toBe('培训经费');
    expect((await b.ok('expenditure.list', { filters: { trainingId: session.id } })).rows.map((r) => r.id)).toEqual([
      x.id,
    ]);
    expect((await b.ok('expenditure.list', { filters: { kind: '培训经费' } })).total).toBe(1);
    // A training expenditure is an ordinary one: it can be corrected where it is.
    expect((await b.ok('expenditure.update', { id: x.id, amount: 750_000 })).amount).toBe(750_000);
  });

  it('rejects bad allocation and expenditure input with the field named', async () => {
    const item = await itemNamed(b, '通讯补助');
    const cases: [string, unknown, string][] = [
      ['allocation.create', { budgetItemId: item.id, date: '2018-04-01', amount: 0 }, '到位金额应大于0'],
      ['allocation.create', { budgetItemId: item.id, amount: 10 }, '到位日期不能为空'],
      [
        'allocation.create',
        { budgetItemId: item.id, date: '2018-02-30', amount: 10 },
        '到位日期不是有效日期：2018-02-30',
      ],
      [
        'allocation.create',
        { budgetItemId: item.id, date: '2018-04-01', amount: 10, source: '乡' },
        '资金来源应为以下之一：中央、省、市、县',
      ],
      ['allocation.create', { date: '2018-04-01', amount: 10 }, '预算科目不能为空'],
      ['expenditure.create', { budgetItemId: item.id, date: '2018-04-01', amount: 10 }, '摘要不能为空'],
      [
        'expenditure.create',
        { budgetItemId: item.id, date: '2018-04-01', amount: -5, summary: 'x' },
        '支出金额不能为负数',
      ],
      [
        'expenditure.create',
        { budgetItemId: item.id, date: '2018-04-01', amount: 10, summary: 'x', payRunId: 1 },
        '无法识别的字段：payRunId',
      ],
      [
        'expenditure.create',
        { budgetItemId: item.id, date: '2018-04-01', amount: 10, summary: 'x', contractNodeId: 1 },
        '无法识别的字段：contractNodeId',
      ],
    ];
    for (const [method, input, message] of cases) {
      const e = await refused(method, input);
      expect(e.message).toBe(message);
    }
    const e = await refused('expenditure.update', { id: 999, amount: 10 });
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '支出不存在（编号 999）' });
  });
});
