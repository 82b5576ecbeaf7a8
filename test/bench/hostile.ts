// Issue 13's hostile files, timed (the tests check what each is refused by, never how fast): for
// each file of test/imports/hostile.test.ts, upload to preview's answer through dispatch, and the
// longest the request thread was held meanwhile; and import.errors for 99,999 refused rows, the
// longest hold while its workbook is built. Goals are the bounds the tests used to assert.
//   npx tsx test/bench/run.ts hostile
import { countyBackend, upload } from '../imports/helpers';
import { csvBytes, makeId, sheet, xlsxOf } from '../imports/make';
import { editedXlsx, entriesOf, withMerges, zipOf } from '../imports/zipFiles';
import type { TestBackend } from '../helpers/backend';
import { bounded, type BenchResult } from './types';

const RUNS = Number(process.env.BENCH_HOSTILE_RUNS ?? 3);
/** The longest the request thread may be held in one piece while a hostile file is handled. */
const HOLD_GOAL_MS = 1000;
const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };

const ROWS = [
  ['姓名', '公民身份号码', '人员类别', '负责乡镇'],
  ['张三', makeId('19800101', '001'), '普查员', '锦屏镇'],
  ['李四', makeId('19850505', '002'), '普查员', '巨龙镇'],
];

function zipBomb(rows: number): Buffer {
  const parts: string[] = ['<row><c t="inlineStr"><is><t>姓名</t></is></c></row>'];
  for (let r = 2; r <= rows; r++) parts.push('<row><c><v>1</v></c></row>');
  return editedXlsx(ROWS, (xml) =>
    xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${parts.join('')}</sheetData>`),
  );
}

function tallOds(): Buffer {
  const cell = `<table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`;
  const extra = `<table:table-row table:number-rows-repeated="1048570">${cell}</table:table-row>`;
  return zipOf(
    entriesOf(xlsxOf([{ name: 'Sheet1', rows: ROWS }], 'ods')).map((e) =>
      e.name === 'content.xml'
        ? { ...e, data: Buffer.from(e.data.toString('utf8').replace('</table:table>', `${extra}</table:table>`)) }
        : e,
    ),
  );
}

/** Wall time of `work` and the longest gap between 5 ms timer ticks meanwhile (the thread held). */
async function timedHold(work: () => Promise<unknown>): Promise<{ ms: number; held: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 5);
  };
  tick();
  const t0 = performance.now();
  try {
    await work();
  } finally {
    running = false;
  }
  const ms = performance.now() - t0;
  return { ms, held: Math.max(longest, performance.now() - last) };
}

async function preview(b: TestBackend, bytes: Buffer, fileName: string) {
  const up = await b.dispatch(
    'import.upload',
    { kind: 'person', fileName, contentBase64: bytes.toString('base64') },
    admin,
  );
  if (!up.ok) return up;
  return b.dispatch('import.preview', { importId: (up.data as { importId: string }).importId, pageSize: 1000 }, admin);
}

export async function hostileBench(): Promise<BenchResult[]> {
  const files: [name: string, bytes: Buffer, fileName: string, goalMs: number][] = [
    ['合并到 XFD1048576 的 2.5 KB 工作簿', editedXlsx(ROWS, withMerges('K2:XFD1048576')), '花名册.xlsx', 10_000],
    ['1,048,575 行的压缩炸弹', zipBomb(1_048_575), '花名册.xlsx', 20_000],
    [
      '目录声明 300 MB 的 zip',
      zipOf([
        ...entriesOf(sheet(ROWS)),
        { name: 'xl/media/image1.png', data: Buffer.alloc(1024), declaredSize: 300 * 1024 * 1024 },
      ]),
      '花名册.xlsx',
      5_000,
    ],
    [
      '解压超过声明大小的条目',
      zipOf([
        ...entriesOf(sheet(ROWS)),
        { name: 'xl/sharedStrings.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 1024 },
      ]),
      '花名册.xlsx',
      10_000,
    ],
    ['重复行声明 1,048,574 行的 3 KB .ods', tallOds(), '花名册.ods', 10_000],
  ];
  const out: BenchResult[] = [];
  const b = await countyBackend();
  try {
    for (const [name, bytes, fileName, goal] of files) {
      const runs: { ms: number; held: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timedHold(() => preview(b, bytes, fileName)));
      out.push(
        bounded(
          `恶意文件：${name}，上传到预览答复`,
          runs.map((r) => r.ms),
          goal,
        ),
      );
      out.push(
        bounded(
          `恶意文件：${name}，请求线程最长连续占用`,
          runs.map((r) => r.held),
          HOLD_GOAL_MS,
        ),
      );
    }

    // The error workbook of 99,999 refused rows (test/imports/errorsLatency.test.ts).
    const lines = ['姓名,公民身份号码,人员类别'];
    for (let i = 0; i < 99_999; i++) lines.push(`人${i},51132319800101${String(i % 1000).padStart(3, '0')}0,普查员`);
    const up = await upload(b, 'person', '花名册.csv', csvBytes(lines.join('\n'), 'utf8'));
    await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
    const held: number[] = [];
    for (let i = 0; i < RUNS; i++)
      held.push((await timedHold(() => b.ok('import.errors', { importId: up.importId }))).held);
    out.push(bounded('导出 99,999 个错误行时请求线程最长连续占用', held, HOLD_GOAL_MS));
  } finally {
    b.dispose();
  }
  return out;
}
