// What goes wrong in an office: an incomplete office profile, a period with nothing in it, a
// target file that is read-only or open in Excel, bad parameters. Each gets a clear Chinese
// message, and nothing is half-written: not in the data, not on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { demoBackend, excelOf, exportError, exportReport, nowCtx } from './helpers';
import { bodyRows } from './frame';
import { ROSTER } from '../../core/reports/layouts/people';
import { TRAINING } from '../../core/reports/layouts/money';
import { replaceFile, saveError } from '../../backend/reports/save';
import { LAYOUT_VERSION } from '../../core/reports/layout';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('office profile', () => {
  it('without a profile: says to fill in 单位信息 and writes nothing', async () => {
    const fresh = tempBackend();
    try {
      const before = fresh.snapshot();
      const e = await exportError(fresh, { reportId: 'R1' });
      expect(e.code).toBe('PROFILE_INCOMPLETE');
      expect(e.message).toBe(
        '尚未填写单位信息，无法导出普查人员花名册：请管理员先在“单位信息”中填写县名、区划代码和填报单位等',
      );
      expect(fresh.snapshot()).toEqual(before);
    } finally {
      fresh.dispose();
    }
  });

  it('names exactly the fields the report’s header and footer need', async () => {
    const fresh = tempBackend();
    try {
      await fresh.ok('setup.init', {
        office: {
          countyName: '蓬安县',
          countyCode: '511323',
          cityName: '南充市',
          cityCode: '5113',
          unitName: '蓬安县污普办',
          headName: '李德明',
        },
        admin: { name: 'admin', password: 'demo1234' },
      });
      const before = fresh.snapshot();
      const e = await exportError(fresh, { reportId: 'R2', period: '2018-06' });
      expect(e.message).toBe(
        '单位信息不完整，无法导出工作进度月报：报表的表头表尾需要统计负责人、填表人、联系电话。请管理员在“单位信息”中填写后再导出',
      );
      expect(e.issues.map((i) => i.message)).toEqual(['请填写统计负责人', '请填写填表人', '请填写联系电话']);
      expect(fresh.snapshot()).toEqual(before);
      // The roster's footer needs no 统计负责人, so only what it prints is asked for.
      expect((await exportError(fresh, { reportId: 'R1' })).message).toContain('需要填表人、联系电话。');
    } finally {
      fresh.dispose();
    }
  });
});

describe('nothing to report', () => {
  it('keeps the frame and says 无 when a filter or a period matches nothing', async () => {
    const roster = await exportReport(b, { reportId: 'R1', role: '专家' });
    const ws = (await excelOf(roster.bytes)).getWorksheet(ROSTER.sheetName)!;
    expect(ws.getCell('A1').value).toBe('蓬安县第二次全国污染源普查人员花名册');
    expect(bodyRows(ws, ROSTER).map((r) => r.getCell(2).value)).toEqual(['无']);

    const training = await exportReport(b, { reportId: 'R4', period: '2019-06' });
    const tws = (await excelOf(training.bytes)).getWorksheet(TRAINING.sheetName)!;
    expect(bodyRows(tws, TRAINING).map((r) => r.getCell(2).value)).toEqual(['合计', '无']);
  });
});

describe('bad parameters', () => {
  it('names the missing or wrong parameter and writes nothing', async () => {
    const before = b.snapshot();
    expect((await exportError(b, { reportId: 'R2' })).message).toBe('导出工作进度月报须指定报告期');
    expect((await exportError(b, { reportId: 'R2', period: '2018-13' })).message).toContain('报告期格式不正确');
    expect((await exportError(b, { reportId: 'R6', payRunId: 999 })).code).toBe('NOT_FOUND');
    expect((await exportError(b, { reportId: 'R5-tracking', contractId: 999 })).code).toBe('NOT_FOUND');
    const r = await b.dispatch('report.reexport', { exportId: 999 }, nowCtx);
    expect(r.ok ? null : r.error.message).toBe('导出记录不存在（编号 999）');
    expect(b.snapshot()).toEqual(before);
  });

  it('will not pretend to re-create a version it cannot reproduce', async () => {
    const v = await exportReport(b, { reportId: 'R2', period: '2018-09', mode: 'official' });
    b.db.prepare('UPDATE report_exports SET layout_version = 0 WHERE id = ?').run(v.exportId);
    const r = await b.dispatch('report.reexport', { exportId: v.exportId! }, nowCtx);
    expect(r.ok ? null : r.error.code).toBe('LAYOUT_CHANGED');
    b.db
      .prepare('UPDATE report_exports SET layout_version = ?, file_hash = ? WHERE id = ?')
      .run(LAYOUT_VERSION, '0'.repeat(64), v.exportId);
    const m = await b.dispatch('report.reexport', { exportId: v.exportId! }, nowCtx);
    expect(m.ok ? null : m.error.code).toBe('REEXPORT_MISMATCH');
  });
});

