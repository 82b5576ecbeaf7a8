// A small hash router: `#/people/12?f=…`. The hash survives a reload and works the same under
// app:// in Electron and http:// in browser mode. Every navigation bumps `seq`, so a page can tell
// "the clerk came here again with these filters" from "nothing happened".
import { create } from 'zustand';
import { confirmDiscard } from '../app/leaveGuard';
import { parseHash, type Route } from './hash';

export { encodeFilters, filtersOf, href, parseHash, type Route } from './hash';

export const useRoute = create<Route>(() => ({ ...parseHash(location.hash), seq: 0 }));

let current = location.hash;
let previous = '';
const apply = () => {
  previous = current;
  current = location.hash;
  useRoute.setState((r) => ({ ...parseHash(location.hash), seq: r.seq + 1 }));
};

/** Goes to `to` (a `#/…` string) after asking about unsaved changes; false when the clerk stayed. */
export async function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): Promise<boolean> {
  if (!opts.force && !(await confirmDiscard())) return false;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  apply();
  return true;
}

/** Back/forward buttons: the hash has already moved, so a refused leave moves it back. */
export function startRouter(): void {
  current = location.hash;
  useRoute.setState({ ...parseHash(location.hash), seq: 1 });
  window.addEventListener('popstate', () => {
    const before = current;
    void confirmDiscard().then((ok) => {
      if (ok) apply();
      else history.pushState(null, '', before || '#/dashboard');
    });
  });
}

/**
 * Back to the list a record was opened from, with its filters, when that is where the clerk came
 * from; otherwise to `fallback` (a `#/…` list address).
 */
export function navigateBack(fallback: string): void {
  const listPath = fallback.split('?')[0];
  const target = previous === listPath || previous.startsWith(`${listPath}?`) ? previous : fallback;
  void navigate(target);
}
