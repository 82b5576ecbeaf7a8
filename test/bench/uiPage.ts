// Timing inside the browser: a keystroke, a click or a scroll is stamped when the page sees it
// (capture phase), and the list is "updated" when its DOM shows the answer — a MutationObserver
// fires right after React commits. Stalls: every long task (≥ 50 ms on the main thread, as
// Chromium's PerformanceObserver 'longtask' reports them) is kept, and a case reads the longest
// since it began. Kept as a string: the bench runs under tsx, whose transforms must not leak
// helpers into code that runs in the page.
export const PAGE_TIMER = String.raw`
window.__bench = {
  tasks: [],
  taskMark: 0,
  /** From now on, long tasks count for the case under way. */
  startTasks() { window.__bench.taskMark = performance.now(); },
  /** The long tasks since startTasks(), as [start, ms]: entries arrive after their task, so wait a little. */
  async tasksSince() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return window.__bench.tasks
      .filter((t) => t.start + t.ms >= window.__bench.taskMark)
      .map((t) => [Math.round(t.start - window.__bench.taskMark), Math.round(t.ms)]);
  },
  /** Starts timing at the next event of this type; resolves with ms until cond() holds in the DOM. */
  arm(eventType, cond) {
    let t0 = null;
    window.__bench.listAnswered = null;
    window.__bench.split = null;
    const start = () => { if (t0 === null) t0 = performance.now(); };
    if (eventType === 'now') start(); else window.addEventListener(eventType, start, { capture: true, once: true });
    window.__bench.result = new Promise((resolve) => {
      const check = () => {
        if (t0 !== null && cond()) {
          observer.disconnect();
          const done = performance.now();
          const answered = window.__bench.listAnswered;
          // Where the time went: until the list's answer was read (request), and after (the page).
          if (answered !== null && answered >= t0) window.__bench.split = { request: answered - t0, page: done - answered };
          resolve(done - t0);
          return true;
        }
        return false;
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => { observer.disconnect(); resolve(-1); }, 20000);
      if (eventType === 'now') check();
    });
  },
  list() { return document.querySelector('[data-testid="people-list"]'); },
  /** The list shows the answer to q, its first row filled in, and nothing pending at the top. */
  showing(q, minVersion) {
    const l = window.__bench.list();
    if (!l || l.dataset.state !== 'ready' || l.dataset.shownQ !== q || Number(l.dataset.version) < minVersion) return false;
    return l.dataset.total === '0' || l.querySelector('[aria-rowindex="1"]:not(.vt-row-pending)') !== null;
  },
  version() { const l = window.__bench.list(); return l ? Number(l.dataset.version) : 0; },
  /** The bare HTTP round trip of the same list call, from this page: the floor. */
  async fetchList(input) {
    const headers = { 'Content-Type': 'application/json', 'X-CensusDesk-Token': sessionStorage.getItem('censusdesk.token') };
    const session = sessionStorage.getItem('censusdesk.session');
    if (session) headers['X-CensusDesk-Session'] = session;
    const t0 = performance.now();
    const r = await fetch('/api/person.list', { method: 'POST', headers, body: JSON.stringify(input) });
    await r.json();
    return performance.now() - t0;
  },
};
// The moment the page has read a person.list answer (the app's bridge calls fetch, then json()).
const pageFetch = window.fetch.bind(window);
window.fetch = async (resource, init) => {
  const res = await pageFetch(resource, init);
  if (String(resource).includes('/api/person.list')) {
    const json = res.json.bind(res);
    res.json = async () => {
      const body = await json();
      window.__bench.listAnswered = performance.now();
      return body;
    };
  }
  return res;
};
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {
  console.error('longtask observer', e);
}
`;
