// A 市 office takes in its twenty counties' October reports at once, through dispatch as the page
// sends them: two zips (GBK and UTF-8 names) on 4 November, the loose files on the 7th (past the
// 5th, the deadline). Each workbook lands where it belongs or is refused with the right reason;
// what was received can be downloaded byte for byte; the audit log has every intake; the ledger
// and the 催报 list say who is on time, late, refused or missing; sending it all again files
// nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { TestBackend } from '../helpers/backend';
import { cityBatch, type CityBatch } from './generate';
import { LOOSE_AT, NANCHONG, ZIPS_AT, atTime, officeBackend, receive, type Received } from './office';
import { COUNTIES, PERIOD } from './units';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let batch: CityBatch;
let b: TestBackend;
let results: Received[];
let skipped: { fileName: string; container: string; reason: string }[];
let auditBefore: number;

const auditCount = async () => (await b.ok('audit.list', { pageSize: 1 })).total;

beforeAll(async () => {
  batch = await cityBatch();
  b = await officeBackend('市', NANCHONG.office, NANCHONG.units);
  auditBefore = await auditCount();
  const zips = await receive(b, batch.sends.slice(0, 2), ZIPS_AT, 'zips');
  const loose = await receive(b, batch.sends.slice(2), LOOSE_AT, 'loose');
  results = [...zips.results, ...loose.results];
  skipped = [...zips.skipped, ...loose.skipped];
}, 600_000);
afterAll(() => b?.dispose());

describe('a city office takes in twenty counties at once', () => {
  it('files or refuses each workbook as it must, in the order sent', () => {
    const got = results.map((r) => ({
      what: '',
      fileName: r.fileName,
      container: r.container,
      outcome: r.outcome,
      reasonCode: r.reasonCode,
      unitCode: r.unitCode,
    }));
    const want = batch.expected.map((e) => ({
      what: '',
      fileName: e.fileName,
      container: e.container,
      outcome: e.outcome,
      reasonCode: e.reasonCode,
      unitCode: e.unitCode,
    }));
    // One line per workbook on failure, named by what it is.
    for (const [i, e] of batch.expected.entries()) expect(got[i], e.what).toEqual(want[i]);
    expect(got).toHaveLength(want.length);
  });

  it('reads GBK names in a zip written without the UTF-8 flag, folders and all, and skips what is no workbook', () => {
    const gbk = results.filter((r) => r.container === batch.sends[0].name);
    expect(gbk.map((r) => r.fileName)).toContain(`10月报表/${COUNTIES[0].name}_工作进度月报_2018年10月_v1.xlsx`);
    expect(skipped.map((s) => s.fileName)).toEqual(['10月报表/说明.txt']);
  });

  it('says which version replaced which, and names the county and period of each filed file', () => {
    const v2 = results.find((r) => r.outcome === '新版本')!;
    expect(v2).toMatchObject({ unitCode: batch.correctedUnit, version: 2, replacedVersion: 1, period: PERIOD });
    for (const r of results.filter((x) => x.outcome === '新收')) {
      expect(r.period).toBe(PERIOD);
      expect(r.unitName).toBe(COUNTIES.find((c) => c.code === r.unitCode)!.name);
      expect(r.reportId).not.toBeNull();
    }
  });

  it('refuses the hand-edited file for its digest, names where, and lets the clerk accept it with a note', async () => {
    const edited = results.find((r) => r.reasonCode === 'DIGEST')!;
    expect(edited.acceptable).toBe(true);
    expect(edited.findings.map((f) => f.kind)).toContain('digest');
    expect(edited.reason).toBeTruthy();
    const accepted = (await b.dispatch(
      'intake.accept',
      { fileId: edited.fileId, note: '县里电话确认：02行名录库底册数补录1个，以此为准' },
      atTime('2018-11-08T09:00:00+08:00'),
    )) as { ok: true; data: Received };
    expect(accepted.ok).toBe(true);
    expect(accepted.data).toMatchObject({ outcome: '附说明接收', unitCode: batch.editedUnit, version: 1 });
    // Once accepted it is not acceptable again.
    expect((await b.err('intake.accept', { fileId: edited.fileId, note: '再次' })).code).toBeTruthy();
  });

  it('keeps every file as received: the download is the same bytes', async () => {
    const list = await b.ok('intake.list', { pageSize: 1000 });
    expect(list.total).toBe(batch.expected.length);
    const bySend = new Map(batch.sends.map((s) => [s.name, readFileSync(s.path)]));
    // Loose files (refused ones too) come back as sent; a zip's entries as they were inside it.
    for (const row of list.rows.filter((r) => r.container === null)) {
      const got = await b.ok('intake.download', { fileId: row.id });
      const bytes = Buffer.from(got.base64!, 'base64');
      expect(sha(bytes), row.fileName).toBe(row.sha256);
      if (row.outcome !== '重复') expect(sha(bytes), row.fileName).toBe(sha(bySend.get(row.fileName)!));
    }
    const resaved = list.rows.find((r) => r.unitCode === COUNTIES[2].code && r.outcome === '新收')!;
    const got = await b.ok('intake.download', { fileId: resaved.id });
    expect(Buffer.from(got.base64!, 'base64')).toEqual(readFileSync(batch.filed[COUNTIES[2].code]));
  });

  it('records every intake in the audit log', async () => {
    // One entry per call and one per workbook, and the acceptance.
    expect((await auditCount()) - auditBefore).toBe(batch.sends.length + batch.expected.length + 1);
    const v = await b.ok('audit.verify', {});
    expect(v).toMatchObject({ ok: true });
  });
});

