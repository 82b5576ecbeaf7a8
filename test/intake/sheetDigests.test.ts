// Issue #16 through intake.receive in a city office: a county R2 edited after export with its 合计
// kept consistent is refused for its digest, and the finding names the edited sheet.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { edited, intakeFiles, receive } from './fixtures';

const { f, city } = intakeFiles();

/** 两员情况 of 蓬安县 (demo): one more 村(居)联络员 (column J) in the first township row and in the 合计 (row 5). */
const consistentStaffEdit = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet('两员情况')!;
  for (const cell of ['J5', 'J6']) ws.getCell(cell).value = Number(ws.getCell(cell).value ?? 0) + 1;
};

describe('a consistently edited county report received by a city office', () => {
  it('is refused for its digest, naming the edited sheet', async () => {
    const b = await city();
    const r = await receive(b, '蓬安县_改.xlsx', await edited(f.pengan1, consistentStaffEdit));
    expect(r.results).toHaveLength(1);
    const [one] = r.results;
    expect(one).toMatchObject({ reasonCode: 'DIGEST' });
    expect(one.findings.filter((x) => x.kind === 'total')).toEqual([]);
    const digest = one.findings.find((x) => x.kind === 'digest')!;
    expect(digest.message).toMatch(/被修改的表：两员情况$/);
  });
});
