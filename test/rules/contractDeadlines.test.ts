// 公告 within 2 and 备案 within 7 working days of signing (domain.md §4), counted by China's
// official calendar (holidays and make-up working days, chinese-days): the contract's flags and
// due dates, the list filters, the dashboard's counts (= the lists they open), its hints and the
// 合同跟踪表 all come from one function (core/workdays.ts, census_workdays_after in SQL).
import { describe, expect, it } from 'vitest';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import { callOnDay } from '../helpers/callsAt';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addContract, setOffice } from '../backend/budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const call = callOnDay(() => b);

type Contract = { publishDue: string | null; fileDue: string | null; deadlineNote: string | null } & Record<
  string,
  unknown
>;

async function board(day: string) {
  const checks = (await call<{ checks: DashboardCheck[] }>('dashboard.checks', {}, day)).checks;
  return new Map(checks.map((c) => [c.id, c]));
}
const total = async (filters: object, day: string) =>
  (await call<{ total: number }>('contract.list', { filters, pageSize: 1 }, day)).total;

describe('publication and filing deadlines in working days', () => {
  it('skip the National Day holidays: signed Sunday 2018-09-30 (a make-up working day)', async () => {
    const c = await addContract(b, { signedDate: '2018-09-30' });
    // Calendar days said 2018-10-02 and 2018-10-07; 1–7 October are holidays.
    const early = await call<Contract>('contract.get', { id: c.id }, '2018-10-05');
    expect(early).toMatchObject({
      publishDue: '2018-10-09',
      fileDue: '2018-10-16',
      deadlineNote: null,
      publishOverdue: false,
      fileOverdue: false,
    });
    expect(await total({ notPublished: true }, '2018-10-05')).toBe(0);
    expect((await board('2018-10-05')).get('contractsNotPublished')?.count).toBe(0);

    // The last day is still on time; the day after is not.
    expect(await call<Contract>('contract.get', { id: c.id }, '2018-10-09')).toMatchObject({ publishOverdue: false });
    const late = await call<Contract>('contract.get', { id: c.id }, '2018-10-10');
    expect(late).toMatchObject({ publishOverdue: true, fileOverdue: false });
    const checks = await board('2018-10-10');
    expect(checks.get('contractsNotPublished')?.count).toBe(await total({ notPublished: true }, '2018-10-10'));
    expect(checks.get('contractsNotPublished')?.count).toBe(1);
    expect(checks.get('contractsNotFiled')?.count).toBe(0);
    expect(checks.get('contractsNotPublished')?.hint).toMatch(/2个工作日内公告；工作日按国家法定节假日和调休安排计算/);
    expect((await board('2018-10-17')).get('contractsNotFiled')?.count).toBe(1);
  });

  it('count a make-up Saturday as a working day (signed Thursday 2018-09-27)', async () => {
    const c = await addContract(b, { signedDate: '2018-09-27' });
    const got = await call<Contract>('contract.get', { id: c.id }, '2018-09-28');
    expect(got).toMatchObject({ publishDue: '2018-09-29', fileDue: '2018-10-11' });
  });

  it('past the years the calendar holds: Monday to Friday, and the contract says so', async () => {
    const c = await addContract(b, { signedDate: '2026-12-28' });
    const got = await call<Contract>('contract.get', { id: c.id }, '2026-12-29');
    expect(got.publishDue).toBe('2026-12-30');
    expect(got.fileDue).toBe('2027-01-06');
    expect(got.deadlineNote).toMatch(/^本程序收录的法定节假日安排为2004—2026年，此后的日期暂按周一至周五计算工作日/);
  });

  it('the 合同跟踪表 prints the due days beside 未公告 / 未备案', async () => {
    b.db.prepare(`UPDATE office_profile SET city_name = '南充市', city_code = '5113'`).run();
    const c = await addContract(b, { signedDate: '2018-09-30' });
    const doc = await call<{ fields: Record<string, string> }>(
      'print.contractSheet',
      { contractId: c.id },
      '2018-10-10',
    );
    expect(doc.fields.publishFile).toBe('未公告（期限2018-10-09） / 未备案（期限2018-10-16）');
    await call('contract.update', { id: c.id, publishedDate: '2018-10-08' }, '2018-10-10');
    const after = await call<{ fields: Record<string, string> }>(
      'print.contractSheet',
      { contractId: c.id },
      '2018-10-10',
    );
    expect(after.fields.publishFile).toBe('2018-10-08 / 未备案（期限2018-10-16）');
  });
});
