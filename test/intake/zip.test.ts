// intake.receive of zips through dispatch in a city office: names in GBK as Windows writes them
// (UTF-8 flag off), UTF-8 with and without the flag and in Info-ZIP's Unicode path field; folders;
// entries that are no workbook named and skipped; a workbook twice in one zip filed once; zip
// bombs and lying entries refused by name before anything is inflated.
import { describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { nowCtx } from '../reports/helpers';
import { buildZip } from './zipWriter';
import { filedRows, intakeFiles, receive, type Received } from './fixtures';

const { f, city: fresh } = intakeFiles();
const one = (r: Received) => {
  expect(r.results).toHaveLength(1);
  return r.results[0];
};
const fileRow = (b: TestBackend, id: number) =>
  b.db.prepare('SELECT * FROM intake_files WHERE id = ?').get(id) as Record<string, unknown>;

describe('zips as WeChat, e-mail and Windows deliver them', () => {
  it('reads GBK names (UTF-8 flag off), UTF-8 names and Unicode path fields, walks folders, and names what it skips', async () => {
    const b = await fresh();
    const zip = buildZip([
      { name: '十月报表/蓬安县_工作进度月报_2018年10月_v1.xlsx', data: f.pengan1, names: 'gbk' },
      { name: '十月报表/区县/顺庆区（正式）.xlsx', data: f.shunqing, names: 'utf8' },
      { name: '营山县月报.xlsx', data: f.yingshan, names: 'utf8-noflag', method: 0 },
      { name: '十月报表/说明.txt', data: Buffer.from('请查收'), names: 'gbk' },
      { name: '__MACOSX/十月报表/._顺庆区（正式）.xlsx', data: Buffer.from('x') },
      { name: '十月报表/~$蓬安县.xlsx', data: Buffer.from('lock'), names: 'gbk' },
      { name: '十月报表/嘉陵区草稿.xlsx', data: f.jialingDraft, names: 'gbk' },
      { name: '十月报表/高坪区.xlsx', legacyName: '\u00ca\u00ae\u00d4\u00c2/____.xlsx', data: f.gaoping },
    ]);
    const r = await receive(b, '南充市十月月报.zip', zip, nowCtx, { batchId: 'zip1' });
    expect(r.batchId).toBe('zip1');
    expect(r.results.map((x) => [x.fileName, x.container, x.outcome, x.reasonCode, x.unitCode])).toEqual([
      ['十月报表/蓬安县_工作进度月报_2018年10月_v1.xlsx', '南充市十月月报.zip', '新收', null, '511323'],
      ['十月报表/区县/顺庆区（正式）.xlsx', '南充市十月月报.zip', '新收', null, '511302'],
      ['营山县月报.xlsx', '南充市十月月报.zip', '新收', null, '511322'],
      ['十月报表/嘉陵区草稿.xlsx', '南充市十月月报.zip', '拒收', 'DRAFT', '511304'],
      // The name from Info-ZIP's Unicode path field, not the legacy bytes beside it.
      ['十月报表/高坪区.xlsx', '南充市十月月报.zip', '拒收', 'NOT_A_UNIT', '511303'],
    ]);
    expect(r.skipped).toEqual([
      {
        fileName: '十月报表/说明.txt',
        container: '南充市十月月报.zip',
        reason: '不是 Excel 工作簿（.xlsx、.xls），未收取',
      },
      {
        fileName: '__MACOSX/十月报表/._顺庆区（正式）.xlsx',
        container: '南充市十月月报.zip',
        reason: expect.stringContaining('苹果电脑'),
      },
      {
        fileName: '十月报表/~$蓬安县.xlsx',
        container: '南充市十月月报.zip',
        reason: expect.stringContaining('临时文件'),
      },
    ]);
    // Each entry's bytes are stored as they were inside the zip.
    const row = fileRow(b, r.results[0].fileId);
    expect(Buffer.compare(row.bytes as Buffer, f.pengan1)).toBe(0);
    expect(row.container_name).toBe('南充市十月月报.zip');
    expect(filedRows(b)).toHaveLength(3);
  });

  it('files a workbook twice in one zip once, and a loose file already in a zip is 重复', async () => {
    const b = await fresh();
    const zip = buildZip([
      { name: 'a/顺庆区.xlsx', data: f.shunqing, names: 'gbk' },
      { name: 'b/顺庆区.xlsx', data: f.shunqing, names: 'gbk' },
      { name: 'a/嘉陵区.xlsx', data: f.jialingDraft, names: 'gbk' },
      { name: 'b/嘉陵区.xlsx', data: f.jialingDraft, names: 'gbk' },
    ]);
    const r = await receive(b, '两份.zip', zip);
    expect(r.results.map((x) => [x.outcome, x.reasonCode])).toEqual([
      ['新收', null],
      ['重复', 'SAME_FILE'],
      ['拒收', 'DRAFT'],
      ['拒收', 'DRAFT'],
    ]);
    expect(one(await receive(b, '顺庆区.xlsx', f.shunqing))).toMatchObject({
      outcome: '重复',
      reasonCode: 'SAME_FILE',
    });
  });

  it('refuses a zip bomb by its name before inflating it, and a zip whose entry lies about its size', async () => {
    const b = await fresh();
    const bomb = buildZip([
      { name: '蓬安县.xlsx', data: f.pengan1 },
      { name: '月报.xlsx', data: Buffer.alloc(200 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = filedRows(b);
    const r = one(await receive(b, '月报合集.zip', bomb));
    expect(r).toMatchObject({ fileName: '月报合集.zip', container: null, outcome: '拒收', reasonCode: 'TOO_LARGE' });
    expect(r.reason).toBe(
      '“月报合集.zip”中的“月报.xlsx”解压后有 200.0 MB，超过单个工作簿的上限 14.0 MB；可能是异常的压缩包（压缩炸弹），已拒收',
    );
    // Many entries each under the limit, together past it.
    const many = buildZip(
      Array.from({ length: 6 }, (_, i) => ({ name: `${i}.xlsx`, data: Buffer.alloc(12 * 1024 * 1024) })),
    );
    expect(one(await receive(b, '六个.zip', many)).reason).toMatch(
      /^“六个\.zip”解压后共 72\.0 MB，超过收取上限 64\.0 MB/,
    );
    // Declares 10 KB, inflates to 1 MB.
    const liar = buildZip([{ name: '顺庆区.xlsx', data: Buffer.alloc(1024 * 1024), declaredSize: 10_240 }]);
    expect(one(await receive(b, '小包.zip', liar))).toMatchObject({ outcome: '拒收', reasonCode: 'DAMAGED' });
    expect(filedRows(b)).toEqual(before);
    expect(fileRow(b, r.fileId).bytes).toEqual(bomb);
  });
});
