// The import over browser mode's HTTP transport: the file as base64 JSON with a real session,
// sensitive values masked on the way out, and the commit refused to a read-only operator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { startHttpServer, type HttpServer } from '../../backend/transports/http';
import { fixture, TOWNSHIPS } from './helpers';

let b: TestBackend;
let s: HttpServer;
beforeEach(async () => {
  b = tempBackend();
  s = await startHttpServer({ backend: b, staticDir: b.dir });
});
afterEach(async () => {
  await s.close();
  b.dispose();
});

async function call(method: string, input: unknown, session?: string) {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-CensusDesk-Token': s.token,
      ...(session ? { 'X-CensusDesk-Session': session } : {}),
    },
    body: JSON.stringify(input),
  });
  return {
    session: res.headers.get('x-censusdesk-session'),
    body: (await res.json()) as {
      ok: boolean;
      data?: Record<string, unknown>;
      error?: { code: string; message: string };
    },
  };
}

async function login(name: string, password: string) {
  return (await call('session.login', { name, password })).session!;
}

describe('imports over HTTP', () => {
  it('uploads, previews with masked IDs, commits as 录入员, is refused to 只读', async () => {
    const office = {
      countyName: '蓬安县',
      countyCode: '511323',
      cityName: '南充市',
      cityCode: '5113',
      unitName: '蓬安县污普办',
    };
    expect((await call('setup.init', { office, admin: { name: 'admin', password: 'secret123' } })).body.ok).toBe(true);
    const admin = await login('admin', 'secret123');
    for (const [code, name] of TOWNSHIPS)
      expect((await call('township.create', { code, name }, admin)).body.ok).toBe(true);
    await call('operator.create', { name: '查看员', role: '只读', password: 'pass1234' }, admin);
    const viewer = await login('查看员', 'pass1234');
    await call('operator.create', { name: '录入员甲', role: '录入员', password: 'pass1234' }, admin);
    const clerk = await login('录入员甲', 'pass1234');

    const contentBase64 = fixture('roster-county-style.xlsx').toString('base64');
    // Reading an untrusted file costs the server: staging and previewing need the 录入 role.
    const notAllowed = await call('import.upload', { kind: 'person', fileName: '花名册.xlsx', contentBase64 }, viewer);
    expect(notAllowed.body.error).toMatchObject({ code: 'FORBIDDEN' });
    const up = await call('import.upload', { kind: 'person', fileName: '花名册.xlsx', contentBase64 }, clerk);
    expect(up.body.ok).toBe(true);
    const importId = up.body.data!.importId as string;
    expect((await call('import.preview', { importId, pageSize: 5 }, viewer)).body.error).toMatchObject({
      code: 'FORBIDDEN',
    });
    const p = await call('import.preview', { importId, pageSize: 5 }, clerk);
    const rows = p.body.data!.rows as { values: { idNumber: string }; cells: string[] }[];
    expect(rows[0].values.idNumber).toBe('5113**********4443');
    expect(rows[0].cells[4]).toBe('5113**********4443');
    expect(p.body.data!.counts).toMatchObject({ valid: 55, errors: 5 });

    const refused = await call('import.commit', { importId, onExisting: 'update' }, viewer);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN' });
    const done = await call('import.commit', { importId, onExisting: 'update' }, admin);
    expect(done.body.data).toMatchObject({ created: 55, rejected: 5 });
  });
});
