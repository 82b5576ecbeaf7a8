// The renderer's one way to the backend. In Electron the preload has installed window.censusdesk;
// in browser mode calls go over HTTP with the launch token (read once from the URL fragment) and,
// after login, the session id. The choice is made at run time, so one bundle serves both.
import { sessionEffectOf, type InputOf, type MethodName, type OutputOf, type Result } from '../core/api';

export interface Bridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
}

/** What the Electron preload exposes (electron/preload.ts, key BRIDGE_KEY there). */
interface PreloadApi {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}
declare global {
  interface Window {
    censusdesk?: PreloadApi;
  }
}

const TOKEN_KEY = 'censusdesk.token';
const SESSION_KEY = 'censusdesk.session';

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });

/**
 * The token arrives as `#token=…` in the address the server printed. It is kept for this tab only
 * (sessionStorage survives a reload) and removed from the address bar so it is not bookmarked or shared.
 */
function takeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpBridge(fetchFn: typeof fetch = fetch.bind(globalThis)): Bridge {
  const token = takeToken();
  return {
    async call(method, input) {
      if (!token) return failure('BAD_TOKEN', '缺少访问令牌：请用启动时显示的完整地址（含 #token=）打开普查办工作台');
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-CensusDesk-Token': token };
      const session = sessionStorage.getItem(SESSION_KEY);
      if (session) headers['X-CensusDesk-Session'] = session;
      let res: Response;
      try {
        res = await fetchFn(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure('NETWORK', '无法连接到普查办工作台后台，请确认它仍在运行');
      }
      const opened = res.headers.get('X-CensusDesk-Session');
      if (opened) sessionStorage.setItem(SESSION_KEY, opened);
      // The session ends as the contract declares (session.logout), or when the backend no longer knows it.
      if (sessionEffectOf(method) === 'closes' || res.status === 401) sessionStorage.removeItem(SESSION_KEY);
      try {
        return (await res.json()) as Result<OutputOf<typeof method>>;
      } catch {
        return failure('NETWORK', `后台返回了无法识别的内容（HTTP ${res.status}）`);
      }
    },
  };
}

export function preloadBridge(api: PreloadApi): Bridge {
  return {
    async call(method, input) {
      try {
        return (await api.call(method, input)) as Result<OutputOf<typeof method>>;
      } catch (e) {
        return failure('INTERNAL', `调用失败：${(e as Error).message ?? String(e)}`);
      }
    },
  };
}

let chosen: Bridge | undefined;
export function getBridge(): Bridge {
  chosen ??= window.censusdesk ? preloadBridge(window.censusdesk) : httpBridge();
  return chosen;
}
