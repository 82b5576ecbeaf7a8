// Body rows are written straight into the sheet's XML (backend/reports/writer/bodyRows.ts) rather
// than through exceljs's Row and Cell objects. The workbook must be the same bytes either way: each
// case is written twice, once as the app does and once with every row sent through exceljs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import type { TestBackend } from '../helpers/backend';
import { demoBackend } from './helpers';
import { OFFICE } from './people20k';
import { DEFAULT_REPORT_TEXTS } from '../../core/schemas/system';
import { ROSTER } from '../../core/reports/layouts/people';
import { BUDGET } from '../../core/reports/layouts/money';
import { MILESTONES } from '../../core/reports/layouts/work';
import type { DocRow, TableFrame } from '../../core/reports/doc';
import type { SheetLayout } from '../../core/reports/layout';
import type { BuildJob } from '../../backend/reports/types';
import { NO_PARAMS } from '../../backend/reports/context';
import type * as BuildersModule from '../../backend/reports/builders';
import type * as WriterModule from '../../backend/reports/writer/workbook';
import type * as BodyRowsModule from '../../backend/reports/writer/bodyRows';

type Builders = typeof BuildersModule;
type Writer = typeof WriterModule;

/** The modules as the app has them, and again with the direct writer declining every row. */
async function bothWays(): Promise<[{ builders: Builders; writer: Writer }, { builders: Builders; writer: Writer }]> {
  vi.resetModules();
  const direct = {
    builders: await import('../../backend/reports/builders'),
    writer: await import('../../backend/reports/writer/workbook'),
  };
  vi.resetModules();
  vi.doMock('../../backend/reports/writer/bodyRows', async (original) => ({
    ...(await original<typeof BodyRowsModule>()),
    bodyRowWriter: () => ({ write: () => false }),
  }));
  const exceljs = {
    builders: await import('../../backend/reports/builders'),
    writer: await import('../../backend/reports/writer/workbook'),
  };
  vi.doUnmock('../../backend/reports/writer/bodyRows');
  return [direct, exceljs];
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const AT = new Date('2018-11-30T02:00:00Z');

let ways: Awaited<ReturnType<typeof bothWays>>;
let b: TestBackend;
beforeAll(async () => {
  ways = await bothWays();
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

function job(params: Partial<BuildJob['params']>): BuildJob {
  return {
    type: 'build',
    params: { ...NO_PARAMS, ...params },
    office: { ...OFFICE, censusName: '第二次全国污染源普查', moneyUnit: '万元', totalRowPosition: 'top' },
    texts: DEFAULT_REPORT_TEXTS,
    exportedAt: AT.toISOString(),
    operator: { id: null, name: '测试', role: '管理员' },
    dbPath: b.path,
  };
}

describe('the demo county exported both ways', () => {
  const cases: Partial<BuildJob['params']>[] = [
    { reportId: 'R1' },
    { reportId: 'R1', fullSensitive: true },
    { reportId: 'R1', asOf: '2018-06-30' },
    { reportId: 'R1', status: '离岗' },
    { reportId: 'R2', period: '2018-10' },
    { reportId: 'R3' },
    { reportId: 'R4' },
    { reportId: 'R5' },
  ];
  it.each(cases)('%o', async (params) => {
    const [direct, exceljs] = ways;
    const a = await direct.builders.buildFile(b.db, job(params), () => undefined);
    const e = await exceljs.builders.buildFile(b.db, job(params), () => undefined);
    expect(a.bytes.byteLength).toBeGreaterThan(0);
    expect(sha(a.bytes)).toBe(sha(e.bytes));
  });
});

const frame = (layout: SheetLayout): TableFrame => ({
  layout,
  title: '标题 & <测试>',
  unitLine: { left: '填报单位：某县', centre: '2018年10月', right: '单位：元' },
  blocks: [{ label: '存在问题', text: '无' }],
  footer: '单位负责人：李德明',
  moneyUnit: '元',
});

/** Values of every kind the writer meets, and some it hands back to exceljs. */
function oddRows(layout: SheetLayout): DocRow[] {
  const n = layout.columns.length;
  const fill = (f: (i: number) => DocRow['cells'][number]) => Array.from({ length: n }, (_, i) => f(i));
  const texts = [
    'a & b',
    '<x y="1">',
    "it's",
    '\u0001控制\u0008字符\u000b\u001f',
    '\u007f',
    ' 前后空格 ',
    '',
    '换\n行',
  ];
  return [
    { kind: 'item', cells: fill((i) => i) },
    { kind: 'item', cells: fill((i) => texts[i % texts.length]) },
    { kind: 'item', cells: fill(() => null) },
    { kind: 'total', cells: fill((i) => (i % 2 ? -1234.5 : 0.1 + 0.2)) },
    { kind: 'category', cells: fill((i) => (i % 3 ? '2018-03-01' : '1899-12-31')) },
    { kind: 'item', cells: fill((i) => '很长的一段文字，'.repeat(i + 1)) },
    { kind: 'total', cells: fill((i) => (i === 0 ? '合计' : i)), span: [0, 1] },
    { kind: 'empty', cells: fill((i) => (i === 1 ? '无' : null)) },
    { kind: 'item', cells: fill((i) => (i % 2 ? 1e21 : -0)) },
  ];
}

describe('odd values, written both ways', () => {
  it.each([ROSTER, BUDGET, MILESTONES])('$sheetName', async (layout) => {
    const [direct, exceljs] = ways;
    const write = (w: Writer) =>
      w.writeWorkbook([{ type: 'table', frame: frame(layout), rows: oddRows(layout) }], { app: '测试' }, AT);
    expect(sha(await write(direct.writer))).toBe(sha(await write(exceljs.writer)));
  });
});
