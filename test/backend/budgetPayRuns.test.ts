import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addPerson, itemNamed, refusedOn, setOffice } from './budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const refused = (method: string, input: unknown) => refusedOn(b, method, input);

describe('pay runs', () => {
  async function twoEnumerators() {
    const a = await addPerson(b, '王五', ['普查员'], {
      payRate: 15_001,
      payBasis: '元/天',
      bankName: '蓬安农商行',
      bankAccount: '6228480012345678901',
    });
    const c = await addPerson(b, '赵六', ['普查员', '普查指导员']);
    return { a, c };
  }

  it('creates a run, computes line amounts once, posts it as one expenditure and undoes the posting', async () => {
    const { a, c } = await twoEnumerators();
    const item = await itemNamed(b, '普查员劳动报酬');
    const run = await b.ok('payRun.create', {
      period: '２０１８-０６',
      title: '6月普查员劳务报酬',
      budgetItemId: item.id,
      lines: [
        { personId: a.id, quantity: 2.5 }, // rate from the person: 2.5 × 150.01 = 375.025 → 375.03
        { personId: c.id, quantity: 20, rate: 12_000, note: '含加班' },
      ],
    });
    expect(run).toMatchObject({
      period: '2018-06',
      status: '草稿',
      paidDate: null,
      lineCount: 2,
      totalQuantity: 22.5,
      totalAmount: 37_503 + 240_000,
      expenditureId: null,
      budgetItemName: '普查员劳动报酬',
    });
    expect(run.lines).toEqual([
      expect.objectContaining({
        seq: 1,
        personId: a.id,
        personName: '王五',
        roles: ['普查员'],
        idNumber: a.idNumber,
        bankName: '蓬安农商行',
        bankAccount: '6228480012345678901',
        quantity: 2.5,
        rate: 15_001,
        amount: 37_503,
      }),
      expect.objectContaining({
        seq: 2,
        personId: c.id,
        personName: '赵六',
        roles: ['普查员', '普查指导员'],
        bankAccount: null,
        rate: 12_000,
        amount: 240_000,
        note: '含加班',
      }),
    ]);
    expect(await b.ok('payRun.get', { id: run.id })).toEqual(run);

    // A run is posted only when every line has a 银行卡号 (test/backend/batchWork.test.ts).
    await b.ok('person.update', { id: c.id, bankAccount: '6228480012345678902' });
    const edited = await b.ok('payRun.update', { id: run.id, lines: [{ personId: c.id, quantity: 21, rate: 12_000 }] });
    expect(edited).toMatchObject({ lineCount: 1, totalAmount: 252_000 });
    expect(edited.lines.map((l) => l.personName)).toEqual(['赵六']);

    const posted = await b.ok('payRun.post', { id: run.id, paidDate: '2018-07-05', voucherNo: '记-0705' });
    expect(posted).toMatchObject({ status: '已发放', paidDate: '2018-07-05', voucherNo: '记-0705' });
    const x = await b.ok('expenditure.get', { id: posted.expenditureId! });
    expect(x).toMatchObject({
      kind: '劳务报酬',
      amount: 252_000,
      payRunId: run.id,
      budgetItemId: item.id,
      summary: '6月普查员劳务报酬（2018年06月）',
      payee: '1人（见发放表）',
      payRunTitle: '6月普查员劳务报酬',
    });
    expect((await b.ok('budgetItem.get', { id: item.id })).spent).toBe(252_000);
    // One call, one audit entry: the posting carries the expenditure it created.
    const audit = b.db.prepare(`SELECT action, entity, after_json FROM audit_log ORDER BY id DESC LIMIT 2`).all() as {
      action: string;
      entity: string;
      after_json: string;
    }[];
    expect(audit.map((a) => [a.action, a.entity])).toEqual([
      ['post', 'payRun'],
      ['update', 'payRun'],
    ]);
    expect(JSON.parse(audit[0].after_json).expenditure).toMatchObject({ id: posted.expenditureId, amount: 252_000 });

    // Frozen once posted, on both sides.
    let e = await refused('payRun.update', { id: run.id, title: '改名' });
    expect(e).toMatchObject({
      code: 'POSTED',
      message: '发放表“6月普查员劳务报酬”已于 2018-07-05 发放入账，不能修改；如需更正，请先撤销发放',
    });
    e = await refused('payRun.delete', { id: run.id });
    expect(e.message).toBe('发放表“6月普查员劳务报酬”已于 2018-07-05 发放入账，不能删除；如需更正，请先撤销发放');
    e = await refused('payRun.post', { id: run.id, paidDate: '2018-07-06' });
    expect(e.message).toBe('发放表“6月普查员劳务报酬”已于 2018-07-05 发放入账，不能重复入账；如需更正，请先撤销发放');
    e = await refused('expenditure.update', { id: x.id, amount: 1 });
    expect(e).toMatchObject({
      code: 'LINKED',
      message: '这笔支出由劳务报酬发放表“6月普查员劳务报酬（2018年06月）”入账生成，请在发放表中撤销发放后再修改',
    });
    e = await refused('expenditure.delete', { id: x.id });
    expect(e.code).toBe('LINKED');

    const undone = await b.ok('payRun.unpost', { id: run.id });
    expect(undone).toMatchObject({ status: '草稿', paidDate: null, expenditureId: null });
    expect((await b.err('expenditure.get', { id: x.id })).code).toBe('NOT_FOUND');
    expect((await b.ok('budgetItem.get', { id: item.id })).spent).toBe(0);
    e = await refused('payRun.unpost', { id: run.id });
    expect(e.message).toBe('发放表“6月普查员劳务报酬”尚未发放入账，无需撤销');

    expect(await b.ok('payRun.delete', { id: run.id })).toEqual({ id: run.id });
    expect(b.db.prepare('SELECT count(*) AS n FROM pay_run_lines').get()).toEqual({ n: 0 });
  });

  it('lists runs by status, budget item and period, and searches titles', async () => {
    const { c } = await twoEnumerators();
    const item = await itemNamed(b, '普查员劳动报酬');
    const other = await itemNamed(b, '普查指导员劳动报酬');
    const line = [{ personId: c.id, quantity: 1, rate: 100 }];
    const june = await b.ok('payRun.create', {
      period: '2018-06',
      title: '6月劳务',
      budgetItemId: item.id,
      lines: line,
    });
    const july = await b.ok('payRun.create', {
      period: '2018-07',
      title: '7月指导员劳务',
      budgetItemId: other.id,
      lines: line,
    });
    await b.ok('person.update', { id: c.id, bankAccount: '6228480012345678902' });
    await b.ok('payRun.post', { id: june.id, paidDate: '2018-07-01' });
    const ids = async (input: object) => (await b.ok('payRun.list', input)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([july.id, june.id]);
    expect(await ids({ filters: { status: '已发放' } })).toEqual([june.id]);
    expect(await ids({ filters: { status: '草稿' } })).toEqual([july.id]);
    expect(await ids({ filters: { budgetItemId: other.id } })).toEqual([july.id]);
    expect(await ids({ filters: { period: '2018-06' } })).toEqual([june.id]);
    expect(await ids({ q: '指导员' })).toEqual([july.id]);
    expect(await ids({ q: '2018-06' })).toEqual([june.id]);
    expect(await ids({ sort: { field: 'period', dir: 'asc' } })).toEqual([june.id, july.id]);
    expect((await b.ok('expenditure.list', { filters: { payRunId: june.id } })).total).toBe(1);
    // A person on a pay run stays: the generic refusal names the lines.
    const e = await refused('person.delete', { id: c.id });
    expect(e.message).toContain('劳务报酬发放明细');
  });

  it('rejects bad runs and lines, naming the line and the field', async () => {
    const { a, c } = await twoEnumerators();
    const item = await itemNamed(b, '普查员劳动报酬');
    const base = { period: '2018-06', title: '6月', budgetItemId: item.id };
    const cases: [unknown, string][] = [
      [{ ...base, lines: [] }, '发放明细至少选择1项'],
      [
        { ...base, period: '2018-13', lines: [{ personId: a.id, quantity: 1 }] },
        '发放期间格式不正确（年-月，如 2018-06）',
      ],
      [{ ...base, lines: [{ personId: a.id, quantity: 0.333 }] }, '天数/件数最多两位小数'],
      [{ ...base, lines: [{ personId: a.id, quantity: 0 }] }, '天数/件数应大于0'],
      [{ ...base, lines: [{ personId: a.id, quantity: 1, rate: 1.5 }] }, '标准应为以分为单位的整数'],
      [{ ...base, lines: [{ personId: a.id }] }, '天数/件数不能为空'],
      [{ ...base, lines: [{ personId: 999, quantity: 1 }] }, '发放明细第 1 行：人员不存在（编号 999）'],
      [
        {
          ...base,
          lines: [
            { personId: a.id, quantity: 1 },
            { personId: a.id, quantity: 2 },
          ],
        },
        '发放明细第 2 行：王五已在第 1 行，同一人员在一张发放表中只能出现一次',
      ],
      [{ ...base, lines: [{ personId: c.id, quantity: 1 }] }, '发放明细第 1 行：赵六未设置劳务报酬标准，请填写标准'],
      [
        { ...base, budgetItemId: (await itemNamed(b, '人员劳务')).id, lines: [{ personId: a.id, quantity: 1 }] },
        '“人员劳务”是类别，下设 4 个明细科目，请选择具体的明细科目',
      ],
    ];
    for (const [input, message] of cases) {
      const e = await refused('payRun.create', input);
      expect(e.message).toBe(message);
    }
    const e = await refused('payRun.create', { ...base, lines: [{ personId: c.id, quantity: 1 }] });
    expect(e.issues[0].path).toBe('lines.0.rate');
    const zero = await b.ok('payRun.create', { ...base, lines: [{ personId: c.id, quantity: 1, rate: 0 }] });
    const z = await refused('payRun.post', { id: zero.id, paidDate: '2018-07-01' });
    expect(z.message).toBe('发放表“6月”合计金额为 0，不能入账');
    expect((await refused('payRun.get', { id: 999 })).message).toBe('劳务报酬发放表不存在（编号 999）');
  });
});
