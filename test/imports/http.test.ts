// The import over browser mode's HTTP transport: the file as base64 JSON with a real session,
// sensitive values masked on the way out, and the commit refused to a read-only operator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, OFFICE, type Client } from '../transports/client';
import { fixture, TOWNSHIPS } from './helpers';

let c: Client;
beforeEach(async () => {
  c = await client();
});
afterEach(() => c.close());

const call = (method: string, input: unknown, session?: string) => c.post(method, input, session);

async function login(name: string, password: string) {
  return (await call('session.login', { name, password })).session!;
}

describe('imports over HTTP', () => {
  it('uploads, previews with masked IDs, commits as 录入员, is refused to 只读', async () => {
    expect(
      (await call('setup.init', { office: OFFICE, admin: { name: 'admin', password: 'secret123' } })).json.ok,
    ).toBe(true);
    const admin = await login('admin', 'secret123');
    for (const [code, name] of TOWNSHIPS)
      expect((await call('township.create', { code, name }, admin)).json.ok).toBe(true);
    await call('operator.create', { name: '查看员', role: '只读', password: 'pass1234' }, admin);
    const viewer = await login('查看员', 'pass1234');
    await call('operator.create', { name: '录入员甲', role: '录入员', password: 'pass1234' }, admin);
    const clerk = await login('录入员甲', 'pass1234');

    const contentBase64 = fixture('roster-county-style.xlsx').toString('base64');
    // Reading an untrusted file costs the server: staging and previewing need the 录入 role.
    const notAllowed = await call('import.upload', { kind: 'person', fileName: '花名册.xlsx', contentBase64 }, viewer);
    expect(notAllowed.json.error).toMatchObject({ code: 'FORBIDDEN' });
    const up = await call('import.upload', { kind: 'person', fileName: '花名册.xlsx', contentBase64 }, clerk);
    expect(up.json.ok).toBe(true);
    const importId = up.json.data!.importId as string;
    expect((await call('import.preview', { importId, pageSize: 5 }, viewer)).json.error).toMatchObject({
      code: 'FORBIDDEN',
    });
    const p = await call('import.preview', { importId, pageSize: 5 }, clerk);
    const rows = p.json.data!.rows as { values: { idNumber: string }; cells: string[] }[];
    expect(rows[0].values.idNumber).toBe('5113**********4443');
    expect(rows[0].cells[4]).toBe('5113**********4443');
    expect(p.json.data!.counts).toMatchObject({ valid: 55, errors: 5 });

    const refused = await call('import.commit', { importId, onExisting: 'update' }, viewer);
    expect(refused.json.error).toMatchObject({ code: 'FORBIDDEN' });
    const done = await call('import.commit', { importId, onExisting: 'update' }, admin);
    expect(done.json.data).toMatchObject({ created: 55, rejected: 5 });
  });
});
