// Workbooks built in the tests, the way Excel, WPS and LibreOffice lay them out.
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { idCheckChar } from '../../core/validate/idNumber';

type Aoa = unknown[][];
export interface SheetSpec {
  name: string;
  rows: Aoa;
  /** 'A1:M1' style ranges. */
  merges?: string[];
}

export function xlsxOf(sheets: SheetSpec[], bookType: 'xlsx' | 'xls' | 'ods' = 'xlsx'): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
}

export const sheet = (rows: Aoa, merges?: string[], name = 'Sheet1') => xlsxOf([{ name, rows, merges }]);

export function csvBytes(text: string, encoding: 'utf8' | 'utf8bom' | 'gb18030' | 'utf16le'): Buffer {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  if (encoding === 'utf8') return Buffer.from(crlf, 'utf8');
  if (encoding === 'utf8bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]);
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]);
  return iconv.encode(crlf, 'gb18030');
}

/** A valid ID: 511323, a birth date, three order digits (odd last → 男). */
export const makeId = (birth: string, order: string, region = '511323') => {
  const body = `${region}${birth}${order}`;
  return body + idCheckChar(body);
};

/** Parsed back with SheetJS, for checking a workbook we wrote. */
export function readBack(bytes: Buffer): { name: string; rows: unknown[][]; merges: string[] }[] {
  const wb = XLSX.read(bytes, { type: 'buffer', cellDates: false });
  return wb.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: true, defval: null }),
    merges: (wb.Sheets[name]['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)),
  }));
}
