// 核对 in browser mode: the workbook goes up as raw bytes (POST /api/upload) and report.read names
// the upload; the answer names the changed cell as through dispatch.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../backend/demo';
import { client, type Client } from '../transports/client';
import { demoBackend } from './helpers';
import { TAMPERINGS, edited } from './verifyCases';

let c: Client;
let session = '';

const call = (method: string, input: unknown) => c.post(method, input, session).then((a) => a.json);
const upload = async (bytes: Buffer) => ((await c.upload(bytes, session)).json.data as { upload: string }).upload;

beforeAll(async () => {
  c = await client({}, await demoBackend());
  const login = await c.post('session.login', DEMO_ADMIN);
  expect(login.json.ok).toBe(true);
  session = login.session!;
}, 60_000);
afterAll(async () => {
  await c?.close();
});

it('checks an uploaded workbook: untouched has no findings, an edited cell is named with its address', async () => {
  const out = await call('report.export', { reportId: 'R2', period: '2018-10', mode: 'official' });
  expect(out.ok).toBe(true);
  const res = await c.download(String(out.data!.base64));
  const bytes = Buffer.from(await res.arrayBuffer());

  const clean = await call('report.read', { base64: await upload(bytes) });
  expect(clean.ok).toBe(true);
  expect(clean.data).toMatchObject({ basis: 'record', digest: 'match', findings: [] });

  const tampered = await edited(bytes, TAMPERINGS.figure.edit);
  const r = await call('report.read', { base64: await upload(tampered) });
  expect(r.ok).toBe(true);
  const findings = r.data!.findings as { kind: string; sheet: string; cell: string; message: string }[];
  expect(findings).toContainEqual(
    expect.objectContaining({ kind: 'changed', sheet: '进度调度表', cell: 'C6', before: '412', after: '413' }),
  );
});
