// What a file is, from its bytes (never trusting the name alone): an Office Open XML zip, an
// Excel 97–2003 compound file, an encrypted workbook, HTML saved as .xls, or CSV text in one of
// the encodings Chinese Excel and WPS write.
import * as XLSX from '@e965/xlsx';
import { UserError } from '../../db/errors';
import { displayFileName } from '../../core/imports/fileName';

export type FileFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'html';
export type Sniffed = { format: FileFormat; text: string | null; encoding: string | null };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Zip's end-of-central-directory record; a file cut short loses it. */
const EOCD = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

function hasEocd(b: Uint8Array): boolean {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === EOCD[0] && b[i + 1] === EOCD[1] && b[i + 2] === EOCD[2] && b[i + 3] === EOCD[3]) return true;
  }
  return false;
}

export const notSpreadsheet = (name: string) =>
  new UserError(
    'NOT_SPREADSHEET',
    `“${displayFileName(name)}”不是可导入的表格文件：请选择 Excel 工作簿（.xlsx、.xls）或 CSV 文件`,
  );
export const passwordProtected = (name: string) =>
  new UserError(
    'PASSWORD_PROTECTED',
    `“${displayFileName(name)}”设置了打开密码，无法读取：请在 Excel 或 WPS 中打开后取消密码（文件→信息→保护工作簿），另存后再导入`,
  );
export const damaged = (name: string) =>
  new UserError(
    'FILE_DAMAGED',
    `“${displayFileName(name)}”已损坏或不完整（可能下载或复制时中断）：请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入`,
  );

/**
 * The names in a zip's central directory, read without inflating anything (the file is untrusted:
 * its sizes are measured in the parse worker); null when the directory is not there or broken.
 */
function zipEntryNames(b: Uint8Array): string[] | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const names: string[] = [];
  const utf8 = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const length = dv.getUint16(p + 28, true);
    names.push(utf8.decode(b.subarray(p + 46, p + 46 + length)));
    p += 46 + length + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return names;
}

/** A zip is a workbook when it holds one: Office Open XML (Excel, WPS) or OpenDocument (LibreOffice). */
function zipFormat(bytes: Uint8Array, name: string): FileFormat {
  const paths = zipEntryNames(bytes);
  if (!paths) throw damaged(name);
  if (paths.some((p) => /^\/?xl\/workbook\.(xml|bin)$/i.test(p))) return 'xlsx';
  if (paths.some((p) => /^\/?content\.xml$/i.test(p))) return 'ods';
  throw notSpreadsheet(name);
}

/** Encrypted Office files (xlsx and xls alike) are compound files with these streams. */
function isEncryptedCfb(bytes: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    return cfb.FullPaths.some((p: string) => /\/(EncryptionInfo|EncryptedPackage)$/i.test(p));
  } catch {
    return false;
  }
}

const SAVE_AS_UTF8 = '请用 Excel 或 WPS 打开该文件，另存为“CSV UTF-8（逗号分隔）”后再导入';

/** The UTF-8 sequences of `b`: how many multi-byte ones are well formed, and where the first fault is. */
function utf8Faults(b: Uint8Array): { multibyte: number; faults: number; first: number } {
  let multibyte = 0;
  let faults = 0;
  let first = -1;
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= b.length;
    for (let k = 1; ok && k < len; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      if (len > 1) multibyte++;
      i += len;
    } else {
      faults++;
      if (first < 0) first = i;
      i++;
    }
  }
  return { multibyte, faults, first };
}

const lineOf = (b: Uint8Array, at: number) => b.subarray(0, at).filter((v) => v === 0x0a).length + 1;
const hex = (v: number) => `0x${v.toString(16).toUpperCase().padStart(2, '0')}`;

