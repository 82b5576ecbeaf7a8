// The list store behind every virtual list: pages fetched as they scroll into view, stale answers
// dropped, keystrokes coalesced while a search is on its way. The bridge is replaced by a fake
// backend whose answers the test releases one by one.
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Pending {
  method: string;
  input: { q?: string; page: number; pageSize: number; filters?: Record<string, unknown> };
  answer: (rows: string[], total: number) => void;
}
const calls: Pending[] = [];

vi.mock('../../renderer/api/call', () => ({
  callByName: (method: string, input: Pending['input']) =>
    new Promise((resolve) =>
      calls.push({
        method,
        input,
        answer: (rows, total) =>
          resolve({ ok: true, data: { rows, total, page: input.page, pageSize: input.pageSize } }),
      }),
    ),
}));

const { createListStore } = await import('../../renderer/stores/listStore');
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  calls.length = 0;
});

describe('list store', () => {
  it('drops the answer to an older search and asks for the newest one when it returns', async () => {
    const store = createListStore<string>('person.list');
    store.getState().setFilters({});
    calls[0].answer(['all'], 3);
    await settle();

    store.getState().setQ('王');
    store.getState().setQ('王伟');
    store.getState().setQ('王伟军');
    // One search on its way; the later keystrokes wait for it instead of queueing.
    expect(calls.map((c) => c.input.q)).toEqual([undefined, '王']);
    calls[1].answer(['stale'], 900);
    await settle();
    expect(store.getState().shownQ).toBe('');
    expect(store.getState().rowAt(0)).toBe('all'); // the old rows stay until the new ones come
    expect(calls.map((c) => c.input.q)).toEqual([undefined, '王', '王伟军']);
    calls[2].answer(['王伟军'], 1);
    await settle();
    expect(store.getState()).toMatchObject({ shownQ: '王伟军', total: 1, loading: false });
    expect(store.getState().rowAt(0)).toBe('王伟军');
  });

  it('fetches each page under the visible rows once, two at a time, and none beyond the end', async () => {
    const store = createListStore<string>('person.list', { pageSize: 10 });
    store.getState().setFilters({});
    calls[0].answer(
      Array.from({ length: 10 }, (_, i) => `r${i}`),
      35,
    );
    await settle();
    store.getState().ensureRange(8, 27);
    store.getState().ensureRange(9, 28);
    expect(calls.slice(1).map((c) => c.input.page)).toEqual([2, 3]);
    // Scrolled on: page 4 waits for a free slot; page 5 lies past the end of 35 rows.
    store.getState().ensureRange(30, 60);
    expect(calls.slice(1).map((c) => c.input.page)).toEqual([2, 3]);
    calls[2].answer(['r20'], 35);
    await settle();
    expect(calls.slice(1).map((c) => c.input.page)).toEqual([2, 3, 4]);
    expect(store.getState().rowAt(20)).toBe('r20');
    expect(store.getState().rowAt(10)).toBeUndefined(); // page 2 not answered yet
  });

  it('after a fast scroll asks only for where the list stopped', async () => {
    const store = createListStore<string>('person.list', { pageSize: 10 });
    store.getState().setFilters({});
    calls[0].answer(['r0'], 1000);
    await settle();
    for (let row = 10; row <= 500; row += 10) store.getState().ensureRange(row, row + 9);
    expect(calls.slice(1).map((c) => c.input.page)).toEqual([2, 3]);
    calls[1].answer([], 1000);
    calls[2].answer([], 1000);
    await settle();
    expect(calls.slice(3).map((c) => c.input.page)).toEqual([51]);
  });

  it('ignores a page that arrives after the query changed', async () => {
    const store = createListStore<string>('person.list', { pageSize: 10 });
    store.getState().setFilters({});
    calls[0].answer(Array(10).fill('old'), 50);
    await settle();
    store.getState().ensureRange(10, 19);
    store.getState().setFilters({ role: '普查员' });
    calls[1].answer(Array(10).fill('old page 2'), 50);
    calls[2].answer(['new'], 1);
    await settle();
    expect(calls[2].input.filters).toEqual({ role: '普查员' });
    expect(store.getState().total).toBe(1);
    expect(store.getState().rowAt(10)).toBeUndefined();
  });

  it('keeps the scroll position when the same list is refreshed, not when its filters change', async () => {
    const store = createListStore<string>('person.list');
    store.getState().setFilters({ status: '在岗' });
    calls[0].answer(['a'], 1);
    await settle();
    store.setState({ scrollTop: 4000 });
    store.getState().setFilters({ status: '在岗' });
    expect(store.getState().scrollTop).toBe(4000);
    expect(calls).toHaveLength(2); // refreshed all the same (back from a detail page)
    store.getState().setFilters({ status: '离岗' });
    expect(store.getState().scrollTop).toBe(0);
  });
});
