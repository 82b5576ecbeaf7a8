// A .zip of workbooks as WeChat, e-mail and Windows' 发送到→压缩文件夹 deliver them: the central
// directory read without inflating anything, entry names decoded as their writer meant them (UTF-8
// when the language flag or Info-ZIP's Unicode path field says so, else GBK/CP936 as Chinese
// Windows writes them), and each entry inflated off the main thread with its declared size as a
// hard cap. The container is untrusted: sizes and counts are limited before a byte is inflated
// (a zip bomb is refused by its name), an entry that inflates past what it declared is damaged.
import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { entryDataStart, readCentralDirectory, ZipFault } from '../../imports/zipScan.mjs';

const inflate = promisify(inflateRaw);

/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;
/** Info-ZIP Unicode Path Extra Field: the name in UTF-8 beside a legacy-encoded one. */
const UNICODE_PATH = 0x7075;

export class ZipError extends Error {
  constructor(
    readonly kind: 'damaged' | 'tooLarge',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  /** The path inside the zip, decoded ('/' separators, folders included). */
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
  directory: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name without the UTF-8 flag: UTF-8 if the bytes are valid UTF-8 (macOS, Linux), else GBK. */
function decodeName(raw: Uint8Array, flags: number, extra: Uint8Array): string {
  if (flags & UTF8_FLAG) return new TextDecoder().decode(raw);
  const unicode = unicodePath(extra);
  if (unicode !== null) return unicode;
  if (raw.every((b) => b < 0x80)) return new TextDecoder().decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(Buffer.from(raw), 'gbk');
  }
}

function unicodePath(extra: Uint8Array): string | null {
  const dv = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length;) {
    const id = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    // version (1) + CRC of the legacy name (4) + the UTF-8 name.
    if (id === UNICODE_PATH && len > 5 && p + 4 + len <= extra.length) {
      try {
        return utf8.decode(extra.subarray(p + 9, p + 4 + len));
      } catch {
        return null;
      }
    }
    p += 4 + len;
  }
  return null;
}

/** The shared reader's faults in the clerk's words. */
function damaged(e: unknown): never {
  if (!(e instanceof ZipFault)) throw e;
  if (e.part === 'end') throw new ZipError('damaged', '压缩包不完整（缺少目录，可能下载或复制时中断）');
  if (e.part === 'localHeader') throw new ZipError('damaged', '压缩包中的文件头已损坏');
  throw new ZipError('damaged', '压缩包目录已损坏');
}

/** The zip's entries from its central directory (read by ../../imports/zipScan.mjs); nothing is inflated. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let read: ReturnType<typeof readCentralDirectory>;
  try {
    read = readCentralDirectory(bytes);
  } catch (e) {
    damaged(e);
  }
  if (read.zip64) throw new ZipError('tooLarge', '压缩包为 ZIP64 格式（超过 4 GB 或 65535 项）');
  return read.entries.map(({ rawName, flags, extra, method, compressed, size, offset }) => {
    const name = decodeName(rawName, flags, extra).replace(/\\/g, '/');
    return { name, method, compressed, size, offset, directory: name.endsWith('/') };
  });
}

/** One entry's bytes, never more than its declared size (inflated in libuv's thread pool). */
export async function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  let start: number;
  try {
    start = entryDataStart(bytes, entry.offset);
  } catch (e) {
    damaged(e);
  }
  if (start + entry.compressed > bytes.length) throw new ZipError('damaged', '压缩包不完整');
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) {
    if (entry.compressed !== entry.size) throw new ZipError('damaged', '压缩包中的文件大小与目录不符');
    return data;
  }
  if (entry.method !== 8) throw new ZipError('damaged', `压缩包使用了不支持的压缩方式（${entry.method}）`);
  let out: Buffer;
  try {
    out = await inflate(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new ZipError('damaged', '解压后超过目录声明的大小，或数据已损坏');
  }
  if (out.length !== entry.size) throw new ZipError('damaged', '解压后大小与目录声明不符');
  return out;
}

/** Whether a zip is itself a workbook (.xlsx, .ods) rather than a container of files. */
export const isWorkbookZip = (entries: readonly ZipEntry[]) =>
  entries.some((e) => e.name === '[Content_Types].xml' || e.name === 'mimetype');
