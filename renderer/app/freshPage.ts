// Starting the page afresh for the next operator: no list, search, draft or cached setting of the
// last one survives. A reason to show on the login page rides across the reload in sessionStorage.
const NOTICE_KEY = 'censusdesk.notice';

export function restartPage(notice?: string): void {
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
  history.replaceState(null, '', location.pathname + location.search);
  location.reload();
}

/** The reason left by restartPage, once. */
export function takeRestartNotice(): string | null {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}
