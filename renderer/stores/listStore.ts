// One store per list screen: search text, filters and sort, and the rows fetched so far, page by
// page, as the clerk scrolls. A new query keeps the old rows on screen until its first page
// arrives; answers to an older query are dropped; while one first-page request is on its way,
// further keystrokes only update the text, and the newest text is asked for when it returns —
// so typing never queues stale searches at the backend and never waits on a timer. A list that has
// rows asks again when an entity it shows is written (api/changes.ts).
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { callByName } from '../api/call';
import { onWritten } from '../api/changes';

export const PAGE_SIZE = 100;
const MAX_PAGE_REQUESTS = 2;

export interface Sort {
  field: string;
  dir: 'asc' | 'desc';
}

export interface ListState<R> {
  /** The list method (person.list…): what 导出 asks for the whole list (list.export). */
  method: string;
  q: string;
  filters: Record<string, unknown>;
  sort: Sort | null;
  /** null until the first answer. */
  total: number | null;
  pages: ReadonlyMap<number, R[]>;
  /** Bumped whenever the rows are replaced by a new query's, so views re-request what they show. */
  version: number;
  /** The search text the rows on screen answer (lags `q` while a search is on its way). */
  shownQ: string;
  loading: boolean;
  error: string | null;
  /** Where the clerk had scrolled, restored when coming back from a detail page. */
  scrollTop: number;
  setQ: (q: string) => void;
  setFilters: (filters: Record<string, unknown>) => void;
  setSort: (sort: Sort | null) => void;
  ensureRange: (start: number, end: number) => void;
  reload: () => void;
  rowAt: (index: number) => R | undefined;
}

export type ListStore<R> = UseBoundStore<StoreApi<ListState<R>>>;

const sameFilters = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);
const clean = (f: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== ''));

interface Answer<R> {
  rows: R[];
  total: number;
}

export interface ListOptions {
  pageSize?: number;
  defaultSort?: Sort;
  /**
   * The entities whose writes change what the list shows (see api/changes.ts): its own, from the
   * method's name (`person.list` → person), unless given; add those its rows count or show.
   */
  shows?: readonly string[];
}

export function createListStore<R>(method: string, opts: ListOptions = {}): ListStore<R> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  let generation = 0;
  let firstInFlight = false;
  /** Pages on their way; at most MAX_PAGE_REQUESTS, so a fast scroll does not queue every page it passes. */
  const pending = new Set<number>();
  /** The rows on screen, as last reported by the view. */
  let wanted: [number, number] = [0, 0];

  const store = create<ListState<R>>((set, get) => {
    const input = (page: number) => {
      const { q, filters, sort } = get();
      return {
        q: q.trim() || undefined,
        filters: Object.keys(filters).length ? filters : undefined,
        sort: sort ?? undefined,
        page,
        pageSize,
      };
    };

    const requestFirst = () => {
      if (firstInFlight) return; // the newest query is asked for when this one returns
      firstInFlight = true;
      const mine = generation;
      const asked = get().q;
      void callByName(method, input(1)).then((r) => {
        firstInFlight = false;
        if (mine !== generation) return requestFirst();
        if (!r.ok) return set({ loading: false, error: r.error.message });
        const data = r.data as Answer<R>;
        set((s) => ({
          pages: new Map([[1, data.rows]]),
          total: data.total,
          version: s.version + 1,
          shownQ: asked,
          loading: false,
          error: null,
        }));
      });
    };

    /** Asks for the pages under the rows on screen that are neither here nor on their way. */
    const pump = () => {
      const { total, pages, loading } = get();
      if (total === null || loading) return;
      const last = Math.min(wanted[1], total - 1);
      for (let page = Math.floor(wanted[0] / pageSize) + 1; page <= Math.floor(last / pageSize) + 1; page++) {
        if (pending.size >= MAX_PAGE_REQUESTS) return;
        if (pages.has(page) || pending.has(page)) continue;
        pending.add(page);
        const mine = generation;
        void callByName(method, input(page)).then((r) => {
          if (mine !== generation) return;
          pending.delete(page);
          if (!r.ok) return set({ error: r.error.message });
          const data = r.data as Answer<R>;
          set((s) => ({ pages: new Map(s.pages).set(page, data.rows), total: data.total }));
          pump();
        });
      }
    };

    const restart = () => {
      generation++;
      pending.clear();
      set({ loading: true });
      requestFirst();
    };

    return {
      method,
      q: '',
      filters: {},
      sort: opts.defaultSort ?? null,
      total: null,
      pages: new Map(),
      version: 0,
      shownQ: '',
      loading: false,
      error: null,
      scrollTop: 0,

      setQ: (q) => {
        if (q === get().q) return;
        set({ q, scrollTop: 0 });
        restart();
      },
      setFilters: (filters) => {
        const next = clean(filters);
        // Same filters on a loaded list (back from a detail page): refresh in place, keep the scroll.
        if (sameFilters(next, get().filters) && get().total !== null) return restart();
        set({ filters: next, scrollTop: 0 });
        restart();
      },
      setSort: (sort) => {
        set({ sort, scrollTop: 0 });
        restart();
      },
      reload: restart,

      ensureRange: (start, end) => {
        wanted = [start, end];
        pump();
      },

      rowAt: (index) => get().pages.get(Math.floor(index / pageSize) + 1)?.[index % pageSize],
    };
  });
  // A list never shown has nothing to refresh; it asks when it is first shown.
  onWritten(opts.shows ?? [method.split('.')[0]], () => {
    const { total, loading } = store.getState();
    if (total !== null || loading) store.getState().reload();
  });
  return store;
}