describe('the ledger (报送台账)', () => {
  it('says per county: on time, late, version, accepted with a note, only a draft', async () => {
    const ledger = await b.ok('ledger.get', { from: PERIOD, to: PERIOD });
    expect(ledger.units.map((u) => u.code)).toEqual(COUNTIES.map((c) => c.code));
    expect(ledger.periods).toEqual([expect.objectContaining({ period: PERIOD, deadline: '2018-11-05', due: true })]);
    const cell = (code: string) => ledger.cells.find((c) => c.unitCode === code)!;
    const zipped = results.filter((r) => r.container && r.outcome === '新收').map((r) => r.unitCode!);
    const loose = results.filter((r) => !r.container && r.outcome === '新收').map((r) => r.unitCode!);
    for (const code of zipped) expect(cell(code), code).toMatchObject({ state: '按时', daysLate: 0 });
    for (const code of loose) expect(cell(code), code).toMatchObject({ state: '逾期报送', daysLate: 2 });
    expect(cell(batch.correctedUnit)).toMatchObject({ state: '按时', version: 2, versions: 2 });
    expect(cell(batch.editedUnit)).toMatchObject({ version: 1, acceptNote: expect.stringContaining('电话确认') });
    expect(cell(batch.missingUnit)).toMatchObject({ state: '仅草稿', version: null });
    expect(ledger.cells).toHaveLength(20);
  });

  it('lists the county that sent only a draft in the 催报 message, and no one else', async () => {
    const r = await b.ok('ledger.reminders', { period: PERIOD });
    const missing = COUNTIES.find((c) => c.code === batch.missingUnit)!;
    expect(r.lines.map((l) => l.unitCode)).toEqual([missing.code]);
    expect(r.lines[0]).toMatchObject({ state: '仅草稿', since: '2018-11-05' });
    expect(r.text).toContain(missing.name);
  });

  it('exports to a workbook with a row per county', async () => {
    const file = await b.ok('ledger.export', { from: PERIOD, to: PERIOD });
    const wb = XLSX.read(Buffer.from(file.base64!, 'base64'), { type: 'buffer' });
    const text = wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n])).join('\n');
    for (const c of COUNTIES) expect(text, c.name).toContain(c.name);
  });
});

describe('sending the same files again', () => {
  it('files nothing new: every workbook a duplicate or refused again', async () => {
    const before = b.db.prepare('SELECT count(*) FROM received_reports').pluck().get();
    const again = await receive(b, batch.sends, '2018-11-09T10:00:00+08:00', 'again');
    expect(again.results.filter((r) => r.outcome === '新收' || r.outcome === '新版本')).toEqual([]);
    expect(b.db.prepare('SELECT count(*) FROM received_reports').pluck().get()).toBe(before);
  });
});

describe('versions out of order', () => {
  it('refuses v1 after v2 as an older version', async () => {
    const o = await officeBackend('市', NANCHONG.office, NANCHONG.units);
    try {
      const utf8 = batch.sends[1];
      const gbk = batch.sends[0];
      const first = await receive(o, [utf8], ZIPS_AT);
      expect(first.results.find((r) => r.unitCode === batch.correctedUnit)).toMatchObject({
        outcome: '新收',
        version: 2,
      });
      const then = await receive(o, [gbk], LOOSE_AT);
      expect(then.results.find((r) => r.unitCode === batch.correctedUnit)).toMatchObject({
        outcome: '拒收',
        reasonCode: 'OLDER_VERSION',
      });
    } finally {
      o.dispose();
    }
  }, 300_000);
});
