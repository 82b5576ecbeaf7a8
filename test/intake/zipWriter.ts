// A hand-written zip, to make the containers intake must read as they arrive: names in GBK with
// the UTF-8 flag off (Windows' 发送到→压缩文件夹 on a Chinese system), or UTF-8 with the flag on
// (7-Zip, WeChat), or UTF-8 without it (macOS); and hostile ones whose declared sizes lie.
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface ZipItem {
  name: string;
  data: Buffer;
  /** How the name is written: gbk (flag off), utf8 (flag on), utf8-noflag. Default utf8. */
  names?: 'gbk' | 'utf8' | 'utf8-noflag';
  /** Stored (0) or deflated (8, default). */
  method?: 0 | 8;
  /** A lie about the uncompressed size (the directory and local header both say it). */
  declaredSize?: number;
  /**
   * Info-ZIP's Unicode Path Extra Field (0x7075) carrying the name in UTF-8, beside this legacy
   * name (written as is, flag off), as some Windows archivers write it.
   */
  legacyName?: string;
}

function unicodePathField(legacy: Buffer, name: Buffer): Buffer {
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(legacy), 5);
  return Buffer.concat([field, name]);
}

export function buildZip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const it of items) {
    const enc = it.names ?? 'utf8';
    const utf8 = Buffer.from(it.name, 'utf8');
    const name = it.legacyName
      ? Buffer.from(it.legacyName, 'latin1')
      : enc === 'gbk'
        ? iconv.encode(it.name, 'gbk')
        : utf8;
    const extra = it.legacyName ? unicodePathField(name, utf8) : Buffer.alloc(0);
    const flags = enc === 'utf8' && !it.legacyName ? 0x0800 : 0;
    const method = it.method ?? 8;
    const body = method === 8 ? deflateRawSync(it.data) : it.data;
    const size = it.declaredSize ?? it.data.length;
    const crc = crc32(it.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
