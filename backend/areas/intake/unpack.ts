// One file as the clerk dropped it → the workbooks in it. A workbook (.xlsx, .xls, .ods, by its
// bytes) is itself; a zip of workbooks (folders inside walked) gives each workbook entry, its name
// decoded (./zip.ts), and names the entries that are no workbook. A container past the limits —
// too many entries, or declaring more bytes than any batch of monthly reports holds (a zip bomb) —
// is refused as a whole, by its name, before anything is inflated.
import { MAX_FILE_BYTES } from '../../imports/limits';
import { displayFileName } from '../../../core/imports/fileName';
import { inflateZipEntry, isWorkbookZip, type ZipError, zipEntries, type ZipEntry } from './zip';

/**
 * What one zip may hold. A county's R2 is 30–60 KB; a city's twenty counties fit in 2 MB, a
 * province's cities in about as much. 200 workbooks and 64 MB leave room for a year of reports
 * of every county at once, and bound what is held in memory while they are checked.
 */
export const INTAKE_LIMITS = {
  /** Entries in the zip's directory (folders and other files included). */
  maxEntries: 1000,
  /** Workbook entries taken in from one zip. */
  maxWorkbooks: 200,
  /** Sum of the workbook entries' declared sizes. */
  maxUnzippedBytes: 64 * 1024 * 1024,
  /** One workbook, loose or in a zip: the importer's file limit. */
  maxFileBytes: MAX_FILE_BYTES,
} as const;

export interface Workbook {
  /** The name shown: a loose file's own, or the entry's path inside the zip. */
  fileName: string;
  /** The zip it came in, or null. */
  container: string | null;
  bytes: Uint8Array;
}

export interface Unpacked {
  workbooks: Workbook[];
  skipped: { fileName: string; container: string; reason: string }[];
  /** The whole file refused before its entries were looked at (its bytes are filed under its own name). */
  refused: { reasonCode: 'DAMAGED' | 'TOO_LARGE'; reason: string } | null;
}

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et|ods)$/i;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]);

/** Why an entry is not taken in, or null for a workbook. */
function skipReason(entry: ZipEntry): string | null {
  const base = entry.name.split('/').pop() ?? '';
  if (entry.name.startsWith('__MACOSX/') || base.startsWith('._')) return '苹果电脑压缩时附带的隐藏文件，已忽略';
  if (base.startsWith('~$')) return 'Excel 打开文件时留下的临时文件，已忽略';
  if (/\.(zip|rar|7z)$/i.test(base)) return '压缩包中的压缩包未展开：请先解压，再收取其中的工作簿';
  if (!WORKBOOK_EXT.test(base)) return '不是 Excel 工作簿（.xlsx、.xls），未收取';
  return null;
}

export async function unpack(fileName: string, bytes: Uint8Array): Promise<Unpacked> {
  const loose: Unpacked = { workbooks: [{ fileName, container: null, bytes }], skipped: [], refused: null };
  const shown = displayFileName(fileName);
  const refuse = (reasonCode: 'DAMAGED' | 'TOO_LARGE', reason: string): Unpacked => ({
    workbooks: [],
    skipped: [],
    refused: { reasonCode, reason },
  });
  if (bytes.length > INTAKE_LIMITS.maxFileBytes)
    return refuse(
      'TOO_LARGE',
      `“${shown}”有 ${MB(bytes.length)}，超过收取上限 ${MB(INTAKE_LIMITS.maxFileBytes)}：请分成几个压缩包收取`,
    );
  if (!isZip(bytes)) return loose;
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    // A damaged .xlsx is a workbook the parse names as damaged; a damaged .zip is refused here.
    if (WORKBOOK_EXT.test(fileName)) return loose;
    const z = e as ZipError;
    return refuse(z.kind === 'tooLarge' ? 'TOO_LARGE' : 'DAMAGED', `“${shown}”无法解压：${z.message}`);
  }
  if (isWorkbookZip(entries)) return loose;
  if (entries.length > INTAKE_LIMITS.maxEntries)
    return refuse(
      'TOO_LARGE',
      `“${shown}”含 ${entries.length} 项，超过收取上限 ${INTAKE_LIMITS.maxEntries} 项：请分成几个压缩包收取`,
    );

  const skipped: Unpacked['skipped'] = [];
  const taken: ZipEntry[] = [];
  for (const e of entries) {
    if (e.directory) continue;
    const why = skipReason(e);
    if (why) skipped.push({ fileName: e.name, container: fileName, reason: why });
    else taken.push(e);
  }
  if (taken.length > INTAKE_LIMITS.maxWorkbooks)
    return refuse(
      'TOO_LARGE',
      `“${shown}”含 ${taken.length} 个工作簿，超过一次收取的上限 ${INTAKE_LIMITS.maxWorkbooks} 个：请分成几个压缩包收取`,
    );
  const big = taken.find((e) => e.size > INTAKE_LIMITS.maxFileBytes);
  if (big)
    return refuse(
      'TOO_LARGE',
      `“${shown}”中的“${displayFileName(big.name)}”解压后有 ${MB(big.size)}，超过单个工作簿的上限 ${MB(INTAKE_LIMITS.maxFileBytes)}；可能是异常的压缩包（压缩炸弹），已拒收`,
    );
  const declared = taken.reduce((n, e) => n + e.size, 0);
  if (declared > INTAKE_LIMITS.maxUnzippedBytes)
    return refuse(
      'TOO_LARGE',
      `“${shown}”解压后共 ${MB(declared)}，超过收取上限 ${MB(INTAKE_LIMITS.maxUnzippedBytes)}；可能是异常的压缩包（压缩炸弹），已拒收`,
    );

  const workbooks: Workbook[] = [];
  for (const e of taken) {
    try {
      workbooks.push({ fileName: e.name, container: fileName, bytes: await inflateZipEntry(bytes, e) });
    } catch (err) {
      // One damaged entry refuses the zip: what it holds cannot be trusted to be what was sent.
      return refuse('DAMAGED', `“${shown}”中的“${displayFileName(e.name)}”无法解压：${(err as Error).message}`);
    }
  }
  return { workbooks, skipped, refused: null };
}
