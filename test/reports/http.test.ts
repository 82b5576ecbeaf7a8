// Browser mode: the answer names the workbook's one-time download (the renderer lets the browser
// fetch it, as bytes, with its file name), and the print views' data arrives with sensitive values masked unless a 管理员
// asks for them in full.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { client, type Client } from '../transports/client';
import { DEMO_ADMIN } from '../../backend/demo';
import type { TableDoc } from '../../core/reports/doc';
import { demoBackend } from './helpers';

let c: Client;
let session = '';

const call = async (method: string, input: unknown) => (await c.post(method, input, session)).json;

beforeAll(async () => {
  const b = await demoBackend();
  const staticDir = join(b.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>普查办工作台</title>');
  c = await client({ staticDir }, b);
  const login = await c.post('session.login', DEMO_ADMIN);
  expect(login.json.ok).toBe(true);
  session = login.session ?? '';
}, 60_000);
afterAll(async () => {
  await c?.close();
});

it('returns the monthly report as a download with its file name', async () => {
  const r = await call('report.export', { reportId: 'R2', period: '2018-10', mode: 'official' });
  expect(r.ok).toBe(true);
  expect(r.data).toMatchObject({ fileName: '蓬安县_工作进度月报_2018年10月_v1.xlsx', savedPath: null, version: 1 });
  const res = await c.download(String(r.data!.base64));
  expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(r.data!.fileName);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.length).toBe(r.data!.size);
  expect(XLSX.read(bytes, { type: 'buffer' }).SheetNames).toContain('进度调度表');
  const history = await call('report.history', { filters: { reportId: 'R2' } });
  expect((history.data as { rows: { operatorName: string }[] }).rows[0].operatorName).toBe('admin');
});

it('masks IDs and card numbers in the pay sheet’s print data, and shows them to a 管理员 who asks', async () => {
  const masked = (await call('print.paySheet', { payRunId: 1 })).data as unknown as TableDoc;
  expect(masked.rows[0].cells[3]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  expect(masked.rows[0].cells[5]).toMatch(/^\d{4}\*+\d{4}$/);
  const full = (await call('print.paySheet', { payRunId: 1, fullSensitive: true })).data as unknown as TableDoc;
  expect(full.rows[0].cells[3]).toMatch(/^\d{17}[\dX]$/);
  const audit = await call('audit.list', { filters: { entity: 'report' } });
  expect((audit.data as { rows: { action: string; operatorName: string }[] }).rows[0]).toMatchObject({
    action: 'exportSensitive',
    operatorName: 'admin',
  });
});
