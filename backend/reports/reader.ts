// Reading an exported monthly report (R2) back with SheetJS (which also reads what Excel or WPS
// saved after a clerk edited it): the meta sheet says what it is, the layouts say where the
// figures are, and the figures' hash says whether they still are what the app wrote.
import * as XLSX from '@e965/xlsx';
import { readMonthly } from '../../core/reports/monthlyRead';
import type { Grid } from '../../core/reports/readTable';
import type { MoneyUnit } from '../../core/reports/doc';
import { UserError } from '../../db/errors';
import { SENT_REPORT_ID } from '../../core/reports/catalogue';
import { META_SHEET } from './writer/workbook';
import { canonicalJson, sha256 } from './builders';

function grids(wb: XLSX.WorkBook): Record<string, Grid> {
  const out: Record<string, Grid> = {};
  for (const name of wb.SheetNames) {
    out[name] = XLSX.utils.sheet_to_json<Grid[number]>(wb.Sheets[name], {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
    });
  }
  return out;
}

function metaOf(grid: Grid | undefined): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [key, value] of (grid ?? []).slice(1))
    if (typeof key === 'string' && key) meta[key] = value == null ? '' : String(value);
  return meta;
}

export function readMonthlyWorkbook(bytes: Uint8Array) {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', cellDates: false, cellStyles: false, cellHTML: false });
  } catch {
    throw new UserError('UNREADABLE', '无法读取该文件：不是有效的 Excel 工作簿');
  }
  const all = grids(wb);
  const meta = metaOf(all[META_SHEET]);
  if (meta.reportId && meta.reportId !== SENT_REPORT_ID) {
    throw new UserError('NOT_MONTHLY', `该工作簿是“${meta.reportName || meta.reportId}”，不是工作进度月报`);
  }
  const unit = meta.moneyUnit === '万元' || meta.moneyUnit === '元' ? (meta.moneyUnit as MoneyUnit) : null;
  const { figures, problems } = readMonthly(all, meta.period ?? '', unit);
  if (!meta.reportId)
    problems.unshift({
      sheet: META_SHEET,
      cell: '',
      message: '工作簿缺少标识信息（不是本程序导出，或已被另存），已按报表版式读取',
    });
  const edited = !meta.figuresHash || meta.figuresHash !== sha256(Buffer.from(canonicalJson(figures)));
  return { meta, figures, problems, edited };
}
