// 收取报表 in browser mode: a zip goes up as raw bytes (POST /api/upload), intake.receive names the
// upload; a received file comes back through a download reference, byte for byte; the ledger
// exports as a download too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { client, type Client } from '../transports/client';
import { buildZip } from './zipWriter';
import { cityBackend, intakeFiles } from './fixtures';

let c: Client;
const { f } = intakeFiles();
let session = '';

const call = (method: string, input: unknown) => c.post(method, input, session).then((a) => a.json);
const upload = async (bytes: Buffer) => ((await c.upload(bytes, session)).json.data as { upload: string }).upload;

beforeAll(async () => {
  c = await client({}, await cityBackend());
  const login = await c.post('session.login', { name: 'admin', password: 'demo1234' });
  expect(login.json.ok).toBe(true);
  session = login.session!;
}, 300_000);
afterAll(async () => {
  await c?.close();
});

it('takes in an uploaded zip and gives each file back as received', async () => {
  const zip = buildZip([
    { name: '十月/蓬安县.xlsx', data: f.pengan1, names: 'gbk' },
    { name: '十月/顺庆区.xlsx', data: f.shunqing, names: 'gbk' },
  ]);
  const r = await call('intake.receive', { fileName: '十月月报.zip', base64: await upload(zip), batchId: 'web' });
  expect(r.ok).toBe(true);
  const results = r.data!.results as { fileName: string; outcome: string; fileId: number }[];
  expect(results.map((x) => [x.fileName, x.outcome])).toEqual([
    ['十月/蓬安县.xlsx', '新收'],
    ['十月/顺庆区.xlsx', '新收'],
  ]);
  const dl = await call('intake.download', { fileId: results[0].fileId });
  expect(dl.ok).toBe(true);
  const res = await c.download(String(dl.data!.base64));
  expect(Buffer.from(await res.arrayBuffer()).equals(f.pengan1)).toBe(true);

  const ledger = await call('ledger.export', { from: '2018-10', to: '2018-10' });
  expect(ledger.ok).toBe(true);
  const file = await c.download(String(ledger.data!.base64));
  expect(
    Buffer.from(await file.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

it('refuses a read-only operator', async () => {
  const b = c.b;
  await b.ok('operator.create', { name: 'reader', role: '只读', password: 'read1234' } as never);
  const login = await c.post('session.login', { name: 'reader', password: 'read1234' });
  const r = await c.post(
    'intake.receive',
    { fileName: 'a.xlsx', base64: f.shunqing.toString('base64') },
    login.session!,
  );
  expect(r.json.ok).toBe(false);
  expect(r.json.error?.code).toBe('FORBIDDEN');
});
