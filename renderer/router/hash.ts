// The route as text: `#/people/12?f=…` ↔ path segments and query. Pure, so it is tested alone.

export interface Route {
  /** Path segments: `#/regions/district/5` → ['regions', 'district', '5']. */
  path: string[];
  query: Record<string, string>;
  seq: number;
}

export function parseHash(hash: string): Omit<Route, 'seq'> {
  const raw = hash.replace(/^#/, '');
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query: Record<string, string> = {};
  new URLSearchParams(queryPart).forEach((v, k) => (query[k] = v));
  return { path: path.length ? path : ['dashboard'], query };
}

export function href(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return `#${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
}

/** Filters travel in the route as JSON (`?f=`), so a dashboard link opens the list that fixes it. */
export function filtersOf(route: Pick<Route, 'query'>): Record<string, unknown> {
  if (!route.query.f) return {};
  try {
    const parsed: unknown = JSON.parse(route.query.f);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const encodeFilters = (filters: Record<string, unknown>): string | undefined => {
  const kept = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return Object.keys(kept).length ? JSON.stringify(kept) : undefined;
};
