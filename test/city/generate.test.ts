// The generated test data is what it claims to be: every county's R2 an official export of that
// county (meta, digest over the figures read back), sizes differing, the zips' names encoded as
// stated, and each variant what it says (a draft, a v2 with its reason, a hand edit the digest
// catches although the 合计 still adds up).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { submissionDigest } from '../../backend/reports/digest';
import { cityBatch, type CityBatch } from './generate';
import { readCounty } from './read';
import { COUNTIES } from './units';

const digestOk = (bytes: Buffer) => {
  const r = readCounty(bytes);
  const version = /^\d+$/.test(r.meta.version) ? Number(r.meta.version) : null;
  return (
    submissionDigest({ countyCode: r.meta.countyCode, period: r.meta.period, version, figures: r.figures }) ===
    r.meta.digest
  );
};

/** The entry names of a zip as stored, with the UTF-8 flag of each. */
function zipNames(zip: Buffer): { flag: boolean; raw: Buffer }[] {
  const out = [];
  let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(at + 10);
  at = zip.readUInt32LE(at + 16);
  for (let i = 0; i < count; i++) {
    const flags = zip.readUInt16LE(at + 8);
    const len = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    out.push({ flag: (flags & 0x800) !== 0, raw: zip.subarray(at + 46, at + 46 + len) });
    at += 46 + len + extra;
  }
  return out;
}

let batch: CityBatch;

describe('the city test data', () => {
  it('is made once per run (and says how long it took)', { timeout: 600_000 }, async () => {
    batch = await cityBatch();
    console.log(`city test data: ${JSON.stringify(batch.timings)} ms, LibreOffice resave: ${batch.resaved}`);
    expect(batch.expected.length).toBeGreaterThanOrEqual(27);
    expect(Object.keys(batch.filed)).toHaveLength(19);
  });

  it('holds an official, digest-true R2 of every county that sends one, sizes differing', () => {
    const staff = new Set<number>();
    for (const [unit, path] of Object.entries(batch.filed)) {
      const r = readCounty(readFileSync(path));
      expect(r.problems, unit).toEqual([]);
      expect(r.meta).toMatchObject({
        countyCode: unit,
        cityCode: '5113',
        period: '2018-10',
        status: 'official',
        level: '县',
      });
      expect(digestOk(readFileSync(path)), unit).toBe(unit !== batch.editedUnit);
      const total = r.figures.sheets.staff.find((row) => row.kind === 'total')!;
      staff.add(Number(total.values.enumerators));
    }
    expect(staff.size).toBeGreaterThan(15);
    expect(readCounty(readFileSync(batch.filed[batch.correctedUnit])).meta).toMatchObject({
      version: '2',
      correctionReason: expect.stringContaining('更正'),
    });
  });

  it('carries the hand edit in a figure and its 合计 alike, so only the digest tells', () => {
    const r = readCounty(readFileSync(batch.filed[batch.editedUnit]));
    const rows = r.figures.sheets.progress;
    const total = rows.find((x) => x.kind === 'total')!;
    const sum = rows
      .filter((x) => ['02', '03', '04', '10', '11', '12', '13'].includes(String(x.values.rowCode)))
      .reduce((s, x) => s + Number(x.values.c1), 0);
    expect(total.values.c1).toBe(sum);
  });

  it('names zip entries in GBK without the UTF-8 flag, and in UTF-8 with it', () => {
    const [gbk, utf8] = batch.sends.slice(0, 2).map((s) => zipNames(readFileSync(s.path)));
    expect(gbk.every((e) => !e.flag)).toBe(true);
    expect(gbk.map((e) => iconv.decode(e.raw, 'gbk'))).toContain(
      `10月报表/${COUNTIES[0].name}_工作进度月报_2018年10月_v1.xlsx`,
    );
    // Read as UTF-8 the GBK bytes are no Chinese at all: the case a reader must handle.
    expect(gbk.map((e) => e.raw.toString('utf8')).join('')).not.toContain(COUNTIES[0].name);
    expect(utf8.every((e) => e.flag)).toBe(true);
    expect(utf8.map((e) => e.raw.toString('utf8'))).toContain(`${COUNTIES[9].name}_工作进度月报_2018年10月_v1.xlsx`);
  });

  it('sends a draft as a draft, and the same file twice byte for byte', () => {
    const draft = batch.expected.find((e) => e.reasonCode === 'DRAFT')!;
    const path = batch.sends.find((s) => s.name === draft.fileName)!.path;
    expect(readCounty(readFileSync(path)).meta.status).toBe('draft');
    const twice = batch.expected.find((e) => e.reasonCode === 'SAME_FILE')!;
    expect(readFileSync(batch.sends.find((s) => s.name === twice.fileName)!.path)).toEqual(
      readFileSync(batch.filed[twice.unitCode!]),
    );
  });
});
