// What a clerk reads when a file or a value is wrong (issue 13): encoding faults say what was
// found and what to do, a bad character is named with its position, file names are shown without
// control and bidi characters (and kept as received in the audit log), no English from zod.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const A = makeId('19800101', '001');
const CSV = `姓名,公民身份号码,人员类别\r\n张三,${A},普查员\r\n`;

async function refusal(fileName: string, bytes: Buffer) {
  const up = await b.dispatch(
    'import.upload',
    { kind: 'person', fileName, contentBase64: bytes.toString('base64') },
    { operator: { id: null, name: '测试', role: '管理员' } },
  );
  if (!up.ok) return up.error;
  return b.err('import.preview', { importId: (up.data as { importId: string }).importId });
}

describe('encoding faults', () => {
  it('a UTF-8 BOM over a GB18030 body says so (not NO_HEADER)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(CSV, 'gb18030')]);
    expect(await refusal('花名册.csv', bytes)).toMatchObject({
      code: 'BAD_ENCODING',
      message:
        '“花名册.csv”开头标明是 UTF-8 编码（带 BOM），内容却是 GB18030/GBK 编码（中文 Excel 保存的“CSV”）：两种编码混在一起，无法可靠读取。请用 Excel 或 WPS 打开该文件，另存为“CSV UTF-8（逗号分隔）”后再导入',
    });
  });

  it('one bad byte in a UTF-8 file names its line (not 请选择…CSV 文件)', async () => {
    const good = Buffer.from(
      `${CSV}李四,${makeId('19850505', '002')},普查员\r\n王五,${makeId('19900909', '003')},普查员\r\n`,
    );
    const at = good.indexOf(Buffer.from('李四')) + 1;
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at + 1)]);
    const e = await refusal('花名册.csv', bytes);
    expect(e.code).toBe('BAD_ENCODING');
    expect(e.message).toMatch(/^“花名册.csv”是 UTF-8 编码，但第 3 行有 \d+ 处无效字节（第一处 0x/);
  });
});

describe('characters and file names', () => {
  it('an invisible character in an ID is named with its position', async () => {
    const e = await b.err('person.create', {
      name: '张三',
      idNumber: `${A.slice(0, 8)}\u200e${A.slice(8)}`,
      roles: ['普查员'],
    });
    expect(e.message).toBe('公民身份号码含有非法字符：第 9 位是不可见字符 U+200E');
  });

  it('file names are shown without control and bidi characters or a path, and kept as received in the audit', async () => {
    const received = '../../报表\u202Exslx.exe\u0007花名册.xlsx';
    const up = await upload(
      b,
      'person',
      received,
      sheet([
        ['姓名', '公民身份号码', '人员类别'],
        ['张三', A, '普查员'],
      ]),
    );
    expect(up.fileName).toBe('报表xslx.exe花名册.xlsx');
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.fileName).toBe('报表xslx.exe花名册.xlsx');
    const errors = await b.ok('import.errors', { importId: up.importId });
    expect([...errors.fileName].some((c) => c < ' ' || c === '\u202e' || c === '/')).toBe(false);
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    // 导入完成：… and the refusal of the same file again show the name as the clerk sees it.
    expect(done.fileName).toBe('报表xslx.exe花名册.xlsx');
    const again = await upload(
      b,
      'person',
      '花名册.xlsx',
      sheet([
        ['姓名', '公民身份号码', '人员类别'],
        ['张三', A, '普查员'],
      ]),
    );
    await b.ok('import.preview', { importId: again.importId });
    const duplicate = await b.err('import.commit', { importId: again.importId, onExisting: 'update' });
    expect(duplicate).toMatchObject({
      code: 'DUPLICATE_FILE',
      message: expect.stringContaining('（报表xslx.exe花名册.xlsx，'),
    });
    const history = await b.ok('import.history', { page: 1, pageSize: 5 });
    expect(history.rows[0].fileName).toBe(received);
    const audit = await b.ok('audit.list', { page: 1, pageSize: 5 });
    expect(JSON.stringify(audit)).toContain(received.replace('\u0007', '\\u0007'));
  });
});

describe('no English from zod', () => {
  it('through dispatch: a list for an object, a wrong type, a bad record key', async () => {
    const list = await b.dispatch('import.upload', [], { operator: { id: null, name: '测试', role: '管理员' } });
    expect(list.ok ? null : list.error.message).toBe('应为对象（{…}），实为列表（[…]）');
    const key = await b.dispatch(
      'import.preview',
      { importId: 'x', mapping: { a1: 'name' }, show: 'all' },
      { operator: { id: null, name: '测试', role: '管理员' } },
    );
    expect(key.ok ? null : key.error.message).toBe('“a1”无效：列应为 A、B…AA 这样的列号');
    const page = await b.dispatch(
      'import.history',
      { page: 'one', pageSize: 10 },
      { operator: { id: null, name: '测试', role: '管理员' } },
    );
    expect(page.ok ? null : page.error.message).not.toMatch(/[A-Za-z]{4,}/);
  });
});