describe('saving where the desktop asked', () => {
  const files = (dir: string) => readdirSync(dir).sort();

  it('writes the whole file at the path and returns no base64', async () => {
    const dir = join(b.dir, 'save-ok');
    mkdirSync(dir);
    const path = join(dir, '月报.xlsx');
    writeFileSync(path, 'an older file');
    const out = await exportReport(b, { reportId: 'R2', period: '2018-10', savePath: path });
    expect(out.base64).toBeNull();
    expect(out.savedPath).toBe(path);
    expect(sha(readFileSync(path))).toBe(out.sha256);
    expect(files(dir)).toEqual(['月报.xlsx']);
  });

  it('leaves a read-only target as it was, with a clear message and no partial file or record', async () => {
    const dir = join(b.dir, 'save-ro');
    mkdirSync(dir);
    const path = join(dir, '月报.xlsx');
    writeFileSync(path, 'sent last month');
    chmodSync(path, 0o444);
    const before = b.snapshot();
    const e = await exportError(b, { reportId: 'R2', period: '2018-10', savePath: path });
    expect(e.code).toBe('TARGET_READ_ONLY');
    expect(e.message).toBe('文件“月报.xlsx”是只读文件，不能覆盖。请另选文件名，或先取消该文件的只读属性。原文件未改动');
    expect(readFileSync(path, 'utf8')).toBe('sent last month');
    expect(files(dir)).toEqual(['月报.xlsx']);
    expect(b.snapshot()).toEqual(before);
  });

  it('refuses a folder, a relative path and a missing folder before doing any work', async () => {
    const dir = join(b.dir, 'save-dir');
    mkdirSync(join(dir, '月报.xlsx'), { recursive: true });
    const before = b.snapshot();
    expect(
      (await exportError(b, { reportId: 'R2', period: '2018-10', savePath: join(dir, '月报.xlsx') })).message,
    ).toContain('是一个文件夹');
    expect((await exportError(b, { reportId: 'R3', savePath: '月报.xlsx' })).message).toBe(
      '保存路径应为以 .xlsx 结尾的完整路径',
    );
    expect((await exportError(b, { reportId: 'R3', savePath: join(dir, 'nowhere', 'a.xlsx') })).message).toContain(
      '保存位置不存在',
    );
    expect(files(dir)).toEqual(['月报.xlsx']);
    expect(b.snapshot()).toEqual(before);
  });

  it('cleans up its temporary file when the final rename fails', () => {
    const dir = join(b.dir, 'save-rename');
    mkdirSync(join(dir, 'busy.xlsx', 'inside'), { recursive: true });
    expect(() => replaceFile(join(dir, 'busy.xlsx'), Buffer.from('PK'))).toThrow(/不能保存为文件|无法保存/);
    expect(files(dir)).toEqual(['busy.xlsx']);
    expect(existsSync(join(dir, 'busy.xlsx', 'inside'))).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a read-only folder (not checkable as root, whom permissions do not stop)',
    async () => {
      const dir = join(b.dir, 'save-ro-dir');
      mkdirSync(dir);
      chmodSync(dir, 0o555);
      const e = await exportError(b, { reportId: 'R3', savePath: join(dir, '经费.xlsx') });
      expect(e.code).toBe('TARGET_LOCKED');
      expect(files(dir)).toEqual([]);
    },
  );

  it('explains a file held open by Excel (Windows refuses to replace it)', () => {
    for (const code of ['EBUSY', 'EPERM']) {
      const e = saveError(Object.assign(new Error('x'), { code }), 'D:\\普查\\月报.xlsx');
      expect(e.code).toBe('TARGET_LOCKED');
      expect(e.message).toContain('正被其他程序（如 Excel 或 WPS）打开');
      expect(e.message).toContain('原文件未改动');
    }
  });
});
