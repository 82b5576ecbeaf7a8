// The demo county carries records in every fieldwork and organisation register, and its devices
// check counts what a leaving leaves behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBackend } from '../../reports/helpers';
import type { OutputOf } from '../../../core/api';
import { adminCtx, type TestBackend } from '../../helpers/backend';

const NOW = new Date('2026-11-30T09:00:00');
const ctx = { ...adminCtx, now: () => NOW };
let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend(NOW);
}, 120_000);
afterAll(() => b.dispose());

const count = (table: string) => (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
async function leaverCheck() {
  const r = await b.dispatch('dashboard.checks', {}, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as OutputOf<'dashboard.checks'>).checks.find((c) => c.id === 'devicesWithLeavers')!;
}

describe('the demo county: fieldwork and organisation', () => {
  it('has the group, the publicity log, three periods of surveys and the devices handed out', async () => {
    expect(count('group_members')).toBe(15);
    expect(count('publicity_items')).toBe(11);
    expect(count('survey_figures')).toBe(9);
    expect(count('devices')).toBe(91);
    const out = await b.dispatch('device.list', { filters: { isOut: true }, pageSize: 1 }, ctx);
    expect(out.ok && (out.data as OutputOf<'device.list'>).total).toBe(90);
    expect(await leaverCheck()).toMatchObject({ count: 0, severity: 'ok' });
  });

  it('a 普查员 holding a PAD and an account leaves: the check counts both', async () => {
    const pad = await b.dispatch('device.list', { q: 'PAD-001', pageSize: 1 }, ctx);
    if (!pad.ok) throw new Error(pad.error.message);
    const personId = (pad.data as OutputOf<'device.list'>).rows[0].personId as number;
    const left = await b.dispatch(
      'person.update',
      { id: personId, status: '离岗', leftDate: '2026-11-30', leftReason: '外出务工' },
      ctx,
    );
    expect(left.ok).toBe(true);
    expect(await leaverCheck()).toMatchObject({ count: 2, severity: 'error' });
  });
});
