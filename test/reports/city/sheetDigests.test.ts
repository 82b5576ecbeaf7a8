// Issue #16 for a consolidated report (市): edited after export with its 合计 kept consistent, 核对
// (verifyConsolidated, with and without the record) names the edited sheet from the meta's sheetDigests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestBackend } from '../../helpers/backend';
import { metaOf } from '../helpers';
import { EXPORT_AT, PERIOD, at, countySummary, file, office } from './fixtures';
import type { OutputOf } from '../../../core/api';
import { parseWorkbook } from '../../../backend/reports/verify/parse';
import { verifyConsolidated } from '../../../backend/reports/city/verifyConsolidated';

const CITY = { code: '511300', name: '南充市', cityCode: '5113' };
const COUNTIES = [
  { code: '511302', name: '顺庆区' },
  { code: '511321', name: '南部县' },
];

let b: TestBackend;
let other: TestBackend;
let bytes: Buffer;

async function exportR2(mode: 'draft' | 'official') {
  const r = await b.dispatch('report.export', { reportId: 'R2', period: PERIOD, mode }, at(EXPORT_AT));
  if (!r.ok) throw new Error(`report.export: ${r.error.code} ${r.error.message}`);
  return Buffer.from((r.data as OutputOf<'report.export'>).base64!, 'base64');
}

/** 两员情况: row 5 is the 合计, row 6 the first county; its 普查员 (column D) and the 合计 raised together. */
async function consistentlyEdited(src: Buffer, dropKey = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(src as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('两员情况')!;
  for (const cell of ['D5', 'D6']) ws.getCell(cell).value = Number(ws.getCell(cell).value) + 1;
  if (dropKey) {
    const meta = wb.getWorksheet('_meta')!;
    meta.eachRow((row, n) => {
      if (row.getCell(1).value === 'sheetDigests') meta.spliceRows(n, 1);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const digestSaid = (r: ReturnType<typeof verifyConsolidated>) =>
  r.findings.find((f) => f.kind === 'digest')?.message ?? '';

beforeAll(async () => {
  b = await office('市', CITY, COUNTIES);
  other = await office('市', CITY, COUNTIES);
  COUNTIES.forEach((c, i) => file(b, countySummary(c.code, c.name, i + 1)));
  bytes = await exportR2('official');
}, 120_000);
afterAll(() => {
  b?.dispose();
  other?.dispose();
});

describe('a consolidated report’s per-sheet digests', () => {
  it('are in the meta of the official and the draft, one per sheet', async () => {
    for (const file of [bytes, await exportR2('draft')]) {
      const digests = JSON.parse(metaOf(file).sheetDigests) as Record<string, string>;
      expect(Object.keys(digests)).toHaveLength(8);
      expect(digests.units).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('name the sheet edited consistently, with and without the record', async () => {
    const edited = await consistentlyEdited(bytes);
    for (const db of [b.db, other.db]) {
      const r = verifyConsolidated(db, await parseWorkbook(edited));
      expect(r.digest).toBe('mismatch');
      expect(r.findings.filter((f) => f.kind === 'total')).toEqual([]);
      expect(digestSaid(r)).toMatch(/被修改的表：两员情况$/);
    }
  });

  it('an older file without the key keeps the general wording', async () => {
    const r = verifyConsolidated(other.db, await parseWorkbook(await consistentlyEdited(bytes, true)));
    expect(r.digest).toBe('mismatch');
    expect(digestSaid(r)).toContain('无法确定是哪张表（各表合计与比率仍一致）');
  });
});
