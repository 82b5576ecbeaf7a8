// Reading a workbook back in the tests, independently of intake and consolidation: SheetJS grids
// (as a clerk's own reader would get them), the meta sheet's pairs, and the county R2's figures
// through readMonthly — the layout reader the report writer is checked against.
import * as XLSX from '@e965/xlsx';
import { readMonthly, type MonthlyRead } from '../../core/reports/monthlyRead';
import type { Grid } from '../../core/reports/readTable';
import type { MoneyUnit } from '../../core/reports/doc';

export function gridsOf(bytes: Buffer): Record<string, Grid> {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  return Object.fromEntries(
    wb.SheetNames.map((name) => [
      name,
      XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: null, blankrows: true }) as Grid,
    ]),
  );
}

export function metaOf(grids: Record<string, Grid>): Record<string, string> {
  return Object.fromEntries(
    (grids._meta ?? [])
      .slice(1)
      .filter(([k]) => typeof k === 'string' && k)
      .map(([k, v]) => [String(k), v == null ? '' : String(v)]),
  );
}

export interface CountyRead extends MonthlyRead {
  meta: Record<string, string>;
  grids: Record<string, Grid>;
}

/** A county's R2 as read from its file: meta and figures (money in 分, whatever unit the sheet states). */
export function readCounty(bytes: Buffer): CountyRead {
  const grids = gridsOf(bytes);
  const meta = metaOf(grids);
  const unit = meta.moneyUnit === '万元' || meta.moneyUnit === '元' ? (meta.moneyUnit as MoneyUnit) : null;
  return { ...readMonthly(grids, meta.period ?? '', unit), meta, grids };
}
