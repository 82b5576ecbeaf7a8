// The renderer's one way to the backend. In Electron the preload has installed window.censusdesk;
// in browser mode calls go over HTTP with the launch token (read once from the URL fragment) and,
// after login, the session id. The choice is made at run time, so one bundle serves both.
import { sessionEffectOf, type InputOf, type MethodName, type OutputOf, type Result } from '../core/api';
import { UPLOAD_PATH } from '../core/schemas/files';

export interface Bridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  /**
   * Browser mode: sends a file's bytes as they are, ahead of the call that takes it; the answer is
   * the upload reference to put in that call's file field (core/schemas/files.ts). The desktop has
   * none: its IPC carries the file's base64.
   */
  upload?(file: Blob): Promise<Result<string>>;
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

const NO_TOKEN = '缺少访问令牌：请用启动时显示的完整地址（含 #token=）打开普查办工作台';
const NO_BACKEND = '无法连接到普查办工作台后台，请确认它仍在运行';

export function httpBridge(fetchFn: typeof fetch = fetch.bind(globalThis)): Bridge {
  const token = takeToken();
  const headersFor = (contentType: string, secret: string) => {
    const headers: Record<string, string> = { 'Content-Type': contentType, 'X-CensusDesk-Token': secret };
    const session = sessionStorage.getItem(SESSION_KEY);
    if (session) headers['X-CensusDesk-Session'] = session;
    return headers;
  };
  const readResult = async <T>(res: Response): Promise<Result<T>> => {
    try {
      return (await res.json()) as Result<T>;
    } catch {
      return failure('NETWORK', `后台返回了无法识别的内容（HTTP ${res.status}）`);
    }
  };
  return {
    async call(method, input) {
      if (!token) return failure('BAD_TOKEN', NO_TOKEN);
      const headers = headersFor('application/json', token);
      let res: Response;
      try {
        res = await fetchFn(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure('NETWORK', NO_BACKEND);
      }
      const opened = res.headers.get('X-CensusDesk-Session');
      if (opened) sessionStorage.setItem(SESSION_KEY, opened);
      // The session ends as the contract declares (session.logout), or when the backend no longer knows it.
      if (sessionEffectOf(method) === 'closes' || res.status === 401) sessionStorage.removeItem(SESSION_KEY);
      return readResult<OutputOf<typeof method>>(res);
    },
    async upload(file) {
      if (!token) return failure('BAD_TOKEN', NO_TOKEN);
      let res: Response;
      try {
        res = await fetchFn(UPLOAD_PATH, {
          method: 'POST',
          headers: headersFor('application/octet-stream', token),
          body: file,
        });
      } catch {
        return failure('NETWORK', NO_BACKEND);
      }
      const r = await readResult<{ upload: string }>(res);
      return r.ok ? { ok: true, data: r.data.upload } : r;
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
