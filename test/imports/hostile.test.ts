// Files that would take the app down (issue 13): a 2.5 KB workbook with a merge out to XFD1048576,
// a merge down a whole column, a zip bomb of 1,048,575 rows, a header reaching column XFD, a zip
// whose directory declares gigabytes or lies about a size. Each is made here, sent through
// dispatch, and read or refused by the bound it breaks, with one Chinese message naming the limit;
// the app's memory stays bounded. How long each takes is a benchmark (`npm run bench -- hostile`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend } from './helpers';
import { makeId, sheet, xlsxOf } from './make';
import { editedXlsx, withMerges, zipOf, entriesOf } from './zipFiles';
import { parseWorkbookBounded } from '../../backend/imports/parse';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const A = makeId('19800101', '001');
const B = makeId('19850505', '002');
const C = makeId('19900909', '003');
const ROWS = [
  ['姓名', '公民身份号码', '人员类别', '负责乡镇'],
  ['张三', A, '普查员', '锦屏镇'],
  ['李四', B, '普查员', '巨龙镇'],
  ['王五', C, '普查员', '锦屏镇'],
];

/** Upload and preview; the preview's answer or the refusal. */
async function tryPreview(bytes: Buffer, fileName = '花名册.xlsx') {
  const up = await b.dispatch(
    'import.upload',
    { kind: 'person', fileName, contentBase64: bytes.toString('base64') },
    { operator: { id: null, name: '测试', role: '管理员' } },
  );
  if (!up.ok) return { error: up.error };
  const importId = (up.data as { importId: string }).importId;
  const p = await b.dispatch(
    'import.preview',
    { importId, pageSize: 1000 },
    { operator: { id: null, name: '测试', role: '管理员' } },
  );
  return p.ok
    ? { preview: p.data as { counts: { rows: number; valid: number }; dataRows: { count: number } } }
    : { error: p.error };
}

/** A sheet of `rows` rows, one value each, numbered by position (allowed): tens of KB as a zip, ~26 MB of XML inside. */
function zipBomb(rows: number): Buffer {
  const parts: string[] = ['<row><c t="inlineStr"><is><t>姓名</t></is></c></row>'];
  for (let r = 2; r <= rows; r++) parts.push('<row><c><v>1</v></c></row>');
  return editedXlsx(ROWS, (xml) =>
    xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${parts.join('')}</sheetData>`),
  );
}

/** The process's resident memory, sampled every 20 ms while `work` runs; its peak growth in MB. */
async function peakGrowthMb<T>(work: () => Promise<T>): Promise<{ result: T; mb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, mb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

describe('hostile workbooks', () => {
  it('a 2.5 KB file merging K2:XFD1048576 over four rows: the merge is cut to the sheet, nothing expanded', async () => {
    const bytes = editedXlsx(ROWS, withMerges('K2:XFD1048576'));
    expect(bytes.length).toBeLessThan(8 * 1024);
    const { result, mb } = await peakGrowthMb(() => tryPreview(bytes));
    expect(result.error).toBeUndefined();
    expect(result.preview!.dataRows.count).toBe(3);
    expect(result.preview!.counts).toMatchObject({ rows: 3, valid: 3 });
    expect(mb).toBeLessThan(400);
  });

  it('a merge G2:G1048576 makes no phantom rows', async () => {
    const { preview, error } = await tryPreview(editedXlsx(ROWS, withMerges('G2:G1048576')));
    expect(error).toBeUndefined();
    expect(preview!.dataRows.count).toBe(3);
    // import.errors (the error workbook) has nothing to build from phantom rows either.
    expect(preview!.counts.rows).toBe(3);
  });

  it('a zip bomb of 1,048,575 rows is refused by its row count, memory bounded', async () => {
    const bytes = zipBomb(1_048_575);
    expect(bytes.length).toBeLessThan(512 * 1024);
    const { result, mb } = await peakGrowthMb(() => tryPreview(bytes));
    expect(result.error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message:
        '工作表“Sheet1”含 1,048,575 行，超过导入上限 100,000 行；请删除空行后重试（数据确实更多时请分成几个文件导入）',
    });
    expect(mb).toBeLessThan(1024);
  }, 60_000);

  it('a header reaching column XFD is refused naming the column limit (no “16385 is out of bounds”)', async () => {
    const { error } = await tryPreview(
      editedXlsx(ROWS, (xml) => xml.replace('</row>', '<c r="XFD1" t="inlineStr"><is><t>备注</t></is></c></row>')),
    );
    expect(error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: '工作表“Sheet1”的内容延伸到第 16,384 列（XFD 列），超过导入上限 200 列；请删除右侧多余的列后重试',
    });
  });

  it('a zip declaring 300 MB inside is refused before anything is inflated', async () => {
    const extra = { name: 'xl/media/image1.png', data: Buffer.alloc(1024), declaredSize: 300 * 1024 * 1024 };
    const bytes = zipOf([...entriesOf(sheet(ROWS)), extra]);
    const { error } = await tryPreview(bytes);
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    // Refused on the sizes its directory declares, before a byte is inflated (zipScan.mjs).
    expect(error!.message).toMatch(/^文件解压后共 301 MB，超过导入上限 256 MB/);
  });

  it('an entry that inflates past the size it declares is a damaged file, not a hang', async () => {
    const liar = { name: 'xl/sharedStrings.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 1024 };
    const { error } = await tryPreview(zipOf([...entriesOf(sheet(ROWS)), liar]));
    expect(error).toMatchObject({ code: 'FILE_DAMAGED' });
    // Inflating stops at the size it declares (zipScan.mjs): refused as damaged, not by a timeout or the heap limit.
    expect(error!.message).toMatch(/^“花名册.xlsx”已损坏或不完整/);
  });

  it('many merged ranges are refused by their count', async () => {
    const refs = Array.from({ length: 20_001 }, (_, i) => `H${i + 2}:I${i + 2}`);
    const { error } = await tryPreview(editedXlsx(ROWS, withMerges(...refs)));
    expect(error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: '工作表“Sheet1”含 20,001 个合并单元格区域，超过导入上限 20,000 个；请取消多余的合并后重试',
    });
  });

  it('an .ods of 3 KB whose repeated rows and cells declare a value everywhere is refused before SheetJS expands it', async () => {
    // Before: SheetJS expanded table:number-rows/columns-repeated until the worker's heap limit, ~20 s.
    const odsWith = (extraRows: string) => {
      const entries = entriesOf(xlsxOf([{ name: 'Sheet1', rows: ROWS }], 'ods'));
      return zipOf(
        entries.map((e) =>
          e.name === 'content.xml'
            ? {
                ...e,
                data: Buffer.from(e.data.toString('utf8').replace('</table:table>', `${extraRows}</table:table>`)),
              }
            : e,
        ),
      );
    };
    const cell = (columns: number) =>
      `<table:table-cell table:number-columns-repeated="${columns}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`;
    const tall = odsWith(`<table:table-row table:number-rows-repeated="1048570">${cell(16000)}</table:table-row>`);
    expect(tall.length).toBeLessThan(5_000);
    const rows = await tryPreview(tall, '花名册.ods');
    expect(rows.error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringMatching(/^工作表“Sheet1”含 1,048,574 行/),
    });
    const wide = await tryPreview(odsWith(`<table:table-row>${cell(16000)}</table:table-row>`), '花名册.ods');
    expect(wide.error!.message).toMatch(/^工作表“Sheet1”的内容延伸到第 16,000 列（WQJ 列），超过导入上限 200 列/);
    // Empty cells and rows repeated to the sheet's edge, as LibreOffice saves them, count for nothing.
    const edge = await tryPreview(
      odsWith(
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
      ),
      '花名册.ods',
    );
    expect(edge.preview!.counts).toMatchObject({ rows: 3, valid: 3 });
  });
});

