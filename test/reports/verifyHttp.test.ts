// 核对 in browser mode: the workbook goes up as raw bytes (POST /api/upload) and report.read names
// the upload; the answer names the changed cell as through dispatch.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpServer, type HttpServer } from '../../backend/transports/http';
import { DEMO_ADMIN } from '../../backend/demo';
import type { TestBackend } from '../helpers/backend';
import { DOWNLOAD_PATH, UPLOAD_PATH, downloadIdOf } from '../../core/schemas/files';
import { demoBackend } from './helpers';
import { TAMPERINGS, edited } from './verifyCases';

let b: TestBackend;
let s: HttpServer;
let session = '';

const headers = (type: string) => ({
  'Content-Type': type,
  'X-CensusDesk-Token': s.token,
  ...(session ? { 'X-CensusDesk-Session': session } : {}),
});

async function call(method: string, input: unknown) {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    headers: headers('application/json'),
    body: JSON.stringify(input),
  });
  if (method === 'session.login') session = res.headers.get('x-censusdesk-session') ?? '';
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { message: string } };
}

async function upload(bytes: Buffer): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${s.port}${UPLOAD_PATH}`, {
    method: 'POST',
    headers: headers('application/octet-stream'),
    body: bytes as BodyInit,
  });
  return ((await res.json()) as { data: { upload: string } }).data.upload;
}

beforeAll(async () => {
  b = await demoBackend();
  const staticDir = join(b.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>普查办工作台</title>');
  s = await startHttpServer({ backend: b, staticDir });
  expect((await call('session.login', DEMO_ADMIN)).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await s?.close();
  b?.dispose();
});

it('checks an uploaded workbook: untouched has no findings, an edited cell is named with its address', async () => {
  const out = await call('report.export', { reportId: 'R2', period: '2018-10', mode: 'official' });
  expect(out.ok).toBe(true);
  const res = await fetch(`http://127.0.0.1:${s.port}${DOWNLOAD_PATH}${downloadIdOf(out.data!.base64)}`);
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