function badEncoding(message: string): UserError {
  return new UserError('BAD_ENCODING', message);
}

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Chinese Excel and WPS write).
 * A file that is one of them but for a fault (a UTF-8 BOM over a GB18030 body, a bad byte in UTF-8)
 * is refused saying what was found and what to do (BAD_ENCODING); null when it is no text at all.
 */
export function decodeText(bytes: Uint8Array, name = '文件'): { text: string; encoding: string } | null {
  const shown = `“${displayFileName(name)}”`;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8（带BOM）' };
    } catch {
      const { multibyte, faults, first } = utf8Faults(body);
      if (faults > multibyte) {
        try {
          new TextDecoder('gb18030', { fatal: true }).decode(body);
          throw badEncoding(
            `${shown}开头标明是 UTF-8 编码（带 BOM），内容却是 GB18030/GBK 编码（中文 Excel 保存的“CSV”）：两种编码混在一起，无法可靠读取。${SAVE_AS_UTF8}`,
          );
        } catch (e) {
          if (e instanceof UserError) throw e;
        }
      }
      throw badEncoding(
        `${shown}是 UTF-8 编码，但第 ${lineOf(body, first)} 行有无效字节（${hex(body[first])}，文件第 ${first + 4} 字节）：文件可能已损坏或混入了其他编码的内容。${SAVE_AS_UTF8}`,
      );
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  // Text files have no NUL bytes; binaries (PDF, images, executables) nearly always do.
  if (bytes.subarray(0, 4096).includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const { multibyte, faults, first } = utf8Faults(bytes);
    // Mostly well-formed UTF-8 with a stray byte or two is UTF-8 damaged, not GB18030.
    if (multibyte >= 2 && multibyte >= faults && faults <= Math.max(4, multibyte / 10))
      throw badEncoding(
        `${shown}是 UTF-8 编码，但第 ${lineOf(bytes, first)} 行有 ${faults} 处无效字节（第一处 ${hex(bytes[first])}，文件第 ${first + 1} 字节）：文件可能已损坏或混入了其他编码的内容。${SAVE_AS_UTF8}`,
      );
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
    } catch {
      const text = new TextDecoder('gb18030').decode(bytes);
      const replaced = text.split('\ufffd').length - 1;
      if (replaced * 50 > text.length) return null;
      const at = text.indexOf('\ufffd');
      throw badEncoding(
        `${shown}既不是有效的 UTF-8 编码，也不是有效的 GB18030/GBK 编码：按 GB18030 读取时第 ${text.slice(0, at).split('\n').length} 行有 ${replaced} 处无法识别的字节，文件可能已损坏。${SAVE_AS_UTF8}`,
      );
    }
  }
}

/** Control characters other than tab and line breaks do not occur in a CSV a clerk saved. */
function looksLikeText(s: string): boolean {
  for (let i = 0; i < Math.min(s.length, 8192); i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) return false;
  }
  return true;
}

export function sniffFile(bytes: Uint8Array, name: string): Sniffed {
  if (bytes.length === 0) throw new UserError('EMPTY_FILE', `“${displayFileName(name)}”是空文件`);
  if (startsWith(bytes, ZIP)) {
    if (!hasEocd(bytes)) throw damaged(name);
    return { format: zipFormat(bytes, name), text: null, encoding: null };
  }
  if (startsWith(bytes, EMPTY_ZIP)) throw notSpreadsheet(name);
  if (startsWith(bytes, CFB)) {
    if (isEncryptedCfb(bytes)) throw passwordProtected(name);
    return { format: 'xls', text: null, encoding: null };
  }
  const decoded = decodeText(bytes, name);
  if (!decoded || !looksLikeText(decoded.text)) throw notSpreadsheet(name);
  // Systems that export "xls" often write an HTML table; SheetJS reads those too.
  if (/^\s*<(!doctype html|html|table)/i.test(decoded.text))
    return { format: 'html', text: decoded.text, encoding: decoded.encoding };
  return { format: 'csv', text: decoded.text, encoding: decoded.encoding };
}
