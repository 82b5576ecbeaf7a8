// Issue #16: an R2 edited after export so that its 合计 stay consistent — 核对 names the edited
// sheet from the meta's per-sheet digests (sheetDigests), with or without a record of the file; an
// older file without the key keeps the general wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { TestBackend } from '../helpers/backend';
import type { OutputOf } from '../../core/api';
import { demoBackend, exportReport, metaOf, nowCtx } from './helpers';
import { edited } from './verifyCases';
import { rebuildFile } from '../../backend/reports/builders';
import type { RebuildJob } from '../../backend/reports/types';

type Verified = OutputOf<'report.read'>;

let b: TestBackend;
let other: TestBackend;
let official: Buffer;
let exportId: string;

async function verify(backend: TestBackend, bytes: Buffer): Promise<Verified> {
  const r = await backend.dispatch('report.read', { base64: bytes.toString('base64') }, nowCtx);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data as Verified;
}
const digestSaid = (v: Verified) => v.findings.find((f) => f.kind === 'digest')?.message ?? '';

/** 两员情况: one more 村(居)联络员 (column J) in the first township row and in the 合计 row above it. */
export function consistentStaffEdit(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet('两员情况')!;
  for (const cell of ['J5', 'J6']) ws.getCell(cell).value = Number(ws.getCell(cell).value ?? 0) + 1;
}

const dropMeta = (key: string) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet('_meta')!;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === key) ws.spliceRows(n, 1);
  });
};

beforeAll(async () => {
  b = await demoBackend();
  other = await demoBackend();
  const out = await exportReport(b, { reportId: 'R2', period: '2018-10', mode: 'official' });
  official = out.bytes;
  exportId = metaOf(official).exportId;
  const office = (await other.ok('office.get', {}))! as Record<string, unknown>;
  const { id: _i, createdAt: _c, updatedAt: _u, ...profile } = office;
  await other.ok('office.save', { ...profile, countyCode: '511304', countyName: '嘉陵区' } as never);
}, 120_000);
afterAll(() => {
  b?.dispose();
  other?.dispose();
});

describe('per-sheet digests (sheetDigests)', () => {
  it('are written in the meta of every R2, official and draft, one per sheet', async () => {
    const draft = (await exportReport(b, { reportId: 'R2', period: '2018-10', mode: 'draft' })).bytes;
    for (const bytes of [official, draft]) {
      const meta = metaOf(bytes);
      const keys = Object.keys(meta);
      expect(keys.indexOf('sheetDigests')).toBe(keys.indexOf('digest') + 1);
      const parsed = JSON.parse(meta.sheetDigests) as Record<string, string>;
      expect(Object.keys(parsed).sort()).toEqual(
        ['budget', 'contracts', 'milestones', 'progress', 'staff', 'training'].sort(),
      );
      for (const d of Object.values(parsed)) expect(d).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('name the sheet edited consistently, without a record (another office)', async () => {
    const bytes = await edited(official, consistentStaffEdit);
    const v = await verify(other, bytes);
    expect(v.digest).toBe('mismatch');
    expect(v.findings.filter((f) => f.kind === 'total')).toEqual([]);
    expect(digestSaid(v)).toMatch(/数据摘要与工作簿内容不符.*被修改的表：两员情况$/);
    expect(digestSaid(v)).not.toContain('无法确定');
  });

  it('name the sheet edited consistently, with the record (this office)', async () => {
    const v = await verify(b, await edited(official, consistentStaffEdit));
    expect(digestSaid(v)).toMatch(/被修改的表：两员情况$/);
  });

  it('an older file without the key keeps the general wording', async () => {
    const old = await edited(official, (wb) => {
      dropMeta('sheetDigests')(wb);
      consistentStaffEdit(wb);
    });
    expect(metaOf(old).sheetDigests).toBeUndefined();
    const v = await verify(other, old);
    expect(v.digest).toBe('mismatch');
    expect(digestSaid(v)).toContain('无法确定是哪张表（各表合计与比率仍一致）');
    // Untouched but for the missing key: the overall digest still holds.
    expect((await verify(other, await edited(official, dropMeta('sheetDigests')))).findings).toEqual([]);
  });

  it('an edited meta (county code) keeps the general wording', async () => {
    const bytes = await edited(official, (wb) =>
      wb.getWorksheet('_meta')!.eachRow((row) => {
        if (row.getCell(1).value === 'countyCode') row.getCell(2).value = '511399';
      }),
    );
    expect(digestSaid(await verify(other, bytes))).toContain('无法确定是哪张表');
    expect(digestSaid(await verify(b, bytes))).toContain('被修改的是标识信息');
  });

  it('a version recorded before the key rebuilds from its recorded meta, without the key, the same each time', async () => {
    // A version recorded before issue #16: its recorded meta without sheetDigests, and the hash of the
    // file the writer makes from it (what that version's file was: the writer is a pure function).
    const row = b.db
      .prepare('SELECT id, figures_json, exported_at, file_name FROM report_exports WHERE export_uid = ?')
      .get(exportId) as { id: number; figures_json: string; exported_at: string; file_name: string };
    const recorded = JSON.parse(row.figures_json) as Omit<RebuildJob, 'type' | 'version' | 'exportedAt' | 'fileName'>;
    expect(recorded.meta.sheetDigests).toBe(metaOf(official).sheetDigests);
    delete recorded.meta.sheetDigests;
    const old = await rebuildFile(
      { type: 'rebuild', version: 1, ...recorded, exportedAt: row.exported_at, fileName: row.file_name },
      () => {},
    );
    b.db
      .prepare('UPDATE report_exports SET figures_json = ?, file_hash = ? WHERE id = ?')
      .run(JSON.stringify(recorded), old.sha256, row.id);
    const again = async () => {
      const r = await b.dispatch('report.reexport', { exportId: row.id }, nowCtx);
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
      return Buffer.from((r.data as { base64: string }).base64, 'base64');
    };
    const first = await again();
    expect(first.equals(Buffer.from(old.bytes))).toBe(true);
    expect((await again()).equals(first)).toBe(true);
    const { sheetDigests: _s, ...rest } = metaOf(official);
    expect(metaOf(first)).toEqual(rest);
    expect((await verify(b, first)).findings).toEqual([]);
  });
});