describe('the bounded parse for other readers (parseWorkbookBounded)', () => {
  it('reads a workbook into grids, and refuses past the limits it is given', async () => {
    const grids = await parseWorkbookBounded(sheet(ROWS), { fileName: '表.xlsx' });
    expect(grids[0]).toMatchObject({ name: 'Sheet1', hidden: 0, hiddenRows: [] });
    expect(grids[0].rows[1]).toEqual(['张三', A, '普查员', '锦屏镇']);
    await expect(
      parseWorkbookBounded(sheet(ROWS), { fileName: '表.xlsx', limits: { maxRows: 2 } }),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('含 4 行，超过导入上限 2 行') });
  });

  it('a worker out of time is ended with a message, and the next file is read by a fresh one', async () => {
    const big = zipBomb(90_000);
    // The name as received may hold a path and bidi characters; the message shows it without them.
    await expect(
      parseWorkbookBounded(big, { fileName: '../大表\u202e.xlsx', limits: { timeoutMs: 30 } }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringMatching(/^读取“大表.xlsx”超过 0 秒仍未完成/),
    });
    expect((await parseWorkbookBounded(sheet(ROWS), { fileName: '表.xlsx' }))[0].rows).toHaveLength(4);
  }, 30_000);

  it('a worker out of memory dies alone: the app answers, and the next file is read', async () => {
    const csv = Buffer.from(
      `姓名,说明\n${Array.from({ length: 60_000 }, (_, i) => `人${i},${'长文本'.repeat(40)}${i}`).join('\n')}`,
      'utf8',
    );
    await expect(
      parseWorkbookBounded(csv, { fileName: '大表.csv', limits: { maxHeapMb: 48, timeoutMs: 60_000 } }),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('所需内存超过上限（48 MB）') });
    expect((await parseWorkbookBounded(sheet(ROWS), { fileName: '表.xlsx' }))[0].rows).toHaveLength(4);
  }, 60_000);
});
