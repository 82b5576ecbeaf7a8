// A browser-mode client for transport tests: JSON calls with the token and a session, files sent
// as raw bytes (POST /api/upload) and fetched as bytes (GET /api/download/<id>).
import { tempBackend, type TestBackend } from '../helpers/backend';
import { startHttpServer, type HttpServer, type HttpServerOptions } from '../../backend/transports/http';
import { DOWNLOAD_PATH, UPLOAD_PATH, downloadIdOf } from '../../core/schemas/files';

export interface Answer {
  status: number;
  session: string | null;
  json: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
}

export const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县污普办',
};

export interface Client {
  b: TestBackend;
  s: HttpServer;
  post: (method: string, input: unknown, session?: string) => Promise<Answer>;
  /** A call whose JSON body is sent as written (e.g. a list where an object belongs). */
  postText: (method: string, body: string, session?: string) => Promise<Answer>;
  upload: (bytes: Uint8Array, session?: string, contentType?: string) => Promise<Answer>;
  /** GET of a download reference (or a bare id), with the headers given. */
  download: (refOrId: string, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

/** A server over `b` (a fresh empty office unless given, e.g. the demo county); `close` disposes of it. */
export async function client(opts: Partial<HttpServerOptions> = {}, b: TestBackend = tempBackend()): Promise<Client> {
  const s = await startHttpServer({ backend: b, staticDir: b.dir, ...opts });
  const base = `http://127.0.0.1:${s.port}`;
  const answer = async (res: Response): Promise<Answer> => ({
    status: res.status,
    session: res.headers.get('X-CensusDesk-Session'),
    json: (await res.json()) as Answer['json'],
  });
  const headers = (contentType: string, session?: string) => ({
    'Content-Type': contentType,
    'X-CensusDesk-Token': s.token,
    ...(session ? { 'X-CensusDesk-Session': session } : {}),
  });
  const postText = async (method: string, body: string, session?: string) =>
    answer(
      await fetch(`${base}/api/${method}`, { method: 'POST', headers: headers('application/json', session), body }),
    );
  return {
    b,
    s,
    post: (method, input, session) => postText(method, JSON.stringify(input), session),
    postText,
    upload: async (bytes, session, contentType = 'application/octet-stream') =>
      answer(
        await fetch(base + UPLOAD_PATH, {
          method: 'POST',
          headers: headers(contentType, session),
          body: bytes as BodyInit,
        }),
      ),
    download: (refOrId, h = {}) => fetch(base + DOWNLOAD_PATH + (downloadIdOf(refOrId) ?? refOrId), { headers: h }),
    close: async () => {
      await s.close();
      b.dispose();
    },
  };
}

/** Sets up the office with an admin; returns the admin's session. */
export async function setUp(c: Client): Promise<string> {
  const init = await c.post('setup.init', { office: OFFICE, admin: { name: 'admin', password: 'secret123' } });
  if (!init.json.ok) throw new Error(init.json.error?.message);
  return init.session!;
}
