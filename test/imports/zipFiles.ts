// Hostile workbooks made by hand in the tests: an .xlsx written by SheetJS, its sheet XML edited,
// and the zip written again by a tiny writer that can also declare sizes that are not true.
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { sheet } from './make';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** The uncompressed size written in the headers (the true one unless a test lies). */
  declaredSize?: number;
}

export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** The entries of an .xlsx (as SheetJS wrote it). */
export function entriesOf(xlsx: Buffer): ZipEntry[] {
  const cfb = XLSX.CFB.read(xlsx, { type: 'buffer' });
  const out: ZipEntry[] = [];
  cfb.FileIndex.forEach((f: { type: number; content?: Uint8Array }, i: number) => {
    const name = cfb.FullPaths[i].replace(/^[^/]*\//, '');
    if (f.type === 2 && f.content && !name.startsWith('\x01'))
      out.push({ name, data: Buffer.from(f.content as Uint8Array) });
  });
  return out;
}

/** A small roster .xlsx whose first sheet's XML is changed by `edit`, plus extra entries. */
export function editedXlsx(rows: unknown[][], edit: (xml: string) => string, extra: ZipEntry[] = []): Buffer {
  const entries = entriesOf(sheet(rows)).map((e) =>
    e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: Buffer.from(edit(e.data.toString('utf8')), 'utf8') } : e,
  );
  return zipOf([...entries, ...extra]);
}

/** Adds `<mergeCells>` after `</sheetData>`. */
export const withMerges =
  (...refs: string[]) =>
  (xml: string) =>
    xml.replace(
      '</sheetData>',
      `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`,
    );
