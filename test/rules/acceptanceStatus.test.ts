// Recording a passing acceptance (合格 / 整改后合格) moves a contract out of 履行中 to 已验收, so the
// dashboard's 「服务期满未验收」 stops counting it; 不合格 keeps it 履行中. Contracts that already
// held such an acceptance read the same (the status is derived in contracts_view, derived.ts).
import { describe, expect, it } from 'vitest';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import { adminCtx } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addContract, setOffice } from '../backend/budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const DAY = '2018-07-10';
const ctx = { ...adminCtx, now: () => new Date(`${DAY}T10:00:00+08:00`) };
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}
type Contract = { status: string; endedWithoutAcceptance: boolean; acceptance: string | null };

async function endedCount() {
  const checks = (await call<{ checks: DashboardCheck[] }>('dashboard.checks', {})).checks;
  const board = checks.find((c) => c.id === 'contractsEndedWithoutAcceptance')!.count;
  const list = (await call<{ total: number }>('contract.list', { filters: { endedWithoutAcceptance: true } })).total;
  expect(board).toBe(list);
  return board;
}

describe('an acceptance and the contract status', () => {
  it('合格 / 整改后合格 move the contract to 已验收; 不合格 keeps it 履行中', async () => {
    const c = await addContract(b, { serviceEnd: '2018-06-30' });
    expect(await call<Contract>('contract.get', { id: c.id })).toMatchObject({
      status: '履行中',
      endedWithoutAcceptance: true,
    });
    expect(await endedCount()).toBe(1);

    await call('acceptance.create', { contractId: c.id, acceptedDate: '2018-07-02', conclusion: '不合格' });
    expect(await call<Contract>('contract.get', { id: c.id })).toMatchObject({
      status: '履行中',
      acceptance: '不合格',
      endedWithoutAcceptance: true,
    });
    expect(await endedCount()).toBe(1);

    await call('acceptance.create', { contractId: c.id, acceptedDate: '2018-07-09', conclusion: '整改后合格' });
    expect(await call<Contract>('contract.get', { id: c.id })).toMatchObject({
      status: '已验收',
      acceptance: '整改后合格',
      endedWithoutAcceptance: false,
    });
    expect(await endedCount()).toBe(0);
    const accepted = await call<{ rows: { id: number }[] }>('contract.list', { filters: { status: '已验收' } });
    expect(accepted.rows.map((r) => r.id)).toEqual([c.id]);
  });

  it('a contract already holding a 合格 acceptance with its status left 履行中 reads 已验收', async () => {
    const c = await addContract(b, { serviceEnd: '2018-06-30' });
    await call('acceptance.create', { contractId: c.id, acceptedDate: '2018-07-02', conclusion: '合格' });
    // As data from before the rule: the stored status says 履行中.
    b.db.prepare(`UPDATE contracts SET status = '履行中' WHERE id = ?`).run(c.id);
    expect(await call<Contract>('contract.get', { id: c.id })).toMatchObject({
      status: '已验收',
      endedWithoutAcceptance: false,
    });
    expect(await endedCount()).toBe(0);
  });

  it('已终止 stays 已终止 whatever the acceptance', async () => {
    const c = await addContract(b, { serviceEnd: '2018-06-30', status: '已终止' });
    await call('acceptance.create', { contractId: c.id, acceptedDate: '2018-07-02', conclusion: '合格' });
    expect((await call<Contract>('contract.get', { id: c.id })).status).toBe('已终止');
  });
});
