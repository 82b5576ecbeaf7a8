// No paths from callers (issue #15): browser mode refuses any input that names a file on this
// computer, whatever the folder and whoever asks, with the same answer; a save where a trusted
// caller said is audited. (The desktop's one-time handles: test/electron/fileHandles.test.ts.)
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, OFFICE, type Client } from '../transports/client';
import { PASSWORD } from './fixtures';

let c: Client;
let admin: string;
let viewer: string;
beforeEach(async () => {
  c = await client();
  const init = await c.post('setup.init', {
    office: { ...OFFICE, headName: '张主任', statsHeadName: '王统计', preparerName: '李填表', phone: '0817-1234567' },
    admin: { name: 'admin', password: PASSWORD },
  });
  admin = init.session!;
  await c.post('operator.create', { name: 'viewer', role: '只读', password: PASSWORD }, admin);
  viewer = (await c.post('session.login', { name: 'viewer', password: PASSWORD })).session!;
});
afterEach(() => c.close());

const entries = (action: string) =>
  (c.b.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

describe('browser mode names no files', () => {
  it('refuses savePath on report.export and report.reexport, the same for a folder that exists and one that does not', async () => {
    const existing = join(c.b.dir, 'out');
    mkdirSync(existing);
    const answers = [];
    for (const savePath of [join(existing, 'r.xlsx'), join(c.b.dir, 'nope', 'r.xlsx'), '/etc/r.xlsx']) {
      for (const session of [viewer, admin]) {
        const r = await c.post('report.export', { reportId: 'R1', savePath }, session);
        answers.push(JSON.stringify(r.json));
        expect(r.json).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } });
        expect(r.json.error?.message).toBe(
          '浏览器模式下不能指定文件路径（savePath）：导出的文件由浏览器下载，打开的文件由浏览器上传',
        );
      }
    }
    expect(new Set(answers).size).toBe(1);
    expect(existsSync(join(existing, 'r.xlsx'))).toBe(false);
    const re = await c.post('report.reexport', { exportId: 1, savePath: '/tmp/x.xlsx' }, viewer);
    expect(re.json.error?.code).toBe('PATH_NOT_ALLOWED');
    // The browser's way still works: the workbook comes back as a download.
    const ok = await c.post('report.export', { reportId: 'R1' }, viewer);
    expect(ok.json.ok).toBe(true);
  });

  it('refuses a package path, to write or to read, even before anyone has logged in', async () => {
    const out = await c.post('package.export', { path: join(c.b.dir, '包.cdpkg') }, admin);
    expect(out.json.error?.code).toBe('PATH_NOT_ALLOWED');
    expect(existsSync(join(c.b.dir, '包.cdpkg'))).toBe(false);
    const imp = await c.post('package.import', { path: '/etc/passwd' }, admin);
    expect(imp.json.error?.code).toBe('PATH_NOT_ALLOWED');
    const setup = await c.post('setup.importPackage', { path: '/etc/passwd' });
    expect(setup.json.error?.code).toBe('PATH_NOT_ALLOWED');
  });
});

describe('a save where a trusted caller said', () => {
  it('is in the audit log: who, which method, where', async () => {
    const path = join(c.b.dir, '花名册.xlsx');
    const before = entries('saveFile');
    const r = await c.b.dispatch(
      'report.export',
      { reportId: 'R1', savePath: path },
      { operator: { id: 2, name: 'viewer', role: '只读' }, checkOutput: true },
    );
    expect(r.ok).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(entries('saveFile')).toBe(before + 1);
    const row = c.b.db
      .prepare(`SELECT operator_name, entity, after_json FROM audit_log WHERE action = 'saveFile'`)
      .get() as { operator_name: string; entity: string; after_json: string };
    expect(row).toMatchObject({ operator_name: 'viewer', entity: 'report' });
    expect(JSON.parse(row.after_json)).toMatchObject({ method: 'report.export', path, fileName: expect.any(String) });
  });
});
