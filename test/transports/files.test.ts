// Files over browser mode's HTTP transport: an answer's file becomes a one-time download (bytes,
// its Chinese name in Content-Disposition), bound to the session that made it; an upload goes up
// as raw bytes and is named by the call that uses it. No file travels as base64 inside JSON.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import { FileStore, FILE_TTL_MS } from '../../backend/transports/fileStore';
import { contentDisposition, fileFieldsOf } from '../../backend/transports/files';
import { api, type MethodName } from '../../core/api';
import { fixture, TOWNSHIPS } from '../imports/helpers';
import { client, setUp, type Client } from './client';

let c: Client;
let admin: string;
beforeEach(async () => {
  c = await client({ uploadLimit: 2 * 1024 * 1024 });
  admin = await setUp(c);
});
afterEach(async () => {
  await c.close();
});

/** audit.export over HTTP: a cheap file with a Chinese name (操作日志_….xlsx). */
async function exportLog(session = admin) {
  const r = await c.post('audit.export', { filters: {} }, session);
  expect(r.json.ok).toBe(true);
  return r.json.data as { fileName: string; base64: string; count: number };
}

describe('downloads', () => {
  it('answer with a download reference, and the file arrives once as bytes with its Chinese name', async () => {
    const out = await exportLog();
    expect(out.fileName).toMatch(/^操作日志_.*\.xlsx$/);
    expect(out.base64).toMatch(/^download:[0-9a-f]{64}$/);

    // A plain navigation sends no headers: the id alone admits it.
    const res = await c.download(out.base64);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="_+\S*\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(out.fileName);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(XLSX.read(bytes, { type: 'buffer' }).SheetNames.length).toBeGreaterThan(0);

    const again = await c.download(out.base64);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_GONE' } });
  });

  it('is refused to another session, to a wrong token, and once its session has ended', async () => {
    const out = await exportLog();
    const other = (await c.post('session.login', { name: 'admin', password: 'secret123' })).session!;
    expect((await c.download(out.base64, { 'X-CensusDesk-Session': other })).status).toBe(404);
    expect((await c.download(out.base64, { 'X-CensusDesk-Token': 'f'.repeat(64) })).status).toBe(401);
    // Refusals leave it for its owner.
    const own = await c.download(out.base64, { 'X-CensusDesk-Session': admin, 'X-CensusDesk-Token': c.s.token });
    expect(own.status).toBe(200);

    const later = await exportLog(other);
    expect((await c.post('session.logout', {}, other)).json.ok).toBe(true);
    expect((await c.download(later.base64)).status).toBe(404);
  });

  it('answers only GET, and refuses an id that is not one', async () => {
    const out = await exportLog();
    const id = out.base64.slice('download:'.length);
    const post = await fetch(`http://127.0.0.1:${c.s.port}/api/download/${id}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect((await c.download('../../etc/passwd')).status).toBe(404);
    expect((await c.download(out.base64)).status).toBe(200);
  });
});

describe('uploads', () => {
  it('round-trip into an import preview, once, for the session that sent them', async () => {
    for (const [code, name] of TOWNSHIPS)
      expect((await c.post('township.create', { code, name }, admin)).json.ok).toBe(true);
    const file = fixture('roster-county-style.xlsx');
    const up = await c.upload(file, admin);
    expect(up.json).toMatchObject({
      ok: true,
      data: { upload: expect.stringMatching(/^upload:[0-9a-f]{64}$/), size: file.length },
    });
    const ref = up.json.data!.upload as string;

    const other = (await c.post('session.login', { name: 'admin', password: 'secret123' })).session!;
    const stolen = await c.post(
      'import.upload',
      { kind: 'person', fileName: '花名册.xlsx', contentBase64: ref },
      other,
    );
    expect(stolen.status).toBe(410);
    expect(stolen.json.error?.code).toBe('UPLOAD_GONE');

    const staged = await c.post(
      'import.upload',
      { kind: 'person', fileName: '花名册.xlsx', contentBase64: ref },
      admin,
    );
    expect(staged.json).toMatchObject({
      ok: true,
      data: { fileName: '花名册.xlsx', size: file.length, fileHash: createHash('sha256').update(file).digest('hex') },
    });
    const importId = staged.json.data!.importId as string;
    const preview = await c.post('import.preview', { importId, pageSize: 5 }, admin);
    expect(preview.json.data!.counts).toMatchObject({ valid: 55, errors: 5 });
    const rows = preview.json.data!.rows as { values: { idNumber: string } }[];
    expect(rows[0].values.idNumber).toBe('5113**********4443');

    const reused = await c.post(
      'import.upload',
      { kind: 'person', fileName: '花名册.xlsx', contentBase64: ref },
      admin,
    );
    expect(reused.json.error).toMatchObject({
      code: 'UPLOAD_GONE',
      message: expect.stringContaining('请重新选择文件'),
    });

    // The error workbook comes back as a download too.
    const errors = await c.post('import.errors', { importId }, admin);
    expect(errors.json.data!.contentBase64).toMatch(/^download:/);
    const res = await c.download(errors.json.data!.contentBase64 as string);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(
      errors.json.data!.fileName,
    );
  });

  it('arrive even when the uploaded file name carries a broken character (a lone surrogate)', async () => {
    for (const [code, name] of TOWNSHIPS) await c.post('township.create', { code, name }, admin);
    const up = await c.upload(fixture('roster-county-style.xlsx'), admin);
    const staged = await c.post(
      'import.upload',
      { kind: 'person', fileName: '花名册\ud800.xlsx', contentBase64: up.json.data!.upload },
      admin,
    );
    const importId = staged.json.data!.importId as string;
    await c.post('import.preview', { importId, pageSize: 5 }, admin);
    const errors = await c.post('import.errors', { importId }, admin);
    const res = await c.download(errors.json.data!.contentBase64 as string);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toContain('\ufffd');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('need the token, raw bytes, a live session if one is named, and stay within the upload limit', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const noToken = await fetch(`http://127.0.0.1:${c.s.port}/api/upload`, { method: 'POST', body: bytes });
    expect(noToken.status).toBe(401);
    expect((await c.upload(bytes, admin, 'application/json')).status).toBe(415);
    expect((await c.upload(bytes, 'e'.repeat(64))).status).toBe(401);
    const big = await c.upload(new Uint8Array(2 * 1024 * 1024 + 1), admin);
    expect(big.status).toBe(413);
    expect(big.json.error?.message).toBe('文件过大：上传的文件（导入文件、数据包）不能超过 2.0 MB');
  });
});

describe('the contract marks every file field', () => {
  it('finds the answers and inputs that carry a file', () => {
    const names = Object.keys(api) as MethodName[];
    const downloads = names.filter((m) => fileFieldsOf(m).download).map((m) => `${m}.${fileFieldsOf(m).download}`);
    const uploads = names.filter((m) => fileFieldsOf(m).upload).map((m) => `${m}.${fileFieldsOf(m).upload}`);
    expect(downloads.sort()).toEqual([
      'audit.export.base64',
      'import.errors.contentBase64',
      'import.template.contentBase64',
      'intake.download.base64',
      'ledger.export.base64',
      'list.export.base64',
      'package.export.base64',
      'report.export.base64',
      'report.reexport.base64',
    ]);
    expect(uploads.sort()).toEqual([
      'import.upload.contentBase64',
      'intake.receive.base64',
      'package.import.base64',
      'report.read.base64',
      'setup.importPackage.base64',
    ]);
  });

  it('names the file in ASCII and in UTF-8 for the browser', () => {
    const header = contentDisposition('蓬安县_普查人员花名册 (1)"\\.xlsx');
    expect(header).toMatch(/^attachment; filename="___________ \(1\)__\.xlsx"; filename\*=UTF-8''%E8%93%AC/);
    const encoded = header.split("UTF-8''")[1];
    expect(encoded).toMatch(/^[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(encoded)).toBe('蓬安县_普查人员花名册 (1)"\\.xlsx');
  });
});

describe('the store holding them', () => {
  it('hands each out once, drops them after five minutes, and evicts the oldest past its cap', () => {
    let now = 0;
    const store = new FileStore(10, () => now);
    const a = store.put('s', Buffer.alloc(4), 'a');
    const b = store.put('s', Buffer.alloc(4), 'b');
    expect(store.take(a)?.fileName).toBe('a');
    expect(store.take(a)).toBeNull();
    const c2 = store.put('s', Buffer.alloc(4), 'c');
    const d = store.put('s', Buffer.alloc(4), 'd'); // 12 bytes > 10: b goes
    expect(store.peek(b)).toBeNull();
    expect(store.heldBytes).toBe(8);
    const huge = store.put('s', Buffer.alloc(20), 'huge'); // kept alone although over the cap
    expect([store.peek(c2), store.peek(d)]).toEqual([null, null]);
    expect(store.peek(huge)?.fileName).toBe('huge');
    now += FILE_TTL_MS + 1;
    expect(store.peek(huge)).toBeNull();
    expect(store.heldBytes).toBe(0);
  });
});
