// Files that are not what they claim: each refused with a clear Chinese message, and the
// database and the audit log exactly as before.
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, fixture, OWN_FIXTURES } from './helpers';
import { sheet, xlsxOf } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

/** Upload then preview; the error of whichever refuses the file. */
async function refusal(fileName: string, bytes: Uint8Array | string) {
  const contentBase64 = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('base64');
  const up = await b.dispatch(
    'import.upload',
    { kind: 'person', fileName, contentBase64 },
    { operator: { id: null, name: '测试', role: '管理员' } },
  );
  if (!up.ok) return up.error;
  const importId = (up.data as { importId: string }).importId;
  return b.err('import.preview', { importId });
}

/** An Office file encrypted with a password is a compound file holding these two streams. */
function encryptedXlsx(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

const cases: [string, () => Promise<{ code: string; message: string }>, string, RegExp][] = [
  [
    'a PDF renamed .xlsx',
    () =>
      refusal(
        '花名册.xlsx',
        Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\u0000\u0001\u0002', 'latin1'),
      ),
    'NOT_SPREADSHEET',
    /不是可导入的表格文件/,
  ],
  [
    'a Word document (a zip without a workbook)',
    () => refusal('通知.xlsx', wordLikeZip()),
    'NOT_SPREADSHEET',
    /不是可导入的表格文件/,
  ],
  ['an empty file', () => refusal('空.xlsx', Buffer.alloc(0)), 'EMPTY_FILE', /空文件/],
  ['an empty workbook', () => refusal('空白.xlsx', sheet([])), 'EMPTY_WORKBOOK', /工作簿是空的/],
  [
    'a workbook saved with an open password (.xls, LibreOffice)',
    () => refusal('加密.xls', readFileSync(new URL('password-123456.xls', OWN_FIXTURES))),
    'PASSWORD_PROTECTED',
    /设置了打开密码/,
  ],
  [
    'an encrypted .xlsx (compound file with EncryptionInfo)',
    () => refusal('加密.xlsx', encryptedXlsx()),
    'PASSWORD_PROTECTED',
    /设置了打开密码/,
  ],
  [
    'a sheet with no recognisable header',
    () => refusal('会议.xlsx', sheet([['会议签到'], ['时间', '地点'], ['上午', '三楼']])),
    'NO_HEADER',
    /未能在工作表“Sheet1”中找到表头：表头应包含“姓名”“公民身份号码”“人员类别”/,
  ],
  [
    'a 50 MB file, refused by its size before it is decoded',
    () => refusal('大.xlsx', 'A'.repeat(Math.ceil((50 * 1024 * 1024 * 4) / 3))),
    'FILE_TOO_LARGE',
    /文件过大（50\.0 MB）.*不能超过 14\.0 MB/,
  ],
  [
    'a truncated zip (download cut short)',
    () => refusal('花名册.xlsx', fixture('roster-clean.xlsx').subarray(0, 5000)),
    'FILE_DAMAGED',
    /已损坏或不完整/,
  ],
  ['a zip whose content is damaged', () => refusal('花名册.xlsx', corruptedInside()), 'FILE_DAMAGED', /已损坏或不完整/],
  ['text that is not base64', () => refusal('花名册.xlsx', '这不是base64'), 'BAD_BASE64', /base64/],
];

function wordLikeZip(): Buffer {
  const zip = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(zip, '[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>'));
  XLSX.CFB.utils.cfb_add(zip, 'word/document.xml', Buffer.from('<w:document/>'));
  return Buffer.from(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Uint8Array);
}

/** A real roster whose compressed sheet data is overwritten in the middle: the zip frame is intact. */
function corruptedInside(): Buffer {
  const bytes = Buffer.from(fixture('roster-clean.xlsx'));
  for (let i = 1500; i < 6000; i++) bytes[i] = (bytes[i] * 31 + 7) & 0xff;
  return bytes;
}

describe('bad files', () => {
  for (const [what, run, code, message] of cases) {
    it(`${what}: ${code}, nothing written`, async () => {
      const before = b.snapshot();
      const error = await run();
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(b.snapshot()).toEqual(before);
      expect((await b.ok('audit.verify', {})).ok).toBe(true);
    });
  }

  it('a file the preview refused cannot be committed', async () => {
    const up = await b.ok('import.upload', {
      kind: 'person',
      fileName: 'x.xlsx',
      contentBase64: sheet([['会议'], ['a', 'b']]).toString('base64'),
    });
    await b.err('import.preview', { importId: up.importId });
    const before = b.snapshot();
    expect((await b.err('import.commit', { importId: up.importId, onExisting: 'update' })).code).toBe('NOT_PREVIEWED');
    expect(b.snapshot()).toEqual(before);
  });

  it('a workbook whose only sheets are empty except one picks that one', async () => {
    const bytes = xlsxOf([
      { name: '说明', rows: [] },
      {
        name: '花名册',
        rows: [
          ['姓名', '公民身份号码', '人员类别'],
          ['张三', '11010519491231002X', '普查员'],
        ],
      },
    ]);
    const up = await b.ok('import.upload', {
      kind: 'person',
      fileName: 'x.xlsx',
      contentBase64: bytes.toString('base64'),
    });
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.sheet).toBe('花名册');
  });
});
