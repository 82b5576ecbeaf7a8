// 核对 reads workbooks from outside (WeChat, e-mail), so it shares the import's bounds: a zip
// bomb of 1,048,575 rows and a merge out to XFD1048576 are refused by name, in a worker, and the
// process's memory stays bounded; a file that is no workbook says so in Chinese. Speed is not
// asserted here: timing hostile files is the bench's (test/bench/hostile.ts, on the import's side).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend } from '../imports/helpers';
import { editedXlsx, withMerges } from '../imports/zipFiles';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const ROWS = [
  ['工作进度月报', null],
  ['代码', '数量'],
  ['01', 1],
];

async function read(bytes: Buffer) {
  const before = process.memoryUsage().rss;
  const r = await b.dispatch(
    'report.read',
    { base64: bytes.toString('base64') },
    { operator: { id: null, name: '测试', role: '只读' } },
  );
  return { r, mb: (process.memoryUsage().rss - before) / 2 ** 20 };
}

describe('report.read refuses hostile workbooks as the import does', () => {
  it('refuses a zip bomb of 1,048,575 rows by the row limit, without inflating it in the process', async () => {
    const parts = ['<row><c><v>1</v></c></row>'];
    for (let r = 2; r <= 1_048_575; r++) parts.push('<row><c><v>1</v></c></row>');
    const bomb = editedXlsx(ROWS, (xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${parts.join('')}</sheetData>`),
    );
    expect(bomb.length).toBeLessThan(1_000_000);
    const { r, mb } = await read(bomb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FILE_TOO_LARGE');
    expect(r.error.message).toMatch(/1,048,575 行.*上限/);
    expect(mb).toBeLessThan(400);
  });

  it('reads a workbook with a merge out to XFD1048576 within the used range (no expansion)', async () => {
    const { r, mb } = await read(editedXlsx(ROWS, withMerges('B2:XFD1048576')));
    // Not a monthly report: refused as such, not by running out of memory.
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).not.toBe('INTERNAL');
    expect(mb).toBeLessThan(400);
  });

  it('says in Chinese that bytes which are no workbook cannot be read', async () => {
    const { r } = await read(Buffer.from('这不是工作簿，只是一段文字。'.repeat(3)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.error.message).not.toMatch(/[A-Za-z]{6,}/);
  });
});
