// A city or province office for the dispatch tests: set up through setup.init at its level with
// its units, and a helper that sends files to intake.receive as the page does (one call per file,
// one batch id per drop) at a given moment.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { adminCtx, tempBackend, type TestBackend } from '../helpers/backend';
import type { CallCtx } from '../../backend/context';
import type { OutputOf } from '../../core/api';
import { CITY, COUNTIES, type CountySpec } from './units';

export type Received = OutputOf<'intake.receive'>['results'][number];

export const atTime = (iso: string): CallCtx => ({ ...adminCtx, now: () => new Date(iso) });

export async function officeBackend(
  level: '市' | '省',
  office: { code: string; name: string; cityCode: string | null },
  units: { code: string; name: string }[],
): Promise<TestBackend> {
  const b = tempBackend();
  const r = await b.dispatch(
    'setup.init',
    {
      office: {
        level,
        countyName: office.name,
        countyCode: office.code,
        cityName: level === '市' ? office.name : null,
        cityCode: office.cityCode,
        unitName: `${office.name}第二次全国污染源普查领导小组办公室`,
        headName: '何志刚',
        statsHeadName: '唐丽华',
        preparerName: '罗晓梅',
        phone: '0817-2221234',
      },
      admin: { name: 'admin', password: 'city-admin-1' },
      units,
    },
    atTime('2018-10-01T09:00:00+08:00'),
  );
  if (!r.ok) throw new Error(`setup.init (${level}): ${r.error.code} ${r.error.message}`);
  return b;
}

export const unitsOf = (specs: CountySpec[]) => specs.map((s) => ({ code: s.code, name: s.name }));

/** Sends files one call each, as a drop on 收取报表 does; returns every workbook's result in order. */
export async function receive(
  b: TestBackend,
  files: { name?: string; path: string }[],
  when: string,
  batchId = `batch-${when}`,
): Promise<{ results: Received[]; skipped: OutputOf<'intake.receive'>['skipped'] }> {
  const results: Received[] = [];
  const skipped: OutputOf<'intake.receive'>['skipped'] = [];
  for (const f of files) {
    const r = await b.dispatch(
      'intake.receive',
      { fileName: f.name ?? basename(f.path), base64: readFileSync(f.path).toString('base64'), batchId },
      atTime(when),
    );
    if (!r.ok) throw new Error(`intake.receive ${f.name ?? f.path}: ${r.error.code} ${r.error.message}`);
    const out = r.data as OutputOf<'intake.receive'>;
    results.push(...out.results);
    skipped.push(...out.skipped);
  }
  return { results, skipped };
}

/** 南充市's office (the batch's city) and its twenty counties, as the city tests set it up. */
export const NANCHONG = {
  office: { code: CITY.officeCode, name: CITY.name, cityCode: CITY.code },
  units: unitsOf(COUNTIES),
};

export const ZIPS_AT = '2018-11-04T10:00:00+08:00';
export const LOOSE_AT = '2018-11-07T10:00:00+08:00';
export const ACCEPT_AT = '2018-11-08T09:00:00+08:00';

/**
 * The 南充 office after the October batch: the zips on the 4th, the loose files on the 7th, the
 * hand-edited file accepted with a note on the 8th.
 */
export async function filledCity(
  batch: { sends: { name: string; path: string }[] },
  office: { code: string; name: string; cityCode: string },
  units: { code: string; name: string }[],
): Promise<{ b: TestBackend; results: Received[] }> {
  const b = await officeBackend('市', office, units);
  const zips = await receive(b, batch.sends.slice(0, 2), ZIPS_AT, 'zips');
  const loose = await receive(b, batch.sends.slice(2), LOOSE_AT, 'loose');
  const results = [...zips.results, ...loose.results];
  for (const r of results.filter((x) => x.acceptable)) {
    const a = await b.dispatch(
      'intake.accept',
      { fileId: r.fileId, note: '县里电话确认，以此为准' },
      atTime(ACCEPT_AT),
    );
    if (!a.ok) throw new Error(`intake.accept: ${a.error.message}`);
  }
  return { b, results };
}

/** 南充市's office after the October batch (filledCity with NANCHONG). */
export const filledNanchong = (batch: { sends: { name: string; path: string }[] }) =>
  filledCity(batch, NANCHONG.office, NANCHONG.units);

/** The office's R2 (its consolidated report) exported, and its bytes. */
export async function exportCityReport(
  b: TestBackend,
  period: string,
  mode: 'official' | 'draft',
  when: string,
  correctionReason?: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const r = await b.dispatch(
    'report.export',
    { reportId: 'R2', period, mode, ...(correctionReason ? { correctionReason } : {}) },
    atTime(when),
  );
  if (!r.ok) throw new Error(`report.export R2 ${mode}: ${r.error.code} ${r.error.message}`);
  const out = r.data as { fileName: string; base64?: string };
  return { fileName: out.fileName, bytes: Buffer.from(out.base64 ?? '', 'base64') };
}
