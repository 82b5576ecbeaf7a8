// Filters live in the route (`?f=`), so a dashboard link, a reload and the back button all land
// on the same list. The page reads them here; its filter controls write them back.
import { useEffect, useRef } from 'react';
import { encodeFilters, filtersOf, href, navigate, useRoute } from '../router/route';
import type { ListStore } from '../stores/listStore';

export function useListRoute<R>(store: ListStore<R>) {
  const route = useRoute();
  const filters = filtersOf(route);
  const key = route.query.f ?? '';
  // Set while this list's own controls change the route: those keep the search.
  const own = useRef(false);
  useEffect(() => {
    const now = useRoute.getState();
    // A link from elsewhere (a dashboard check) brings the filters that show its records: they
    // replace the list's, and a search typed earlier would narrow them unseen, so it goes too.
    if (!own.current && (now.query.f ?? '') !== '') store.setState({ q: '' });
    own.current = false;
    store.getState().setFilters(filtersOf(now));
  }, [store, route.seq, key]);

  const setFilters = (next: Record<string, unknown>) => {
    own.current = true;
    const path = `/${route.path.join('/')}`;
    void navigate(href(path, { ...route.query, f: encodeFilters(next) }), { replace: true, force: true });
  };
  return {
    filters,
    setFilter: (k: string, v: unknown) => setFilters({ ...filters, [k]: v }),
    removeFilter: (k: string) => setFilters(Object.fromEntries(Object.entries(filters).filter(([name]) => name !== k))),
    /** 清除全部筛选: the filters and the search. */
    clearFilters: () => {
      store.setState({ q: '' });
      setFilters({});
    },
  };
}

/** A list inside a detail page: fixed filters (this township's villages), refreshed when they change. */
export function useFixedFilters<R>(store: ListStore<R>, filters: Record<string, unknown>) {
  const key = JSON.stringify(filters);
  useEffect(() => {
    // Another record's children: the last record's search text does not apply.
    store.setState({ q: '' });
    store.getState().setFilters(JSON.parse(key) as Record<string, unknown>);
  }, [store, key]);
}
