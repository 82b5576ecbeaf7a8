// The county's "this period's report not sent / changed since sent" check (backend/periodCheck.ts)
// computes a county's figures from its registries; a city office that calls dashboard.checks (its
// menu has no 工作台 of a county, but the method is open) gets no such check against its own
// consolidated report, even after it sent one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { exportReport } from '../reports/helpers';
import { atTime, intakeFiles, receive } from './fixtures';

// The last days of 2018年10月: the period the check looks at, and inside the official export's window.
const DURING = atTime('2018-10-30T10:00:00+08:00');
const { f, city } = intakeFiles();
let b: TestBackend;
beforeAll(async () => {
  b = await city();
});

const periodCheck = async () => {
  const r = await b.dispatch('dashboard.checks', {}, DURING);
  if (!r.ok) throw new Error(r.error.message);
  const data = r.data as { checks: { id: string; severity: string; title: string }[] };
  return data.checks.find((c) => c.id === 'periodReport');
};

describe('dashboard.checks in a city office', () => {
  it('does not judge the city by a county’s progress table or figures', async () => {
    expect(await periodCheck()).toMatchObject({ severity: 'ok' });
    await receive(b, '顺庆区.xlsx', f.shunqing);
    await exportReport(b, { reportId: 'R2', period: '2018-10', mode: 'official' } as never, DURING);
    expect(await periodCheck()).toMatchObject({ severity: 'ok' });
  });
});
