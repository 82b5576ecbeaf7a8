// The change signal: a successful write announces the entities it wrote, and a list that has rows
// asks again when one it shows was written; reads and lists never shown stay quiet.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../core/api';

const answers: Record<string, unknown> = {};
const asked: string[] = [];
vi.mock('../../renderer/bridge', () => ({
  getBridge: () => ({
    call: (method: string): Promise<Result<unknown>> => {
      asked.push(method);
      return Promise.resolve({ ok: true, data: answers[method] ?? { rows: [], total: 0, page: 1, pageSize: 100 } });
    },
  }),
}));

const { call } = await import('../../renderer/api/call');
const { isWrite, onWritten, writtenEntities } = await import('../../renderer/api/changes');
const { createListStore } = await import('../../renderer/stores/listStore');
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  asked.length = 0;
});

describe('change signal', () => {
  it('knows writes from reads by the contract', () => {
    expect(isWrite('person.create', {})).toBe(true);
    expect(isWrite('person.leave', {})).toBe(true);
    expect(isWrite('person.list', {})).toBe(false);
    expect(isWrite('township.get', { id: 1 })).toBe(false);
    expect(isWrite('report.history', {})).toBe(false);
    expect(isWrite('no.such', {})).toBe(false);
    // An export is a write only when it records the monthly report as sent (officially; a draft is not).
    expect(isWrite('report.export', { reportId: 'R2', period: '2018-10', mode: 'official' })).toBe(true);
    expect(isWrite('report.export', { reportId: 'R2', period: '2018-10', mode: 'draft' })).toBe(false);
    expect(isWrite('report.export', { reportId: 'R1' })).toBe(false);
  });

  it('names what a write wrote: the method’s entity, or the kind an import committed', () => {
    expect(writtenEntities('district.update', {})).toEqual(['district']);
    expect(writtenEntities('import.commit', { kind: 'village' })).toEqual(['village']);
  });

  it('tells subscribers of the entity after a successful write, not after a read', async () => {
    const seen = vi.fn();
    const stop = onWritten(['person'], seen);
    await call('person.list', {});
    expect(seen).not.toHaveBeenCalled();
    answers['person.create'] = { id: 1 };
    await call('person.create', { name: '张三' } as never);
    expect(seen).toHaveBeenCalledTimes(1);
    answers['township.create'] = { id: 2 };
    await call('township.create', {} as never);
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reloads a shown list whose entities were written, and leaves an unshown one alone', async () => {
    const shown = createListStore<string>('person.list', { shows: ['person', 'district'] });
    const unshown = createListStore<string>('person.list');
    shown.getState().setFilters({});
    await settle();
    expect(shown.getState().total).toBe(0);
    asked.length = 0;

    answers['district.update'] = { id: 3 };
    await call('district.update', { id: 3 } as never);
    await settle();
    expect(asked).toEqual(['district.update', 'person.list']);
    expect(unshown.getState().total).toBeNull();
  });
});
