// A minimal zip writer for the intake tests: entry names either in UTF-8 with the language-encoding
// flag (general purpose bit 11), as 7-Zip and macOS write them, or in GBK without the flag, as
// Windows' "发送到 → 压缩(zipped)文件夹" and WeChat on Windows do — the case a reader that assumes
// CP437 or UTF-8 garbles. Entries are deflated (zlib) and carry their CRC-32 (zlib.crc32).
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface ZipEntry {
  /** Path inside the zip, '/'-separated; a name ending in '/' is a folder. */
  name: string;
  bytes?: Buffer;
}

const DOS_TIME = (10 << 11) | (0 << 5); // 10:00:00
const DOS_DATE = ((2018 - 1980) << 9) | (11 << 5) | 2; // 2018-11-02

export function makeZip(entries: ZipEntry[], encoding: 'utf8' | 'gbk'): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoding === 'utf8' ? Buffer.from(e.name, 'utf8') : iconv.encode(e.name, 'gbk');
    const data = e.bytes ?? Buffer.alloc(0);
    const folder = e.name.endsWith('/');
    const packed = folder ? data : deflateRawSync(data);
    const method = folder ? 0 : 8;
    const flags = encoding === 'utf8' ? 0x0800 : 0;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    // Made by: MS-DOS (0) as Windows writes; version 2.0.
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(folder ? 0x10 : 0x20, 38); // DOS directory / archive attribute
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
