// A county's townships and villages from the per-province files scripts/divisionTowns.ts makes
// (divisions/towns-51.json beside the renderer): what the first-run wizard offers a county office.
// Pure: the renderer fetches the file, these functions read it.
import { villageKind } from '../validate/regionCode';

/** One province's file: county code → [township's last 3 digits, name, villages as "001某某村"]. */
export interface TownFile {
  source: string;
  counties: Record<string, [string, string, string[]][]>;
}

export interface VillageDraft {
  code: string;
  name: string;
}
export interface TownshipDraft {
  code: string;
  name: string;
  villages: VillageDraft[];
}

/** Where a province's file lies, relative to the renderer's page. */
export const townFileName = (provinceCode: string) => `divisions/towns-${provinceCode}.json`;

/** 「某某街道办事处」 reads 「某某街道」 as a clerk writes it. */
export const shortTownshipName = (name: string) => name.replace(/街道办事处$/, '街道');

/**
 * The dataset names a village by its committee (某某村民委员会, 某某社区居委会); the registries name
 * the place: 某某村, 某某社区.
 */
export function shortVillageName(name: string): string {
  const ending = (rest: string, end: string) => (rest.endsWith(end) ? rest : rest + end);
  const village = /^(.+?)(村民委员会|村委会)$/.exec(name);
  if (village) return ending(village[1], '村');
  const community = /^(.+?)(社区居民委员会|社区居委会|居民委员会|居委会)$/.exec(name);
  return community ? ending(community[1], '社区') : name;
}

/** 行政村 (progress row 11) are the 村委会 among them, read from the code (200–399). */
export const administrativeVillages = (villages: readonly VillageDraft[]) =>
  villages.filter((v) => villageKind(v.code) === '村委会').length;

/** A county's townships with their villages, in code order; empty when the file does not know it. */
export function countyTowns(file: TownFile, countyCode: string): TownshipDraft[] {
  return (file.counties[countyCode] ?? []).map(([tail, name, villages]) => {
    const code = countyCode + tail;
    return { code, name, villages: villages.map((v) => ({ code: code + v.slice(0, 3), name: v.slice(3) })) };
  });
}
